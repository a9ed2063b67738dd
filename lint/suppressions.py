"""`# noqa: PD104`, `# pdlint: ignore[PD104]`, `# pdlint: ignore-file[PD105]`.

Suppressions are read from comment tokens only (`tokenize`): a `# noqa` inside a string literal
is text, not a suppression. A line suppression covers the whole statement it stands in: any line
of a multi-line statement (or of a compound statement's header) silences findings reported on any
other line of it.

A bare `# noqa` (no codes) silences every code only with `allow-bare-noqa = true`. Otherwise it
silences nothing, and where it stands on a statement pdlint reports, it is reported itself
(PD002) so that nobody believes it works: name the codes, `# noqa: PD105`.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field
from typing import Iterator

_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*))?", re.I)
_PDLINT = re.compile(r"#\s*pdlint:\s*(?P<kind>ignore-file|ignore)(?:\[(?P<codes>[^\]]*)\])?")
_CODE = re.compile(r"[A-Za-z]+[0-9]+")
MARKERS = ("noqa", "NOQA", "pdlint:")


@dataclass
class Suppression:
    line: int  # 1-based, in the snippet
    column: int  # 0-based
    codes: frozenset[str] | None  # None: every code
    whole_file: bool
    text: str
    used: set[str] = field(default_factory=set)
    honoured: bool = True  # False: a bare `# noqa` without allow-bare-noqa
    # codes a bare `# noqa` that is not honoured stood over (reported as PD002)
    overlooked: set[str] = field(default_factory=set)

    def covers(self, code: str) -> bool:
        return self.codes is None or code in self.codes


def comments(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, text) of every comment token in Python source. Source that does not
    tokenize to the end yields the comments before the point where it stops."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.start[1], token.string
    except (tokenize.TokenError, SyntaxError):
        return


def parse(text: str, allow_bare_noqa: bool) -> list[Suppression]:
    found = []
    for number, column, comment in comments(text):
        for match in _PDLINT.finditer(comment):
            raw = match["codes"]
            codes = None if raw is None or not raw.strip() else _codes(raw)
            found.append(Suppression(number, column + match.start(), codes, match["kind"] == "ignore-file", match.group(0)))
        for match in _NOQA.finditer(comment):
            raw = match["codes"]
            if raw is None:
                found.append(Suppression(number, column + match.start(), None, False, match.group(0),
                                         honoured=allow_bare_noqa))
                continue
            codes = frozenset(c for c in _codes(raw) if c.startswith("PD"))
            if codes:  # a noqa for other tools' codes only is not ours
                found.append(Suppression(number, column + match.start(), codes, False, match.group(0)))
    return found


def _codes(raw: str) -> frozenset[str]:
    return frozenset(code.upper() for code in _CODE.findall(raw))


def statement_spans(tree: ast.AST) -> list[tuple[int, int]]:
    """(first line, last line) of every multi-line simple statement and compound-statement header."""
    spans = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        for name in _STATEMENT_LISTS:
            body = getattr(node, name, None)
            if isinstance(body, list):
                stack.extend(body)
        if not isinstance(node, ast.stmt):
            continue
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
            if body[0].lineno - 1 > node.lineno:
                spans.append((node.lineno, body[0].lineno - 1))
        elif node.end_lineno is not None and node.end_lineno > node.lineno:
            spans.append((node.lineno, node.end_lineno))
    return spans


_STATEMENT_LISTS = ("body", "orelse", "handlers", "finalbody", "cases")


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
        overlooked = None
        for candidate in self._lines_of_statement(line):
            for suppression in self.by_line.get(candidate, ()):
                if not suppression.honoured:
                    overlooked = overlooked or suppression
                elif suppression.covers(code):
                    suppression.used.add(code)
                    return True
        if overlooked is not None:
            overlooked.overlooked.add(code)
        return False

    def overlooked(self) -> list[Suppression]:
        """Bare `# noqa` comments, not honoured, on statements that have findings."""
        return [s for s in self.suppressions if s.overlooked]

    def unused(self, enabled_codes: set[str]) -> list[Suppression]:
        """Suppressions that silenced nothing, judged only for codes that were enabled (a bare
        `# noqa` that is not honoured is another tool's business, or reported by `overlooked`)."""
        result = []
        for suppression in self.suppressions:
            if not suppression.honoured:
                continue
            if suppression.codes is None:
                if not suppression.used:
                    result.append(suppression)
            elif any(code in enabled_codes and code not in suppression.used for code in suppression.codes):
                result.append(suppression)
        return result
