"""The secret values a test handed the step, found as whole values or as delimited tokens.

A value is replaced only where it stands alone: a whole JSON value, a whole form field, or an
occurrence in text whose neighbours are not letters, digits or ``_`` (and, for digits, not a
decimal point followed by digits). So ``$auth.account_id = 4242`` leaves ``142420`` and ``42.4242``
alone, and ``"true"`` never touches a JSON ``true``. A value is found in every spelling text gives
it (percent-encoded, JSON-escaped), and its neighbours are read decoded, so ``q=by%20SECRET``
still finds it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from pdlint.secrets import NON_SECRET_VALUES

REDACTED = "REDACTED"
MIN_SECRET_LENGTH = 4
"""Shorter values (a region, a flag) are not secrets and would match unrelated text."""

_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_HEX = frozenset("0123456789abcdefABCDEF")


def auth_values(inputs: Mapping[str, Any]) -> set[str]:
    """Every string and integer (``MIN_SECRET_LENGTH`` long or more) under an input's
    ``$auth``, at any depth."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, (str, int)) and not isinstance(value, bool):
            found.add(str(value))

    for value in inputs.values():
        if isinstance(value, Mapping) and "$auth" in value:
            walk(value["$auth"])
    return {v for v in found if is_secret_value(v)}


def is_secret_value(value: str) -> bool:
    stripped = value.strip()
    return len(stripped) >= MIN_SECRET_LENGTH and stripped.lower() not in NON_SECRET_VALUES


def _parts(value: str) -> set[str]:
    """A URL-shaped secret (a webhook, a DSN) is secret in its userinfo, path and query; its
    scheme and host are not, so ``https://hooks.slack.com/REDACTED`` keeps them readable."""
    if "://" not in value:
        return {value}
    try:
        parts = urlsplit(value)
    except ValueError:
        return {value}
    if not parts.netloc:
        return {value}
    found = set()
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    found.update(p for p in userinfo.split(":", 1) if p)
    rest = value.split(parts.netloc, 1)[1].lstrip("/")
    if rest:
        found.add(rest)
    return {p for p in found if is_secret_value(p)} or {value}


class SecretValues:
    """The secrets of one test, found in text in any spelling: as they are, percent-encoded (any
    safe set, either case of hex digits, ``+`` for a space) and JSON-escaped (``\\"``, ``\\/``,
    ``\\u00e9``), and mixes of these."""

    def __init__(self, values: Iterable[str] = ()) -> None:
        plain: set[str] = set()
        for value in values:
            if is_secret_value(value):
                plain |= _parts(value.strip())
        self.plain = sorted(plain, key=len, reverse=True)  # a secret containing another goes whole
        self.whole = frozenset(plain)
        self._bytes = [s.encode("utf-8") for s in self.plain]

    def __bool__(self) -> bool:
        return bool(self.plain)

    def is_whole(self, value: str) -> bool:
        return value in self.whole

    def text(self, value: str) -> str:
        """Each delimited occurrence, in any spelling, replaced; everything else kept."""
        if not self.plain:
            return value
        escaped = "%" in value or "\\" in value
        for secret in self.plain:
            if secret in value or escaped or (" " in secret and "+" in value):
                value = _replace(value, secret)
        return value

    url_text = text  # (a URL is text whose secrets are percent-encoded more often than not)

    def data(self, value: bytes) -> bytes:
        """The same in bytes (a binary body), UTF-8 spellings only."""
        if not self._bytes:
            return value
        for secret in self._bytes:
            if secret not in value:
                continue
            out, start = [], 0
            for begin in _occurrences(value, secret):
                if _delimited_bytes(value, begin, begin + len(secret)):
                    out.append(value[start:begin] + REDACTED.encode())
                    start = begin + len(secret)
            value = b"".join(out) + value[start:]
        return value


def _occurrences(text: Any, secret: Any) -> Iterable[int]:
    index = text.find(secret)
    while index != -1:
        yield index
        index = text.find(secret, index + len(secret))


@functools.lru_cache(maxsize=256)
def _spellings(secret: str) -> re.Pattern[str]:
    """Every spelling of ``secret``, character by character: itself, its UTF-8 bytes
    percent-encoded, its JSON escape."""
    parts = []
    for char in secret:
        options = [re.escape(char), "".join(f"%(?i:{byte:02x})" for byte in char.encode("utf-8"))]
        if char == " ":
            options.append(r"\+")
        if char in '"\\/':
            options.append(re.escape("\\" + char))
        code = ord(char)
        if code < 0x20 or code > 0x7E:
            units = [code] if code <= 0xFFFF else [0xD7C0 + (code >> 10), 0xDC00 | (code & 0x3FF)]
            options.append("".join(f"\\\\u(?i:{unit:04x})" for unit in units))
        parts.append(f"(?:{'|'.join(options)})")
    return re.compile("".join(parts))


def _replace(text: str, secret: str) -> str:
    out, start = [], 0
    for match in _spellings(secret).finditer(text):
        begin, end = match.span()
        if _delimited(text, begin, end):
            out.append(text[start:begin] + REDACTED)
            start = end
    return "".join(out) + text[start:] if out else text


def _delimited(text: str, begin: int, end: int) -> bool:
    """The match stands alone: its neighbours (percent-decoded) are not word characters, nor a
    decimal point between digits; a JSON escape (``\\n``) before it is a delimiter."""
    return _left_boundary(text, begin) and _right_boundary(text, end)


def _left_boundary(text: str, begin: int) -> bool:
    if begin == 0 or not _is_word_start(text, begin):
        return True
    before = text[begin - 1]
    if begin >= 3 and text[begin - 3] == "%" and text[begin - 2] in _HEX and before in _HEX:
        before = chr(int(text[begin - 2 : begin], 16))
    elif begin >= 2 and text[begin - 2] == "\\" and before in "nrtbf":
        return True
    if before in _WORD:
        return False
    # 42.4242: a digit run after a decimal point is part of a number
    return not (before == "." and text[begin].isdigit() and begin >= 2 and text[begin - 2].isdigit())


def _right_boundary(text: str, end: int) -> bool:
    if end == len(text) or text[end - 1] not in _WORD:
        return True
    after = text[end]
    escape = text[end + 1 : end + 3]
    if after == "%" and len(escape) == 2 and all(c in _HEX for c in escape):
        after = chr(int(escape, 16))
    if after in _WORD:
        return False
    return not (after == "." and text[end - 1].isdigit() and end + 1 < len(text) and text[end + 1].isdigit())


def _is_word_start(text: str, begin: int) -> bool:
    """The match begins with a word character (itself, or percent-encoded)."""
    first = text[begin]
    if first == "%" and begin + 2 < len(text):
        first = chr(int(text[begin + 1 : begin + 3], 16))
    return first in _WORD


def _delimited_bytes(data: bytes, begin: int, end: int) -> bool:
    word = _WORD_BYTES
    if data[begin] in word and begin > 0 and data[begin - 1] in word:
        return False
    return not (data[end - 1] in word and end < len(data) and data[end] in word)


_WORD_BYTES = frozenset(c.encode()[0] for c in _WORD)
