"""Lint one file: read, decode, optionally fix (and write back atomically), collect findings."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from typing import Sequence

from .engine import SYNTAX_ERROR, lint_text
from .files import DecodeError, FileError, SourceText, decode, read_bytes
from .finding import Finding
from .result import FileResult, FixMode
from .rules import Rule
from .sources import is_document

def lint_file(
    path: str,
    rule_classes: Sequence[type[Rule]],
    settings: dict[str, object] | None = None,
    fix: FixMode | None = None,
    write: bool = True,
) -> FileResult:
    """Findings for `path`; with `fix`, apply fixes first (writing them unless `write` is False)."""
    try:
        data = read_bytes(path)
        return lint_bytes(data, path, rule_classes, settings, fix, write)
    except FileError as error:
        return FileResult(path, error=str(error))
    except OSError as error:
        return FileResult(path, error=f"{path}: cannot write: {error.strerror or error}")


def lint_bytes(
    data: bytes,
    path: str,
    rule_classes: Sequence[type[Rule]],
    settings: dict[str, object] | None = None,
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
        fixed_text, result.fixed = fix_text(text, path, rule_classes, settings, fix == "unsafe")
        if fixed_text != text:
            result.diff = "".join(
                difflib.unified_diff(
                    text.splitlines(keepends=True), fixed_text.splitlines(keepends=True), path, path
                )
            )
            if write:
                write_atomically(path, encode(fixed_text, source))
            text = fixed_text
    result.findings = lint_text(text, path, rule_classes, settings)
    return result


def fix_text(
    text: str,
    path: str,
    rule_classes: Sequence[type[Rule]],
    settings: dict[str, object] | None,
    unsafe: bool,
) -> tuple[str, int]:
    """Apply fixes to a file's text; in a document, to each code block, rewritten in place."""
    from .engine import snippets_of
    from .fixes import fix_source  # libcst is imported only when fixing

    if not is_document(path):
        outcome = fix_source(text, rule_classes, settings, unsafe)
        return outcome.text, outcome.fixed
    lines = text.splitlines(keepends=True)
    fixed = 0
    for snippet in reversed(snippets_of(text, path)):
        if snippet.pycon or snippet.span is None:
            continue
        outcome = fix_source(snippet.text, rule_classes, settings, unsafe, kind="markdown")
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
        fixed += outcome.fixed
    return "".join(lines), fixed


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
