"""Redact a JSON document in place: only the tokens that change are rewritten.

The document is scanned once (strings with the C scanner ``json`` itself uses), each scalar with
the key it sits under. Under a credential-named key (``password``, ``access_token``, an echoed
``Cookie`` or ``Authorization``), at any depth, every string and number becomes ``"REDACTED"``;
an echoed header keeps its framing (``"Authorization": "Bearer REDACTED"``); elsewhere strings
get the free-text rules and a number equal to a secret value goes whole. Spacing, key order,
escapes and number spellings of everything else stay byte for byte, in a changed string too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from .names import is_credential_field
from .text import redact_header_value, redact_text
from .values import REDACTED, SecretValues

_scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_LITERALS = ("true", "false", "null", "NaN", "Infinity", "-Infinity")
_SPACE = " \t\n\r"
_QUOTED_REDACTED = json.dumps(REDACTED)


class NotJSON(ValueError):
    pass


_FRAMED = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


def _secret_string(key: str | None, value: str) -> str:
    """A string under a credential key: an echoed header keeps its framing (``Bearer REDACTED``,
    ``sid=REDACTED; Path=/``), anything else goes whole; an empty string stays empty."""
    if not value or REDACTED in value:
        return value
    if key is not None and key.lower() in _FRAMED:
        return redact_header_value(key, value)
    return REDACTED


def redact_json(text: str, secrets: SecretValues) -> str:
    """``text`` (a whole JSON document) with its credentials replaced; raises ``NotJSON``."""
    edits: list[tuple[int, int, str]] = []
    end = _value(text, _skip(text, 0), None, False, secrets, edits)
    if _skip(text, end) != len(text):
        raise NotJSON("extra data after the document")
    if not edits:
        return text
    out, start = [], 0
    for begin, stop, replacement in edits:
        out.append(text[start:begin])
        out.append(replacement)
        start = stop
    out.append(text[start:])
    return "".join(out)


def _skip(text: str, index: int) -> int:
    while index < len(text) and text[index] in _SPACE:
        index += 1
    return index


def _value(
    text: str, index: int, key: str | None, secret: bool, secrets: SecretValues,
    edits: list[tuple[int, int, str]],
) -> int:  # fmt: skip
    """Scan the value at ``index``; returns the index after it."""
    if index >= len(text):
        raise NotJSON("unexpected end")
    char = text[index]
    if char == "{":
        return _object(text, index, secret, secrets, edits)
    if char == "[":
        index = _skip(text, index + 1)
        if index < len(text) and text[index] == "]":
            return index + 1
        while True:
            index, done = _next(text, _value(text, index, key, secret, secrets, edits), "]")
            if done:
                return index
    if char == '"':
        try:
            value, end = _scanstring(text, index + 1)
        except ValueError as exc:
            raise NotJSON(str(exc)) from None
        if secret:
            shown = _secret_string(key, value)
        else:
            shown = REDACTED if secrets.is_whole(value) else redact_text(value, secrets)
        if shown != value:
            edits.append((index, end, _respelled(text[index + 1 : end - 1], value, shown)))
        return end
    for literal in _LITERALS:
        if text.startswith(literal, index):
            return index + len(literal)
    number = _NUMBER.match(text, index)
    if number is None:
        raise NotJSON(f"unexpected {char!r} at {index}")
    if secret or secrets.is_whole(number.group(0)):
        edits.append((index, number.end(), _QUOTED_REDACTED))
    return number.end()


def _object(
    text: str, index: int, secret: bool, secrets: SecretValues, edits: list[tuple[int, int, str]]
) -> int:
    index = _skip(text, index + 1)
    if index < len(text) and text[index] == "}":
        return index + 1
    while True:
        if index >= len(text) or text[index] != '"':
            raise NotJSON(f"expected a key at {index}")
        try:
            key, end = _scanstring(text, index + 1)
        except ValueError as exc:
            raise NotJSON(str(exc)) from None
        if secrets:
            shown = secrets.text(key)
            if shown != key:
                edits.append((index, end, _respelled(text[index + 1 : end - 1], key, shown)))
        index = _skip(text, end)
        if index >= len(text) or text[index] != ":":
            raise NotJSON(f"expected : at {index}")
        index = _skip(text, index + 1)
        inner = secret or is_credential_field(key)
        index, done = _next(text, _value(text, index, key, inner, secrets, edits), "}")
        if done:
            return index


def _respelled(raw: str, value: str, shown: str) -> str:
    """The JSON string for ``shown`` (``value`` with secrets replaced), every part kept from
    ``value`` spelled as in ``raw`` (its escapes: ``\\/``, ``\\u0026``, ``\\u00e9``)."""
    starts = _char_starts(raw)
    out, cursor = [], 0
    for number, piece in enumerate(shown.split(REDACTED)):
        if number:
            out.append(REDACTED)
        if not piece:
            continue
        found = value.find(piece, cursor)
        if found == -1:  # changed otherwise (a URL's query re-encoded): spelled afresh
            out.append(json.dumps(piece, ensure_ascii=raw.isascii())[1:-1])
            continue
        out.append(raw[starts[found] : starts[found + len(piece)]])
        cursor = found + len(piece)
    return '"' + "".join(out) + '"'


def _char_starts(raw: str) -> list[int]:
    """Where each character of a JSON string's value begins in its raw text (and the end)."""
    starts, index = [], 0
    while index < len(raw):
        starts.append(index)
        if raw[index] != "\\":
            index += 1
        elif raw[index + 1] != "u":
            index += 2
        else:
            index += 12 if _surrogate_pair(raw, index) else 6  # a pair is one character
    starts.append(index)
    return starts


def _surrogate_pair(raw: str, index: int) -> bool:
    """``\\ud83d\\ude00`` at ``index``: a high surrogate escape followed by a low one."""
    if raw[index + 6 : index + 8] != "\\u":
        return False
    high, low = int(raw[index + 2 : index + 6], 16), int(raw[index + 8 : index + 12], 16)
    return 0xD800 <= high < 0xDC00 and 0xDC00 <= low < 0xE000


def _next(text: str, index: int, closing: str) -> tuple[int, bool]:
    """After an item: (the next item's index, False) or (the index after ``closing``, True)."""
    index = _skip(text, index)
    if index < len(text) and text[index] == ",":
        return _skip(text, index + 1), False
    if index < len(text) and text[index] == closing:
        return index + 1, True
    raise NotJSON(f"expected , or {closing} at {index}")
