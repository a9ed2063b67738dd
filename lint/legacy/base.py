"""Rules still written against libcst nodes (until they move to `ast`)."""

from __future__ import annotations

from types import ModuleType
from typing import ClassVar

import libcst as cst

from ..finding import Fix
from ..rules.base import Invalid, Valid
from ..rules.base import Rule as _Rule

__all__ = ["Invalid", "Rule", "Valid"]


class Rule(_Rule):
    """visit_/leave_ methods named after libcst node classes; fixes are `Fix`es of libcst nodes."""

    syntax: ClassVar[str] = "cst"

    @classmethod
    def node_module(cls) -> ModuleType:
        return cst

    def report(  # type: ignore[override]
        self, node: cst.CSTNode, message: str | None = None, fix: Fix | None = None
    ) -> None:
        self.context.report(self, node, message or self.summary, fix)
