"""The secret values a test handed the step, found as whole values or as delimited tokens.

A value is replaced only where it stands alone: a whole JSON value, a whole form field, or an
occurrence in text whose neighbours are not letters, digits or ``_`` (and, for digits, not a
decimal point followed by digits). So ``$auth.account_id = 4242`` leaves ``142420`` and ``42.4242``
alone, and ``"true"`` never touches a JSON ``true``. In URLs the neighbours are read after
percent-decoding, so ``q=by%20SECRET`` still finds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit

from pdlint.secrets import NON_SECRET_VALUES

REDACTED = "REDACTED"
MIN_SECRET_LENGTH = 4
"""Shorter values (a region, a flag) are not secrets and would match unrelated text."""

_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_HEX = frozenset("0123456789abcdefABCDEF")
_REQUOTE_SAFE = "!#$%&'()*+,/:;=?@[]~"  # what requests leaves unescaped in a URL it prepares


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
    """The secrets of one test, with the spellings they take in URLs."""

    def __init__(self, values: Iterable[str] = ()) -> None:
        plain: set[str] = set()
        for value in values:
            if is_secret_value(value):
                plain |= _parts(value.strip())
        self.plain = sorted(plain, key=len, reverse=True)  # a secret containing another goes whole
        encoded: set[str] = set(plain)
        for secret in plain:
            encoded |= {quote(secret, safe=""), quote_plus(secret, safe=""),
                        quote(secret, safe=_REQUOTE_SAFE)}  # fmt: skip
        self.encoded = sorted(encoded, key=len, reverse=True)
        self.whole = frozenset(plain)
        self._bytes = [s.encode("utf-8") for s in self.plain]

    def __bool__(self) -> bool:
        return bool(self.plain)

    def is_whole(self, value: str) -> bool:
        return value in self.whole

    def text(self, value: str) -> str:
        """Each delimited occurrence replaced; everything else kept."""
        return _replace(value, self.plain, url=False) if self.plain else value

    def url_text(self, value: str) -> str:
        """The same in URL text, in its percent-encoded spellings too."""
        return _replace(value, self.encoded, url=True) if self.plain else value

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


def _replace(text: str, secrets: list[str], *, url: bool) -> str:
    for secret in secrets:
        if secret not in text:
            continue
        out, start = [], 0
        for begin in _occurrences(text, secret):
            if begin >= start and _delimited(text, begin, begin + len(secret), url=url):
                out.append(text[start:begin] + REDACTED)
                start = begin + len(secret)
        text = "".join(out) + text[start:]
    return text


def _delimited(text: str, begin: int, end: int, *, url: bool) -> bool:
    if text[begin] in _WORD and not _left_boundary(text, begin, url):
        return False
    return text[end - 1] not in _WORD or _right_boundary(text, end, url)


def _left_boundary(text: str, begin: int, url: bool) -> bool:
    if begin == 0:
        return True
    before = text[begin - 1]
    if url and begin >= 3 and text[begin - 3] == "%" and text[begin - 2] in _HEX and before in _HEX:
        before = chr(int(text[begin - 2 : begin], 16))
    if before in _WORD:
        return False
    # 42.4242: a digit run after a decimal point is part of a number
    return not (before == "." and text[begin].isdigit() and begin >= 2 and text[begin - 2].isdigit())


def _right_boundary(text: str, end: int, url: bool) -> bool:
    if end == len(text):
        return True
    after = text[end]
    escape = text[end + 1 : end + 3]
    if url and after == "%" and len(escape) == 2 and all(c in _HEX for c in escape):
        after = chr(int(escape, 16))
    if after in _WORD:
        return False
    return not (after == "." and text[end - 1].isdigit() and end + 1 < len(text) and text[end + 1].isdigit())


def _delimited_bytes(data: bytes, begin: int, end: int) -> bool:
    word = _WORD_BYTES
    if data[begin] in word and begin > 0 and data[begin - 1] in word:
        return False
    return not (data[end - 1] in word and end < len(data) and data[end] in word)


_WORD_BYTES = frozenset(c.encode()[0] for c in _WORD)
