"""`# noqa: PD104`, `# pdlint: ignore[PD104]`, `# pdlint: ignore-file[PD105]`.

A line suppression covers the whole statement it stands in: any line of a multi-line statement (or
of a compound statement's header) silences findings reported on any other line of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

import libcst as cst

if TYPE_CHECKING:
    from .positions import Positions

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?", re.I)
_PDLINT = re.compile(r"#\s*pdlint:\s*(?P<kind>ignore-file|ignore)(?:\[(?P<codes>[^\]]*)\])?")
_CODE = re.compile(r"[A-Za-z]+[0-9]+")
MARKERS = ("noqa", "pdlint:")


@dataclass
class Suppression:
    line: int  # 1-based, in the snippet
    column: int  # 0-based
    codes: frozenset[str] | None  # None: every code
    whole_file: bool
    text: str
    used: set[str] = field(default_factory=set)

    def covers(self, code: str) -> bool:
        return self.codes is None or code in self.codes


def parse(text: str, allow_bare_noqa: bool) -> list[Suppression]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "#" not in line:
            continue
        for match in _PDLINT.finditer(line):
            raw = match["codes"]
            codes = None if raw is None or not raw.strip() else _codes(raw)
            found.append(Suppression(number, match.start(), codes, match["kind"] == "ignore-file", match.group(0)))
        for match in _NOQA.finditer(line):
            raw = match["codes"]
            if raw is None:
                if allow_bare_noqa:
                    found.append(Suppression(number, match.start(), None, False, match.group(0)))
                continue
            codes = frozenset(c for c in _codes(raw) if c.startswith("PD"))
            if codes:  # a noqa for other tools' codes only is not ours
                found.append(Suppression(number, match.start(), codes, False, match.group(0)))
    return found


def _codes(raw: str) -> frozenset[str]:
    return frozenset(code.upper() for code in _CODE.findall(raw))


def statement_spans(module: cst.Module, positions: "Positions") -> list[tuple[int, int]]:
    """(first line, last line) of every simple statement line and compound-statement header."""
    spans = []
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        body = getattr(node, "body", None)
        if isinstance(node, cst.SimpleStatementLine):
            span = positions.get(node)
            if span is not None and span.end.line > span.start.line:
                spans.append((span.start.line, span.end.line))
            continue
        if isinstance(node, cst.BaseCompoundStatement) and isinstance(body, cst.IndentedBlock):
            span = positions.get(node)
            first_body = body.body[0] if body.body else None
            body_span = positions.get(first_body) if first_body is not None else None
            if span is not None and body_span is not None and body_span.start.line - 1 > span.start.line:
                spans.append((span.start.line, body_span.start.line - 1))
        stack.extend(_statement_children(node))
    return spans


def _statement_children(node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    for name in ("body", "orelse", "handlers", "finalbody", "cases"):
        value = getattr(node, name, None)
        if isinstance(value, (list, tuple)):
            yield from (v for v in value if isinstance(v, cst.CSTNode))
        elif isinstance(value, cst.CSTNode):
            yield value


class SuppressionIndex:
    def __init__(self, suppressions: list[Suppression], spans: list[tuple[int, int]]) -> None:
        self.suppressions = suppressions
        self.by_line: dict[int, list[Suppression]] = {}
        for suppression in suppressions:
            if not suppression.whole_file:
                self.by_line.setdefault(suppression.line, []).append(suppression)
        self.whole_file = [s for s in suppressions if s.whole_file]
        self.spans = spans

    def _lines_of_statement(self, line: int) -> range:
        best = (line, line)
        for start, end in self.spans:
            if start <= line <= end and (best == (line, line) or end - start < best[1] - best[0]):
                best = (start, end)
        return range(best[0], best[1] + 1)

    def suppresses(self, code: str, line: int) -> bool:
        for suppression in self.whole_file:
            if suppression.covers(code):
                suppression.used.add(code)
                return True
        for candidate in self._lines_of_statement(line):
            for suppression in self.by_line.get(candidate, ()):
                if suppression.covers(code):
                    suppression.used.add(code)
                    return True
        return False

    def unused(self, enabled_codes: set[str]) -> list[Suppression]:
        """Suppressions that silenced nothing, judged only for codes that were enabled."""
        result = []
        for suppression in self.suppressions:
            if suppression.codes is None:
                if not suppression.used:
                    result.append(suppression)
            elif any(code in enabled_codes and code not in suppression.used for code in suppression.codes):
                result.append(suppression)
        return result
