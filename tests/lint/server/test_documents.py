"""The server's copy of a document follows the editor's changes as LSP defines positions."""

from __future__ import annotations

import pytest

from pdlint.server.documents import UTF8, UTF16, UTF32, Change, Document, DocumentStore, units


@pytest.mark.parametrize("encoding, column", [(UTF16, 8), (UTF8, 11), (UTF32, 7)])
def test_columns_in_the_negotiated_encoding(encoding: str, column: int) -> None:
    # `😀` is 2 UTF-16 code units, 4 UTF-8 bytes, 1 UTF-32 unit; `é` is 1, 2, 1
    document = Document("file:///s.py", None, 'é = "😀"x\n')
    document.apply([Change("!", (0, column), (0, column + 1))], encoding)
    assert document.text == 'é = "😀"!\n'


def test_lines_break_only_where_lsp_breaks_them() -> None:
    """A form feed, U+2028 and `\\x1c` do not end a line for LSP (they do for str.splitlines)."""
    text = "a = 1\x0c\nb = '\u2028'\r\nc = 3\rd = 4\x1c\n"
    document = Document("file:///s.py", None, text)
    assert [document.line(n) for n in range(5)] == ["a = 1\x0c", "b = '\u2028'", "c = 3", "d = 4\x1c", ""]
    document.apply([Change("C", (2, 0), (2, 1)), Change("D", (3, 0), (3, 1))], UTF16)
    assert document.text == "a = 1\x0c\nb = '\u2028'\r\nC = 3\rD = 4\x1c\n"


def test_changes_apply_in_order_and_clamp_to_the_document() -> None:
    document = Document("file:///s.py", None, "one\ntwo\n")
    document.apply([
        Change("", (0, 0), (1, 0)),            # delete the first line
        Change("2", (0, 0), (0, 3)),           # `two` is line 0 now
        Change("\nthree", (5, 0), (9, 9)),     # past the end: appended
        Change("whole", None, None),           # a full-text change replaces everything
        Change(" text", (0, 99), (0, 99)),     # a column past the line's end is its end
    ], UTF16)
    assert document.text == "whole text"


def test_a_position_is_converted_back_for_the_client() -> None:
    document = Document("file:///s.py", None, 'x = "😀"; y\n')
    assert document.position(0, 9, UTF16) == (0, 10)
    assert document.position(0, 9, UTF8) == (0, 12)
    assert units("😀é", UTF16) == 3 and units("😀é", UTF8) == 6 and units("😀é", UTF32) == 2


def test_a_closed_document_is_forgotten() -> None:
    store = DocumentStore()
    store.open("file:///a.py", "/a.py", "x\n", 1)
    assert store.change("file:///a.py", [Change("y", (0, 0), (0, 1))], 2, UTF16).text == "y\n"
    store.close("file:///a.py")
    assert store.get("file:///a.py") is None and len(store) == 0
    assert store.change("file:///a.py", [Change("z")], 3, UTF16) is None
