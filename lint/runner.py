"""Lint one file: read, decode, optionally fix (and write back atomically), collect findings."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from typing import Sequence

from .config import Options
from .engine import SYNTAX_ERROR, lint_text
from .flags import NO_FLAGS, Flags
from .files import DecodeError, FileError, SourceText, decode, read_bytes
from .finding import Finding
from .result import FileResult, FixMode
from .rules import Rule
from .sources import is_document

def lint_file(
    path: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None = None,
    flags: Flags = NO_FLAGS,
    fix: FixMode | None = None,
    write: bool = True,
) -> FileResult:
    """Findings for `path`; with `fix`, apply fixes first (writing them unless `write` is False)."""
    try:
        data = read_bytes(path)
        return lint_bytes(data, path, rule_classes, options, flags, fix, write)
    except FileError as error:
        return FileResult(path, error=str(error))
    except OSError as error:
        return FileResult(path, error=f"{path}: cannot write: {error.strerror or error}")


def lint_bytes(
    data: bytes,
    path: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None = None,
    flags: Flags = NO_FLAGS,
    fix: FixMode | None = None,
    write: bool = False,
) -> FileResult:
    document = is_document(path)
    try:
        source = decode(data, python=not document)
    except DecodeError as error:
        finding = Finding(path, error.line, 1, SYNTAX_ERROR[0], SYNTAX_ERROR[1], f"syntax error: {error}")
        return FileResult(path, [finding])
    result = FileResult(path)
    text = source.text
    if fix is not None:
        fixed_text, fixed = fix_text(text, path, rule_classes, options, fix == "unsafe")
        result.fixed = len(fixed)
        if fixed_text != text:
            result.diff = "".join(
                difflib.unified_diff(
                    text.splitlines(keepends=True), fixed_text.splitlines(keepends=True), path, path
                )
            )
            if write:
                write_atomically(path, encode(fixed_text, source))
            text = fixed_text
    result.findings = lint_text(text, path, rule_classes, options, flags)
    return result


def fix_text(
    text: str,
    path: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None,
    unsafe: bool,
) -> tuple[str, list[Finding]]:
    """Apply fixes to a file's text; in a document, to each code block, rewritten in place.
    Returns the new text and the findings the fixes removed."""
    from .engine import snippets_of
    from .fixes import fix_snippet  # libcst is imported only when fixing

    if not is_document(path):
        outcome = fix_snippet(text, rule_classes, options, unsafe)
        return outcome.text, [_located(f, path) for f in outcome.fixed]
    lines = text.splitlines(keepends=True)
    fixed: list[Finding] = []
    for snippet in reversed(snippets_of(text, path)):
        if snippet.pycon or snippet.span is None:
            continue
        outcome = fix_snippet(snippet.text, rule_classes, options, unsafe, kind="markdown")
        if outcome.text == snippet.text:
            continue
        first, last = snippet.span
        newline = "\r\n" if lines[first - 1].endswith("\r\n") else "\n"
        prefix = snippet.indent + snippet.dedent
        body = [
            (prefix + line if line.strip() else "") + newline
            for line in outcome.text.rstrip("\n").split("\n")
        ]
        lines[first - 1 : last] = body
        fixed.extend(_located(f, path, snippet) for f in outcome.fixed)
    return "".join(lines), sorted(fixed)


def _located(finding: Finding, path: str, snippet=None) -> Finding:
    """A finding of the fixer's (`<fix>`, snippet lines) in the file's terms."""
    finding.path = path
    if snippet is not None and snippet.line_map:
        finding.line, finding.column = snippet.to_file_position(finding.line, finding.column - 1)
        finding.end_line, finding.end_column = snippet.to_file_position(
            finding.end_line, finding.end_column - 1
        )
    return finding


def encode(text: str, source: SourceText) -> bytes:
    data = text.encode(source.encoding)
    return b"\xef\xbb\xbf" + data if source.bom else data


def write_atomically(path: str, data: bytes) -> None:
    """Replace `path` with `data` through a temporary file and a rename, keeping its permissions."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    handle, temporary = tempfile.mkstemp(prefix=".pdlint-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
