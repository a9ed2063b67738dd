"""Find the files to lint and read them as text."""

from __future__ import annotations

import codecs
import fnmatch
import io
import os
import stat
import tokenize
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator, Protocol

from .sources import MARKDOWN_SUFFIXES, RST_SUFFIXES

if TYPE_CHECKING:
    from .gitignore import Visible

LINTED_SUFFIXES = (".py", ".pyi") + MARKDOWN_SUFFIXES + RST_SUFFIXES
# What `exclude` is unless the configuration sets it (ruff's defaults and pdlint's own cache).
DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".mypy_cache", ".nox",
    ".pants.d", ".pdlint_cache", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox",
    ".venv", "__pycache__", "__pypackages__", "_build", "buck-out", "build", "dist",
    "node_modules", "site-packages", "venv", "*.egg-info",
)
SKIPPED_DIRECTORIES = frozenset(name for name in DEFAULT_EXCLUDE if "*" not in name)


class FileError(Exception):
    """A file or directory that cannot be read; the message is one line for the user."""


class WalkRules(Protocol):
    """What the walk asks of the options that apply to a directory (`pdlint.config.Options`)."""

    respect_gitignore: bool
    force_exclude: bool

    def is_excluded(self, path: str) -> bool: ...  # the path or a directory above it

    def excludes_entry(self, path: str) -> bool: ...  # this file or directory itself


def _is_virtualenv(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def _default_rules(path: str) -> WalkRules | None:
    return None


def discover(
    paths: list[str], rules_for: Callable[[str], WalkRules | None] = _default_rules
) -> Iterator[str | FileError]:
    """Files to lint under `paths`, in sorted order; unreadable entries come out as FileError.

    A file named explicitly is linted whatever its suffix (and even when excluded, unless its
    options say `force-exclude`); directories are walked for Python and Markdown files, leaving
    out what the options of each directory exclude (`rules_for(path)`; None: the default
    excludes), virtualenvs, and with `respect-gitignore` what git ignores. Symlinked directories
    are not followed (no loops).
    """
    for path in paths:
        if not os.path.lexists(path):
            yield FileError(f"{path}: no such file or directory")
        elif os.path.isdir(path):
            rules = rules_for(path)
            shown = None
            if rules is None or rules.respect_gitignore:
                from .gitignore import visible

                shown = visible(path)
            yield from _walk(path, "", rules_for, shown)
        else:
            rules = rules_for(path)
            if rules is None or not rules.force_exclude or not rules.is_excluded(path):
                yield path


def _excluded(rules: WalkRules | None, name: str, path: str) -> bool:
    if rules is None:
        return any(fnmatch.fnmatchcase(name, pattern) for pattern in DEFAULT_EXCLUDE)
    return rules.excludes_entry(path)


def _walk(
    directory: str, relative: str, rules_for: Callable[[str], WalkRules | None], shown: Visible | None
) -> Iterator[str | FileError]:
    """`relative`: `directory` relative to the walk's root (for `shown`, git's listing)."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield FileError(f"{directory}: cannot list directory: {error.strerror or error}")
        return
    rules = rules_for(directory) if entries else None
    for entry in entries:
        path = entry.name if directory == "." else entry.path
        inner = f"{relative}/{entry.name}" if relative else entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                if shown is not None and not shown.enters(inner):
                    continue  # ignored by git, or nothing below it is shown
                if _excluded(rules, entry.name, path) or _is_virtualenv(path):
                    continue
                below = None if shown is None or shown.shows_all_of(inner) else shown
                yield from _walk(path, inner, rules_for, below)
            elif entry.name.lower().endswith(LINTED_SUFFIXES):
                if shown is not None and not shown.shows_file(inner):
                    continue
                if rules is not None and rules.excludes_entry(path):
                    continue
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
