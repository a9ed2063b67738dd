"""Build fixes on libcst's concrete tree, and apply them until nothing more can be fixed.

Rules find problems on CPython's `ast`; a rule that can fix one reports a `FixPlan`. Only when
fixes (or their text edits) are wanted is the snippet parsed with libcst, and each plan builds its
`Fix` from the libcst nodes a `Locator` finds at the places of the ast nodes (both trees give
the same source ranges), so fixes keep the formatting and comments around them.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Sequence

import libcst as cst

from .config import Options
from .finding import Finding, Fix, FixPlan, FixSafety  # noqa: F401 - FixPlan is re-exported
from .positions import Positions
from .rules import Rule
from .sources import Snippet

MAX_ROUNDS = 10


class Locator:
    """The libcst node at the place of an ast node, and libcst parents."""

    def __init__(self, module: cst.Module, positions: Positions, text: str) -> None:
        self.module = module
        self.positions = positions
        from .engine import source_lines

        self._lines = source_lines(text)
        self._at: dict[tuple[int, int], list[cst.CSTNode]] | None = None
        self._parent: dict[int, cst.CSTNode] = {}

    def _index(self) -> dict[tuple[int, int], list[cst.CSTNode]]:
        if self._at is None:
            at: dict[tuple[int, int], list[cst.CSTNode]] = {}
            stack: list[cst.CSTNode] = [self.module]
            while stack:
                node = stack.pop()
                span = self.positions.get(node)
                if span is not None:
                    at.setdefault((span.start.line, span.start.column), []).append(node)
                for child in cst_children(node):
                    self._parent[id(child)] = node
                    stack.append(child)
            self._at = at
        return self._at

    def _column(self, line: int, byte_offset: int) -> int:
        text = self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        if text.isascii():
            return byte_offset
        return len(text.encode("utf-8")[:byte_offset].decode("utf-8", "replace"))

    def start(self, node: ast.AST) -> tuple[int, int]:
        return node.lineno, self._column(node.lineno, node.col_offset)  # type: ignore[attr-defined]

    def end(self, node: ast.AST) -> tuple[int, int]:
        line = node.end_lineno  # type: ignore[attr-defined]
        return line, self._column(line, node.end_col_offset)  # type: ignore[attr-defined]

    def node(self, node: object, kind: type | tuple[type, ...]):
        """The libcst node of class `kind` with the same source range as `node` (an ast node,
        or anything with ast's position attributes), else None."""
        start, end = self.start(node), self.end(node)  # type: ignore[arg-type]
        fallback = None
        for candidate in self._index().get(start, ()):
            if not isinstance(candidate, kind):
                continue
            span = self.positions.get(candidate)
            if span is not None and (span.end.line, span.end.column) == end:
                return candidate
            fallback = fallback or candidate
        return fallback

    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        self._index()
        return self._parent.get(id(node))

    def statement_line(self, statement: ast.stmt) -> cst.CSTNode | None:
        """The libcst statement holding the ast statement: a `SimpleStatementLine` (for simple
        statements) or the compound statement itself."""
        if isinstance(statement, _COMPOUND):
            return self.node(statement, cst.BaseCompoundStatement)
        small = self.node(statement, cst.BaseSmallStatement)
        return None if small is None else self.parent(small)


def cst_children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """A libcst node's child nodes (whitespace and punctuation included; they are never matched)."""
    return list(node.children)


_COMPOUND = (
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While,
    ast.With, ast.AsyncWith, ast.Try, ast.Match,
    *((ast.TryStar,) if hasattr(ast, "TryStar") else ()),
)


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
    fixed: list[Finding]


def fix_snippet(
    text: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None = None,
    unsafe: bool = False,
    kind: str = "python",
) -> FixOutcome:
    """Apply every enabled fix to one snippet (or file) of Python until none is left."""
    from .engine import lint_snippet
    from .flags import Flags

    fixed: list[Finding] = []
    flags = Flags(fixes=True)
    for _ in range(MAX_ROUNDS):
        result = lint_snippet(Snippet(text=text, kind=kind), "<fix>", rule_classes, options, flags)
        wanted = [
            f for f in result.findings
            if f.fix is not None and (unsafe or f.fix.safety == "safe")
        ]
        if not wanted or result.module is None:
            break
        chosen = _disjoint([f.fix for f in wanted], result.positions)
        code = apply_fixes(result.module, chosen)
        if code is None:
            chosen = [fix for fix in chosen if apply_fixes(result.module, [fix]) is not None][:1]
            code = apply_fixes(result.module, chosen) if chosen else None
        if code is None or code == text:
            break
        text = code
        ids = {id(fix) for fix in chosen}
        fixed.extend(f.detached() for f in wanted if id(f.fix) in ids)
    return FixOutcome(text, fixed)
