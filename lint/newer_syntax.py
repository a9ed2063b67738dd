"""Which newer Python a snippet needs, when the running Python's parser rejects it.

Steps run on the platform's Python (3.12), and pdlint may run on an older one: a step that uses
3.12's f-strings (`f'{d.get('id')}'`) or type parameters is valid where it runs. When CPython's
parser rejects a line that holds such syntax, `needed_version` names the version and the feature,
so that PD001 can say to run pdlint under that Python instead of calling the code invalid.
"""

from __future__ import annotations

import re
import sys

# (version, what it is, a pattern for a line that uses it); checked in order.
_LINE_FEATURES = (
    ((3, 14), "an `except` clause naming several exceptions without parentheses",
     re.compile(r"^\s*except\s+[\w.]*[A-Z][\w.]*\s*,\s*[\w.]*[A-Z][\w.]*(?:\s*,\s*[\w.]+)*\s*:")),
    ((3, 14), "a template string (`t\"...\"`)", re.compile(r"(?<![\w.\"'])[tT][rR]?[\"']")),
    ((3, 13), "a type parameter with a default (`[T = int]`)",
     re.compile(r"^\s*(?:(?:async\s+)?def|class|type)\s+\w+\s*\[[^\]]*=")),
    ((3, 12), "a `type` alias statement", re.compile(r"^\s*type\s+[A-Za-z_]\w*\s*(?:\[[^\]]*\])?\s*=")),
    ((3, 12), "type parameters (`def f[T](...)`, `class C[T]:`)",
     re.compile(r"^\s*(?:(?:async\s+)?def|class)\s+\w+\s*\[")),
    ((3, 11), "`except*`", re.compile(r"^\s*except\s*\*")),
)
_FSTRING_START = re.compile(r"(?<![\w.])(?:[fF][rR]?|[rR][fF])(?P<quote>'''|\"\"\"|'|\")")


def needed_version(text: str, error_line: int) -> tuple[tuple[int, int], str] | None:
    """(Python version, the feature) when the code around `error_line` (1-based) uses syntax that
    a Python newer than the running one accepts; None otherwise."""
    lines = text.splitlines()
    if not 0 < error_line <= len(lines):
        return None
    running = sys.version_info[:2]
    line = lines[error_line - 1]
    for version, feature, pattern in _LINE_FEATURES:
        if version > running and pattern.search(line):
            return version, feature
    if running < (3, 12):
        fstring = _newer_fstring(lines, error_line)
        if fstring is not None:
            return (3, 12), fstring
    return None


def _newer_fstring(lines: list[str], error_line: int) -> str | None:
    """What makes an f-string that starts at or before `error_line` (and spans it) need 3.12:
    its quote reused inside `{...}`, a backslash or a comment there, or a line break in a
    single-quoted one."""
    for start in range(error_line - 1, max(error_line - 30, 0) - 1, -1):
        for match in _FSTRING_START.finditer(lines[start]):
            found = _scan_fstring(lines, start, match.end(), match["quote"])
            if found is not None and found[1] >= error_line - 1:
                return found[0]
    return None


def _scan_fstring(lines: list[str], row: int, column: int, quote: str) -> tuple[str, int] | None:
    """Scan an f-string's body from (row, column); (the 3.12 feature it uses, the row where it was
    seen), or None when it uses none (or ends first)."""
    depth = 0
    single = len(quote) == 1
    while row < len(lines):
        line = lines[row]
        while column < len(line):
            char = line[column]
            if depth == 0:
                if line.startswith(quote, column):
                    return None  # the f-string ends: nothing newer in it
                if char == "\\":
                    column += 2
                    continue
                if char == "{":
                    if line.startswith("{{", column):
                        column += 2
                        continue
                    depth = 1
            else:
                if line.startswith(quote, column) or (single and char == quote):
                    return "an f-string that reuses its quotes inside `{...}`", row
                if char in "'\"":  # a string of the other quote inside the expression: skip it
                    end = line.find(char, column + 1)
                    column = len(line) if end == -1 else end + 1
                    continue
                if char == "\\":
                    return "a backslash inside an f-string's `{...}`", row
                if char == "#":
                    return "a comment inside an f-string's `{...}`", row
                if char in "{[(":
                    depth += 1
                elif char in "}])":
                    depth -= 1
            column += 1
        if single and depth > 0:
            return "a line break inside a single-quoted f-string's `{...}`", row
        if single:
            return None
        row, column = row + 1, 0
    return None


def running_version() -> str:
    return ".".join(str(part) for part in sys.version_info[:3])
