"""The open documents: their text as the editor has it, kept in step with incremental changes.

Positions follow the Language Server Protocol: 0-based lines split at `\\n`, `\\r\\n` and `\\r`
only (a form feed or U+2028 inside a line does not end it, unlike `str.splitlines`), and columns
counted in the code units of the negotiated position encoding (UTF-16 unless the client offered
another).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Sequence

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def line_starts(text: str) -> list[int]:
    """The offset at which each line of `text` starts (the first is 0)."""
    return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]


def units(text: str, encoding: str) -> int:
    """How many code units of `encoding` `text` takes."""
    if text.isascii() or encoding == UTF32:
        return len(text)
    if encoding == UTF16:
        return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)
    return len(text.encode("utf-8", "surrogatepass"))


def column_in_characters(line: str, column: int, encoding: str) -> int:
    """A column in code units of `encoding` as a count of characters of `line` (clamped to it;
    a column inside a character counts that character as passed)."""
    if line.isascii() or encoding == UTF32:
        return min(column, len(line))
    counted = 0
    for index, char in enumerate(line):
        if counted >= column:
            return index
        counted += units(char, encoding)
    return len(line)


@dataclass
class Change:
    """Text replacing a range (0-based lines, columns in client units), or the whole text."""

    text: str
    start: tuple[int, int] | None = None
    end: tuple[int, int] | None = None


@dataclass
class Document:
    uri: str
    path: str | None  # on disk, for its configuration; None for an unsaved or remote document
    text: str
    version: int | None = None
    _starts: list[int] | None = field(default=None, repr=False)

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = line_starts(self.text)
        return self._starts

    def line(self, number: int) -> str:
        """Line `number` (0-based) without its line break; "" past the end."""
        starts = self.starts
        if not 0 <= number < len(starts):
            return ""
        end = starts[number + 1] if number + 1 < len(starts) else len(self.text)
        return self.text[starts[number]:end].rstrip("\r\n")

    def offset(self, line: int, column: int, encoding: str) -> int:
        """The string offset of a client position (clamped to the document)."""
        starts = self.starts
        if line < 0:
            return 0
        if line >= len(starts):
            return len(self.text)
        return starts[line] + column_in_characters(self.line(line), column, encoding)

    def position(self, line: int, character: int, encoding: str) -> tuple[int, int]:
        """A 0-based line and 0-based column in characters, as a client position."""
        text = self.line(line)
        return line, units(text[:character], encoding)

    def apply(self, changes: Iterable[Change], encoding: str) -> None:
        for change in changes:
            if change.start is None or change.end is None:
                self.text = change.text
            else:
                start = self.offset(*change.start, encoding)
                end = max(start, self.offset(*change.end, encoding))
                self.text = self.text[:start] + change.text + self.text[end:]
            self._starts = None


class DocumentStore:
    """The documents the client has open, by URI; a closed document is forgotten entirely."""

    def __init__(self) -> None:
        self._documents: dict[str, Document] = {}

    def open(self, uri: str, path: str | None, text: str, version: int | None) -> Document:
        document = self._documents[uri] = Document(uri, path, text, version)
        return document

    def change(self, uri: str, changes: Sequence[Change], version: int | None, encoding: str) -> Document | None:
        document = self._documents.get(uri)
        if document is None:
            return None
        document.apply(changes, encoding)
        document.version = version
        return document

    def close(self, uri: str) -> None:
        self._documents.pop(uri, None)

    def get(self, uri: str) -> Document | None:
        return self._documents.get(uri)

    def __iter__(self):
        return iter(list(self._documents.values()))

    def __len__(self) -> int:
        return len(self._documents)
