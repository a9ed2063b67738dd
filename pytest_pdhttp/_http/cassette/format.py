"""What a cassette holds, and how each part is written down.

A cassette is YAML (``.yaml``/``.yml``) or JSON (``.json``) with the same structure::

    pytest_pdhttp_cassette: 2
    interactions:
    - request: {method, url, headers, body}
      response: {status, reason, headers, body}

A body is written in the most readable form that gives back its exact bytes:

- ``{json: <document>, format: "spaced ascii"}``: a JSON document, pretty-printed in the order
  it was received (a re-record diffs line by line), and how to serialize it again byte for byte;
- a string: UTF-8 text (a YAML block when it has several lines);
- ``{base64: "..."}``: anything else (images, PDFs, text with control characters).

A header a response repeats (``Set-Cookie``, say) is a list of its values. Version 1 cassettes
(no ``json`` bodies) are still read.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..redact import Redactor

FORMAT_KEY = "pytest_pdhttp_cassette"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
BINARY_KEY = "base64"
JSON_KEY = "json"
STYLE_KEY = "format"
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class CassetteError(Exception):
    """A cassette that cannot be read or used; the message names the file."""


Headers = dict[str, "str | list[str]"]
"""A response header sent several times is a list of its values; a request's are strings."""


class _Message:
    headers: Headers
    body: bytes

    @property
    def content_type(self) -> str:
        return header(self.headers, "Content-Type")

    def _shown(self) -> str:
        """No header value and no body: pytest shows the arguments of every frame of a traceback
        (a ``before_record`` hook's, say), and these may be the unredacted traffic."""
        return f"headers {', '.join(self.headers) or '(none)'}, {len(self.body)}-byte body"


@dataclass
class Request(_Message):
    method: str
    url: str
    headers: Headers = field(default_factory=dict)
    body: bytes = b""

    def __repr__(self) -> str:
        return f"Request({self.method} {Redactor().url(self.url)}, {self._shown()})"


@dataclass
class Response(_Message):
    status: int
    reason: str = ""
    headers: Headers = field(default_factory=dict)
    body: bytes = b""

    def __repr__(self) -> str:
        return f"Response({self.status} {self.reason}, {self._shown()})"


@dataclass
class Interaction:
    """One request and the response it got. A ``before_record`` hook receives these (and, when a
    cassette is replayed, each live request with ``response`` None)."""

    request: Request
    response: Response | None

    def to_dict(self) -> dict[str, Any]:
        assert self.response is not None
        request, response = self.request, self.response
        return {
            "request": {
                "method": request.method,
                "url": request.url,
                "headers": dict(request.headers),
                "body": encode_body(request.body, request.content_type),
            },
            "response": {
                "status": response.status,
                "reason": response.reason,
                "headers": dict(response.headers),
                "body": encode_body(response.body, response.content_type),
            },
        }

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Interaction:
        request, response = _table(data, "request", where), _table(data, "response", where)
        status = response.get("status")
        if isinstance(status, bool) or not isinstance(status, int):
            raise CassetteError(f"{where}: response.status must be an int, got {status!r}")
        return cls(
            Request(
                method=_string(request, "method", where).upper(),
                url=_string(request, "url", where),
                headers=_headers(request, f"{where}: request.headers"),
                body=decode_body(request.get("body", ""), f"{where}: request.body"),
            ),
            Response(
                status=status,
                reason=str(response.get("reason") or ""),
                headers=_headers(response, f"{where}: response.headers"),
                body=decode_body(response.get("body", ""), f"{where}: response.body"),
            ),
        )


def header(headers: Mapping[str, str | list[str]], name: str) -> str:
    lowered = name.lower()
    value = next((v for k, v in headers.items() if k.lower() == lowered), "")
    return ", ".join(value) if isinstance(value, list) else value


def header_items(headers: Mapping[str, str | list[str]]) -> list[tuple[str, str]]:
    """Each header as it is sent: a repeated one once per value."""
    return [(k, item) for k, v in headers.items() for item in (v if isinstance(v, list) else [v])]


# --- bodies -------------------------------------------------------------------------------------

# (name, item separator, key separator, indent); each with and without ASCII escapes
_LAYOUTS = (
    ("spaced", ", ", ": ", None),
    ("compact", ",", ":", None),
    ("indent 2", ",", ": ", 2),
    ("indent 4", ",", ": ", 4),
)


