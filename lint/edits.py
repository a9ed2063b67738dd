"""A fix as a text edit on the file (for SARIF and editors): whole lines replaced by new lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from .sources import Snippet

if TYPE_CHECKING:
    from .fixes import TextEdit


@dataclass(frozen=True)
class Edit:
    """Replace file lines `start_line` .. `end_line - 1` (1-based) with `content`."""

    start_line: int
    end_line: int
    content: str

    def to_dict(self) -> dict[str, object]:
        return {"start_line": self.start_line, "end_line": self.end_line, "content": self.content}

    def apply(self, text: str) -> str:
        """`text` (the whole file) with this edit made."""
        lines = line_list(text)
        lines[self.start_line - 1 : self.end_line - 1] = [self.content]
        return "".join(lines)


def line_list(text: str) -> list[str]:
    """The lines as Python numbers them, each with its line break (a form feed is no break)."""
    return _LINE.findall(text)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def apply_edits(text: str, edits: "Iterable[TextEdit]") -> str:
    """`text` with the (non-overlapping) edits of whole lines applied."""
    lines = line_list(text)
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        lines[edit.start - 1 : edit.end - 1] = [edit.text]
    return "".join(lines)


def snippet_edit(snippet: Snippet, edits: "Iterable[TextEdit]") -> Edit | None:
    """The edits of a fix on a snippet as one edit of the file."""
    return line_edit(snippet.text, apply_edits(snippet.text, edits), snippet)


def changed_lines(old: list[str], new: list[str]) -> tuple[int, int, int]:
    """The smallest run of lines that differs: `old[start:end_old]` became `new[start:end_new]`
    (0-based; all three equal when nothing changed)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    return start, end_old, end_new


def line_edit(before: str, after: str, snippet: Snippet) -> Edit | None:
    """The smallest run of whole lines that turns `before` into `after`, in file coordinates."""
    if snippet.pycon:
        return None
    old, new = line_list(before), line_list(after)
    start, end_old, end_new = changed_lines(old, new)
    if start == end_old == end_new:
        return None
    replaced = new[start:end_new]
    if snippet.line_map:
        prefix = snippet.indent + snippet.dedent
        replaced = [(prefix + line if line.strip() else line.lstrip(" \t")) for line in replaced]
        first = _file_line(snippet, start)
        last = _file_line(snippet, end_old - 1) + 1 if end_old > start else first
    else:
        first, last = start + 1, end_old + 1
    return Edit(first, last, "".join(replaced))


def _file_line(snippet: Snippet, index: int) -> int:
    if index < len(snippet.line_map):
        return snippet.line_map[index][0]
    return snippet.line_map[-1][0] + (index - len(snippet.line_map) + 1)
