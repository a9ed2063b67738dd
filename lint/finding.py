"""What a rule reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

FixSafety = Literal["safe", "unsafe"]


@dataclass(frozen=True)
class Fix:
    """Replace `node` by `replacement` (a node, a `FlattenSentinel` or `RemovalSentinel`)."""

    node: Any
    replacement: Any
    safety: FixSafety = "safe"
    # Further (node -> replacement) pairs that belong to the same fix and must be applied with it.
    extra: tuple[tuple[Any, Any], ...] = ()


@dataclass(order=True)
class Finding:
    path: str
    line: int
    column: int
    code: str
    name: str = field(compare=False)
    message: str = field(compare=False)
    fix: Fix | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "name": self.name,
            "message": self.message,
            "fixable": None if self.fix is None else self.fix.safety,
        }