def _serialize(document: Any, style: str) -> str:
    words = style.split()
    newline = "newline" in words
    ascii_only = "ascii" in words
    name = " ".join(w for w in words if w not in ("ascii", "utf-8", "newline"))
    for layout, items, keys, indent in _LAYOUTS:
        if layout == name:
            text = json.dumps(
                document, ensure_ascii=ascii_only, separators=(items, keys), indent=indent,
                allow_nan=False,
            )  # fmt: skip
            return text + "\n" if newline else text
    raise CassetteError(f"unknown JSON body format {style!r}")


def json_style(text: str) -> tuple[Any, str] | None:
    """The document and the style that serializes it back to exactly ``text``, if any."""
    stripped = text.rstrip("\n")
    if not stripped[:1] in ("{", "[") or len(text) - len(stripped) > 1:
        return None
    try:
        document = json.loads(stripped)
        if not isinstance(document, (dict, list)):
            return None
        json.dumps(document, allow_nan=False)
    except (ValueError, RecursionError):
        return None
    newline = " newline" if stripped != text else ""
    for layout, *_ in _LAYOUTS:
        for escaping in ("ascii", "utf-8"):
            style = f"{layout} {escaping}{newline}"
            if _serialize(document, style) == text:
                return document, style
    return None


def encode_body(body: bytes, content_type: str = "") -> str | dict[str, Any]:
    """The most readable form that gives ``body`` back byte for byte."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or _TEXT_CONTROL.search(text):
        return {BINARY_KEY: base64.b64encode(body).decode("ascii")}
    found = json_style(text) if text[:1] in ("{", "[") else None
    if found is not None:
        document, style = found
        return {STYLE_KEY: style, JSON_KEY: document}
    return text


def decode_body(value: Any, where: str) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, Mapping) and set(value) == {BINARY_KEY} and isinstance(value[BINARY_KEY], str):
        try:
            return base64.b64decode(value[BINARY_KEY], validate=True)
        except ValueError:
            raise CassetteError(f"{where}: not valid base64") from None
    if isinstance(value, Mapping) and JSON_KEY in value and set(value) <= {JSON_KEY, STYLE_KEY}:
        style = value.get(STYLE_KEY, "spaced ascii")
        if not isinstance(style, str):
            raise CassetteError(f"{where}: {STYLE_KEY} must be a string, got {style!r}")
        try:
            return _serialize(value[JSON_KEY], style).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise CassetteError(f"{where}: {exc}") from None
    raise CassetteError(
        f"{where}: a body is a string, {{{BINARY_KEY}: ...}} or {{{JSON_KEY}: ...}}, got {value!r}"
    )


# --- documents ----------------------------------------------------------------------------------


def to_document(interactions: list[Interaction]) -> dict[str, Any]:
    return {
        FORMAT_KEY: FORMAT_VERSION,
        "interactions": [interaction.to_dict() for interaction in interactions],
    }


def from_document(data: Any, where: str) -> list[Interaction]:
    if not isinstance(data, Mapping) or data.get(FORMAT_KEY) not in READABLE_VERSIONS:
        raise CassetteError(
            f"{where}: not a pytest-pdhttp cassette ({FORMAT_KEY}: {FORMAT_VERSION} is missing)"
        )
    interactions = data.get("interactions")
    if not isinstance(interactions, list):
        raise CassetteError(f"{where}: 'interactions' must be a list")
    return [
        Interaction.from_dict(item, f"{where}: interaction {number}")
        for number, item in enumerate(interactions, start=1)
    ]


def _table(data: Any, key: str, where: str) -> Mapping[str, Any]:
    value = data.get(key) if isinstance(data, Mapping) else None
    if not isinstance(value, Mapping):
        raise CassetteError(f"{where}: needs a {key!r} table")
    return value


def _string(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value:
        raise CassetteError(f"{where}: request.{key} must be a non-empty string, got {value!r}")
    return value


def _headers(table: Mapping[str, Any], where: str) -> Headers:
    value = table.get("headers") or {}
    if not isinstance(value, Mapping):
        raise CassetteError(f"{where}: must map names to values, got {value!r}")
    return {str(k): [str(i) for i in v] if isinstance(v, list) else str(v) for k, v in value.items()}
