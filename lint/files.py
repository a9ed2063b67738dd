"""Find the files to lint and read them as text."""

from __future__ import annotations

import codecs
import io
import os
import stat
import tokenize
from dataclasses import dataclass
from typing import Iterator

from .sources import MARKDOWN_SUFFIXES, RST_SUFFIXES

LINTED_SUFFIXES = (".py", ".pyi") + MARKDOWN_SUFFIXES + RST_SUFFIXES
SKIPPED_DIRECTORIES = frozenset(
    {
        ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "__pycache__", "node_modules",
        "build", "dist", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".pdlint_cache",
        ".eggs",
    }
)


class FileError(Exception):
    """A file or directory that cannot be read; the message is one line for the user."""


def _is_virtualenv(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def _skip_directory(name: str, path: str) -> bool:
    return name in SKIPPED_DIRECTORIES or name.endswith(".egg-info") or _is_virtualenv(path)


def discover(paths: list[str]) -> Iterator[str | FileError]:
    """Files to lint under `paths`, in sorted order; unreadable entries come out as FileError.

    A file named explicitly is linted whatever its suffix; directories are walked for Python and
    Markdown files. Symlinked directories are not followed (no loops).
    """
    for path in paths:
        if not os.path.lexists(path):
            yield FileError(f"{path}: no such file or directory")
        elif os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(directory: str) -> Iterator[str | FileError]:
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield FileError(f"{directory}: cannot list directory: {error.strerror or error}")
        return
    for entry in entries:
        path = entry.name if directory == "." else entry.path
        try:
            if entry.is_dir(follow_symlinks=False):
                if not _skip_directory(entry.name, path):
                    yield from _walk(path)
            elif entry.name.lower().endswith(LINTED_SUFFIXES):
                yield path
        except OSError as error:
            yield FileError(f"{path}: {error.strerror or error}")


@dataclass
class SourceText:
    text: str
    encoding: str
    bom: bool


class DecodeError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def regular_file_stat(path: str) -> os.stat_result:
    try:
        found = os.stat(path)
    except OSError as error:
        raise FileError(f"{path}: cannot read: {error.strerror or error}") from None
    if not stat.S_ISREG(found.st_mode):
        raise FileError(f"{path}: not a regular file")
    return found


def read_bytes(path: str) -> bytes:
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise FileError(f"{path}: not a regular file")
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise FileError(f"{path}: cannot read: {error.strerror or error}") from None


def decode(data: bytes, python: bool) -> SourceText:
    """Decode source bytes as Python does (BOM, coding cookie) or, for Markdown, as UTF-8."""
    bom = data.startswith(codecs.BOM_UTF8)
    encoding = "utf-8"
    if python:
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as error:
            raise DecodeError(str(error), 1) from None
    if bom:
        data = data[len(codecs.BOM_UTF8):]
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DecodeError(f"file is not valid {encoding}: {error.reason} at byte {error.start}", line) from None
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r} in coding declaration", 1) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DecodeError("file contains a NUL byte", line)
    return SourceText(text=text, encoding="utf-8" if encoding == "utf-8-sig" else encoding, bom=bom)
