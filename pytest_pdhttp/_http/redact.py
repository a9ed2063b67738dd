"""Take credentials out of recorded HTTP traffic before a cassette is written.

What goes: the values of credential headers (``Authorization``, ``Proxy-Authorization``,
``Cookie``, ``Set-Cookie`` and every header whose name names a credential), of credential-named
query parameters, form fields and JSON keys, the password of URL userinfo, and every secret value
a test handed the step (the ``$auth`` values of ``pd.inputs``) wherever it appears: in URLs,
headers and bodies, raw, URL-encoded or JSON-escaped. The same redaction is applied to a live
request when a cassette is replayed, so a recorded ``REDACTED`` matches whatever test credential
the test uses.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus, unquote_plus, urlsplit, urlunsplit

from pdlint.secrets import is_credential_name

REDACTED = "REDACTED"
MIN_SECRET_LENGTH = 4
"""Shorter ``$auth`` values (a region, a flag) are not secrets and would match unrelated text."""

ALWAYS_REDACTED_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie"}
)
# query and form names that carry a credential although is_credential_name leaves them alone
QUERY_CREDENTIAL_NAMES = frozenset(
    {"key", "sig", "signature", "auth", "apikey", "pwd", "access_token", "code_verifier"}
)


def is_credential_header(name: str) -> bool:
    return name.lower() in ALWAYS_REDACTED_HEADERS or is_credential_name(name)


def is_credential_field(name: str) -> bool:
    """A query parameter, form field or JSON key whose value is a credential."""
    return is_credential_name(name) or name.lower() in QUERY_CREDENTIAL_NAMES


def auth_values(inputs: Mapping[str, Any]) -> set[str]:
    """Every string (at least ``MIN_SECRET_LENGTH`` long) under an input's ``$auth``."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)
        elif isinstance(value, (str, int)) and not isinstance(value, bool):
            text = str(value)
            if len(text) >= MIN_SECRET_LENGTH:
                found.add(text)

    for value in inputs.values():
        if isinstance(value, Mapping) and "$auth" in value:
            walk(value["$auth"])
    return found


class Redactor:
    """Redacts one set of secret values (plus everything credential-named)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        variants: set[str] = set()
        for secret in secrets:
            if len(secret) < MIN_SECRET_LENGTH:
                continue
            variants |= {
                secret,
                quote(secret, safe=""),
                quote_plus(secret, safe=""),
                quote(secret, safe="/:"),
                json.dumps(secret)[1:-1],
                json.dumps(secret, ensure_ascii=False)[1:-1],
            }
        # longest first, so a secret that contains another one is replaced whole
        self._text = sorted((v for v in variants if v), key=len, reverse=True)
        self._bytes = [v.encode("utf-8") for v in self._text]

    # --- plain values ---------------------------------------------------------------------------

    def text(self, value: str) -> str:
        for secret in self._text:
            if secret in value:
                value = value.replace(secret, REDACTED)
        return value

    def data(self, value: bytes) -> bytes:
        for secret in self._bytes:
            if secret in value:
                value = value.replace(secret, REDACTED.encode())
        return value

    # --- HTTP parts -----------------------------------------------------------------------------

    def url(self, url: str) -> str:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}:{REDACTED}@{host}" if ":" in userinfo else f"{REDACTED}@{host}"
        query = _redact_pairs(parts.query, "&")
        return self.text(urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment)))

    def headers(self, headers: Mapping[str, str]) -> dict[str, str]:
        return {
            name: REDACTED if is_credential_header(name) else self.text(value)
            for name, value in headers.items()
        }

    def body(self, body: bytes, content_type: str) -> bytes:
        if not body:
            return body
        kind = content_type.split(";", 1)[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return self.data(body)
            return self.text(_redact_pairs(text, "&")).encode("utf-8")
        if _looks_like_json(kind, body):
            try:
                document = json.loads(body)
            except ValueError:
                return self.data(body)
            redacted = self.json(document)
            if redacted != document:
                return json.dumps(redacted, ensure_ascii=False).encode("utf-8")
        return self.data(body)

    def json(self, value: Any) -> Any:
        if isinstance(value, dict):
            return {
                self.text(key): _all_redacted(item) if is_credential_field(key) else self.json(item)
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [self.json(item) for item in value]
        if isinstance(value, str):
            return self.text(value)
        return value


def _all_redacted(value: Any) -> Any:
    """A credential-named key's value: every scalar in it goes (containers keep their shape)."""
    if isinstance(value, dict):
        return {key: _all_redacted(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_all_redacted(item) for item in value]
    return value if value is None or isinstance(value, bool) else REDACTED


def _redact_pairs(text: str, separator: str) -> str:
    """``a=1&api_key=x`` -> ``a=1&api_key=REDACTED``, leaving every other byte as it was."""
    if not text:
        return text
    pieces = []
    for piece in text.split(separator):
        name, equals, _ = piece.partition("=")
        if equals and is_credential_field(unquote_plus(name)):
            piece = f"{name}={REDACTED}"
        pieces.append(piece)
    return separator.join(pieces)


def _looks_like_json(kind: str, body: bytes) -> bool:
    if kind == "application/json" or kind.endswith("+json"):
        return True
    return body.lstrip()[:1] in (b"{", b"[")
