"""Lint files: read, decode, lint every snippet, collect findings and per-file errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from .engine import SYNTAX_ERROR, lint_text
from .files import DecodeError, FileError, decode, read_bytes
from .finding import Finding
from .rules import Rule
from .sources import is_markdown


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None


def lint_file(
    path: str, rule_classes: Sequence[type[Rule]], settings: dict[str, object] | None = None
) -> FileResult:
    try:
        data = read_bytes(path)
    except FileError as error:
        return FileResult(path, error=str(error))
    try:
        source = decode(data, python=not is_markdown(path))
    except DecodeError as error:
        finding = Finding(path, error.line, 1, SYNTAX_ERROR[0], SYNTAX_ERROR[1], f"syntax error: {error}")
        return FileResult(path, [finding])
    return FileResult(path, lint_text(source.text, path, rule_classes, settings))
