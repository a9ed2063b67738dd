"""One redactor per test: a body by its content type, headers, URLs, a recorded request."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from email.message import Message
from typing import Any, TypeVar

from .jsonbody import NotJSON, redact_json
from .multipart import redact_multipart
from .names import is_credential_header, is_secret_env, is_url_header
from .text import redact_header_value, redact_pairs, redact_text, redact_url, redact_url_header
from .values import SecretValues

R = TypeVar("R")


def env_secrets(env: Mapping[str, Any]) -> set[str]:
    """The values of the ``pd`` marker's ``env=`` that are secrets (see ``names.is_secret_env``)."""
    return {
        v for k, v in env.items() if isinstance(k, str) and isinstance(v, str) and is_secret_env(k, v)
    }


class Redactor:
    """Everything credential-named, plus the given secret values wherever they stand alone."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self.secrets = SecretValues(secrets)

    def text(self, value: str) -> str:
        return redact_text(value, self.secrets)

    def url(self, url: str) -> str:
        return redact_url(url, self.secrets)

    def header(self, name: str, value: str) -> str:
        if is_credential_header(name):
            return redact_header_value(name, value)
        if is_url_header(name):
            return redact_url_header(value, self.secrets)
        return redact_text(value, self.secrets)

    def headers(self, headers: Mapping[str, Any]) -> dict[str, Any]:
        """Each value redacted; a header sent several times is a list of values."""
        return {
            name: [self.header(name, v) for v in value] if isinstance(value, list)
            else self.header(name, value)
            for name, value in headers.items()
        }  # fmt: skip

    def body(self, body: bytes, content_type: str) -> bytes:
        """``body`` with its credentials replaced; every other byte kept."""
        if not body:
            return body
        kind, charset = _media_type(content_type)
        if kind.startswith("multipart/"):
            redacted = redact_multipart(body, content_type, self.secrets)
            return self.secrets.data(body) if redacted is None else redacted
        try:
            text = body.decode(charset)
        except (UnicodeDecodeError, LookupError):
            return self.secrets.data(body)
        if kind == "application/x-www-form-urlencoded":
            shown = redact_pairs(text, "&", self.secrets)
        elif kind == "application/json" or kind.endswith("+json") or text.lstrip()[:1] in ("{", "["):
            shown = _redact_json_text(text, self.secrets)
        else:
            shown = redact_text(text, self.secrets)
        return body if shown == text else shown.encode(charset)

    def request(self, request: R) -> R:
        """A recorded request (``RecordedRequest``, or anything with ``url``, ``headers``,
        ``body`` fields) as it may be shown: in a failure message, a mismatch report."""
        headers = getattr(request, "headers", {})
        content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
        return dataclasses.replace(  # type: ignore[type-var]
            request,
            url=self.url(getattr(request, "url", "")),
            headers=type(headers)(self.headers(headers)),
            body=self.body(getattr(request, "body", b""), content_type),
        )


def _redact_json_text(text: str, secrets: SecretValues) -> str:
    """A JSON document, or JSON lines (NDJSON, JSON Lines) each one; else text."""
    try:
        return redact_json(text, secrets)
    except (NotJSON, RecursionError):
        pass
    lines = text.splitlines(keepends=True)
    if len(lines) < 2:
        return redact_text(text, secrets)
    try:
        return "".join(_json_line(line, secrets) for line in lines)
    except (NotJSON, RecursionError):
        return redact_text(text, secrets)


def _json_line(line: str, secrets: SecretValues) -> str:
    body = line.rstrip("\r\n")
    if not body.strip():
        return line
    return redact_json(body, secrets) + line[len(body) :]


def _media_type(content_type: str) -> tuple[str, str]:
    if not content_type:
        return "", "utf-8"
    message = Message()
    message["Content-Type"] = content_type
    charset = message.get_content_charset() or "utf-8"
    return content_type.split(";", 1)[0].strip().lower(), charset
