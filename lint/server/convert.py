"""pdlint's findings and texts as Language Server Protocol objects."""

from __future__ import annotations

from typing import Any

from lsprotocol import types as lsp

import pdlint
from pdlint.edits import changed_lines, line_list

from .documents import Document

SOURCE = "pdlint"
# A syntax error stops every other check of its snippet; a hard-coded secret is a leak today.
ERROR_CODES = frozenset({"PD001", "PD104"})


def position(document: Document, line: int, column: int, encoding: str) -> lsp.Position:
    """A 1-based line and 1-based column in characters as an LSP position."""
    line_number, units = document.position(max(line - 1, 0), max(column - 1, 0), encoding)
    return lsp.Position(line=line_number, character=units)


def finding_range(document: Document, finding: Any, encoding: str) -> lsp.Range:
    start = position(document, finding.line, finding.column, encoding)
    end_line = getattr(finding, "end_line", None) or finding.line
    end_column = getattr(finding, "end_column", None) or finding.column
    end = position(document, end_line, end_column, encoding)
    if (end.line, end.character) < (start.line, start.character):
        end = start
    return lsp.Range(start=start, end=end)


def diagnostic(document: Document, finding: Any, encoding: str) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=finding_range(document, finding, encoding),
        message=finding.message,
        severity=lsp.DiagnosticSeverity.Error if finding.code in ERROR_CODES else lsp.DiagnosticSeverity.Warning,
        code=finding.code,
        code_description=lsp.CodeDescription(href=pdlint.DOCS_URL.format(code=finding.code)),
        source=SOURCE,
    )


def text_edit(document: Document, new_text: str, encoding: str) -> lsp.TextEdit | None:
    """One edit turning the document's text into `new_text`: the run of whole lines that differ
    (so an editor keeps the cursor and folds of the lines around it). None when nothing differs."""
    old = document.text
    if old == new_text:
        return None
    old_lines = line_list(old)
    new_lines = line_list(new_text)
    start, end_old, end_new = changed_lines(old_lines, new_lines)
    first = lsp.Position(line=start, character=0)
    if end_old < len(old_lines) or old.endswith(("\n", "\r")):
        last = lsp.Position(line=end_old, character=0)
    else:  # the change reaches the end of a last line without a line break
        last_line = len(old_lines) - 1
        _, units = document.position(last_line, len(document.line(last_line)), encoding)
        last = lsp.Position(line=last_line, character=units)
    return lsp.TextEdit(range=lsp.Range(start=first, end=last), new_text="".join(new_lines[start:end_new]))
