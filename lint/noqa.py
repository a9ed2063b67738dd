"""Add `# noqa: CODE` comments: where a suppression for a finding must go, merged with the
`# noqa` already there (ruff's `--add-noqa`, for one or many findings).

A line suppression covers the whole statement it stands in, so the comment goes on the finding's
own line when a comment can end it, else on another line of the same statement that can take one
(not a line inside a multi-line string, nor one continued by a backslash).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
import warnings
from typing import Iterable

from .engine import MAX_CHARACTERS, UNSUPPRESSIBLE, snippets_of, source_lines
from .sources import Snippet
from .suppressions import comments, statement_spans

_NOQA = re.compile(r"#\s*noqa:\s*(?P<codes>[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*)", re.I)


def add_noqa(text: str, path: str, suppressions: Iterable[tuple[int, str]]) -> str:
    """`text` with `# noqa: CODE` added for each (1-based file line, code) in `suppressions`, on
    the line of that statement that suppressions read. A line that already has a `# noqa: ...`
    gets the code added to it; a code already there is not repeated. A text too large to lint
    (PD003) is returned as it is: its suppressions are never read; so are codes no comment
    silences (PD002), and a finding whose statement has no line a comment could end."""
    if len(text) > MAX_CHARACTERS:
        return text
    wanted: dict[int, list[str]] = {}
    comment_at: dict[int, int | None] = {}  # file line -> where its comment starts
    snippets = snippets_of(text, path)
    placements: dict[int, _Placement] = {}
    for line, code in suppressions:
        if code in UNSUPPRESSIBLE:
            continue
        snippet = _snippet_at(snippets, line)
        if snippet is None:
            continue
        placement = placements.get(id(snippet))
        if placement is None:
            placement = placements[id(snippet)] = _Placement(snippet)
        target = placement.comment_line(line)
        if target is not None and code not in wanted.setdefault(target, []):
            wanted[target].append(code)
            comment_at.setdefault(target, placement.comment_columns.get(target))
    if not wanted:
        return text
    lines = source_lines(text)
    breaks = re.findall(r"\r\n|\r|\n", text)
    for number, codes in wanted.items():
        lines[number - 1] = _with_codes(lines[number - 1], codes, comment_at.get(number))
    breaks.append("")
    return "".join(line + brk for line, brk in zip(lines, breaks))


def _with_codes(line: str, codes: list[str], comment: int | None) -> str:
    """`line` with `codes` added to the `# noqa: ...` of its comment (which starts at column
    `comment`, None: the line has no comment), or a new `# noqa` appended."""
    match = _NOQA.search(line, comment) if comment is not None else None
    if match is None:
        return f"{line.rstrip()}  # noqa: {', '.join(codes)}"
    present = match["codes"]
    known = {code.upper() for code in re.findall(r"[A-Za-z]+[0-9]+", present)}
    added = [code for code in codes if code.upper() not in known]
    if not added:
        return line
    return line[: match.end("codes")] + ", " + ", ".join(added) + line[match.end("codes"):]


def _snippet_at(snippets: list[Snippet], file_line: int) -> Snippet | None:
    for snippet in snippets:
        if not snippet.line_map:
            return snippet
        if snippet.line_map[0][0] <= file_line <= snippet.line_map[-1][0]:
            return snippet
    return None


class _Placement:
    """Which lines of one snippet can end with a comment, and which statement holds each line."""

    def __init__(self, snippet: Snippet) -> None:
        self.snippet = snippet
        self.to_snippet = {file_line: index + 1 for index, (file_line, _) in enumerate(snippet.line_map)}
        self.commentable = _commentable_lines(snippet.text)
        self.comment_columns = {
            self._file_line(line): column + (self.snippet.line_map[line - 1][1] if self.snippet.line_map else 0)
            for line, column, _ in comments(snippet.text)
        }
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(snippet.text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            self.spans: list[tuple[int, int]] = []
        else:
            self.spans = statement_spans(tree)

    def comment_line(self, file_line: int) -> int | None:
        """The file line to put the comment on for a finding on `file_line`."""
        line = self.to_snippet.get(file_line) if self.snippet.line_map else file_line
        if line is None:
            return None
        first, last = line, line
        for start, end in self.spans:
            if start <= line <= end and (first == last == line or end - start < last - first):
                first, last = start, end
        order = [line, *range(first, last + 1)]
        for candidate in order:
            if candidate in self.commentable:
                return self._file_line(candidate)
        return None

    def _file_line(self, line: int) -> int:
        return self.snippet.line_map[line - 1][0] if self.snippet.line_map else line


def _commentable_lines(text: str) -> set[int]:
    """Lines (1-based) whose end is outside every string and not continued by a backslash, and
    before the point where unfinished code stops tokenizing (comments after it are not read)."""
    lines = source_lines(text)
    blocked: set[int] = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                blocked.update(range(token.start[0], token.end[0]))
    except tokenize.TokenError as error:  # ('EOF in multi-line string', (line the string starts, column))
        blocked.update(range(error.args[1][0], len(lines) + 1))
    except SyntaxError as error:  # IndentationError included
        blocked.update(range(error.lineno or 1, len(lines) + 1))
    return {
        number for number, line in enumerate(lines, start=1)
        if number not in blocked and not line.rstrip().endswith("\\")
        and (line.strip() or number < len(lines))
    }
