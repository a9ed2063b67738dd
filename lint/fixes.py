"""Build fixes for rules, and apply them to source text until nothing more can be fixed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import libcst as cst

from .finding import Fix, FixSafety
from .rules import Rule
from .sources import Snippet

MAX_ROUNDS = 10


# --- helpers rules use to describe a fix -------------------------------------------------------
def replace(node: cst.CSTNode, replacement: object, safety: FixSafety = "safe") -> Fix:
    return Fix(node=node, replacement=replacement, safety=safety)


def insert_after_statement(line: cst.CSTNode, code: str, safety: FixSafety = "safe") -> Fix:
    """Add the statement `code` right after the statement line `line`, at the same indentation."""
    statement = cst.parse_statement(code)
    return Fix(node=line, replacement=cst.FlattenSentinel([line, statement]), safety=safety)


# --- applying fixes ------------------------------------------------------------------------------
class _Replacer(cst.CSTTransformer):
    def __init__(self, replacements: dict[int, object]) -> None:
        super().__init__()
        self.replacements = replacements

    def on_leave(self, original_node, updated_node):  # type: ignore[override]
        replacement = self.replacements.get(id(original_node))
        return updated_node if replacement is None else replacement


def _pairs(fix: Fix) -> list[tuple[object, object]]:
    return [(fix.node, fix.replacement), *fix.extra]


def apply_fixes(module: cst.Module, fixes: Sequence[Fix]) -> str | None:
    replacements = {id(node): new for fix in fixes for node, new in _pairs(fix)}
    try:
        code = module.visit(_Replacer(replacements)).code
        cst.parse_module(code)
    except Exception:  # noqa: BLE001 - a fix that cannot be rendered or re-parsed is dropped
        return None
    return code


def _disjoint(fixes: list[Fix], positions) -> list[Fix]:
    """Fixes whose nodes do not overlap one another (the first one wins)."""
    chosen: list[Fix] = []
    taken: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for fix in fixes:
        spans = []
        for node, _ in _pairs(fix):
            span = positions.get(node) if positions is not None else None
            if span is None:
                break
            spans.append(((span.start.line, span.start.column), (span.end.line, span.end.column)))
        else:
            if all(end <= start2 or end2 <= start for start, end in spans for start2, end2 in taken):
                chosen.append(fix)
                taken.extend(spans)
    return chosen


@dataclass
class FixOutcome:
    text: str
    fixed: int


def fix_source(
    text: str,
    rule_classes: Sequence[type[Rule]],
    settings: dict[str, object] | None = None,
    unsafe: bool = False,
    kind: str = "python",
) -> FixOutcome:
    """Apply every enabled fix to one snippet (or file) of Python until none is left."""
    from .engine import lint_snippet

    fixed = 0
    for _ in range(MAX_ROUNDS):
        result = lint_snippet(Snippet(text=text, kind=kind), "<fix>", rule_classes, settings)
        if result.module is None:
            break
        fixes = [
            f.fix for f in result.findings
            if f.fix is not None and (unsafe or f.fix.safety == "safe")
        ]
        if not fixes:
            break
        chosen = _disjoint(fixes, result.positions)
        code = apply_fixes(result.module, chosen)
        if code is None:
            chosen = [fix for fix in chosen if apply_fixes(result.module, [fix]) is not None][:1]
            code = apply_fixes(result.module, chosen) if chosen else None
        if code is None or code == text:
            break
        text = code
        fixed += len(chosen)
    return FixOutcome(text, fixed)
