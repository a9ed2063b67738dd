"""The shape every rule has: a code, a name, its own VALID/INVALID cases, visit/leave methods.

Rules read CPython's `ast` (fast to parse, exact source ranges). A rule that can fix what it
reports states the fix as a plan, on the ast nodes it already holds:

    from ..plans import AddKeyword, DropsUse, SetArgument

    self.report(node, message, fix=self.plan_fix(AddKeyword(node, "timeout", "30"), safety="unsafe"))

A plan is a few changes from `pdlint.plans` (an argument's value becomes some text, a keyword is
added, renamed or removed, dict entries go, a statement becomes `return ...`, a statement is
inserted after another, statements are removed, statements go into a `with` block, a call is
hoisted into a `with`, an imported name loses a use). Nothing else: no libcst, no code that
builds the fix. `pdlint.fixes` realises the plans of a snippet together on one libcst tree,
keeping the layout and every comment. State a plan only where it applies (the rule's `ast`
checks decide): `fixable` promises that `--fix` (or `--unsafe-fixes` for "unsafe") removes the
finding, and the fix corpus checks that promise. `safety` defaults to the rule's `fix_safety`;
say "unsafe" when the change can alter what the code does.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Sequence

from ..finding import FixPlan, FixSafety

if TYPE_CHECKING:
    from ..engine import Context
    from ..plans import Change


@dataclass(frozen=True)
class Valid:
    code: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", textwrap.dedent(self.code).lstrip("\n"))


@dataclass(frozen=True)
class Invalid:
    """Code the rule must flag; `line` (1-based, in the dedented code) where it must be reported,
    `expected_fix` what the rule's fix turns the code into (safe and unsafe fixes applied)."""

    code: str
    line: int | None = None
    expected_fix: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", textwrap.dedent(self.code).lstrip("\n"))
        if self.expected_fix is not None:
            object.__setattr__(
                self, "expected_fix", textwrap.dedent(self.expected_fix).lstrip("\n")
            )


_HANDLER_PREFIXES = ("visit_", "leave_")


class Rule:
    """Base class. Subclasses define `code`, `name`, `summary`, cases, and visit_/leave_ methods
    named after `ast` node classes (`visit_Call`, `leave_FunctionDef`, ...)."""

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    fix_safety: ClassVar[FixSafety | None] = None
    VALID: ClassVar[Sequence[Valid]] = ()
    INVALID: ClassVar[Sequence[Invalid]] = ()

    def __init__(self, context: "Context") -> None:
        self.context = context
        self.model = context.model

    @classmethod
    def handler_table(cls) -> tuple[tuple[str, type, str], ...]:
        """(`visit`|`leave`, node class, method name), computed once per class."""
        cached = cls.__dict__.get("_handler_table")
        if cached is None:
            entries = []
            for attr in dir(cls):
                if not attr.startswith(_HANDLER_PREFIXES):
                    continue
                kind, _, type_name = attr.partition("_")
                node_class = getattr(ast, type_name, None)
                if not isinstance(node_class, type) or not issubclass(node_class, ast.AST):
                    raise TypeError(f"{cls.__name__}.{attr}: no ast node named {type_name}")
                entries.append((kind, node_class, attr))
            cached = tuple(entries)
            cls._handler_table = cached  # type: ignore[attr-defined]
        return cached

    def report(self, node, message: str | None = None, fix: "FixPlan | None" = None) -> None:
        self.context.report(self, node, message or self.summary, fix)

    def plan_fix(self, *changes: "Change", safety: FixSafety | None = None) -> FixPlan:
        """The fix of a finding: these changes, applied together (see the module's documentation)."""
        return FixPlan(tuple(changes), safety or self.fix_safety or "safe")

    @property
    def parents(self) -> list:
        return self.context.parents
