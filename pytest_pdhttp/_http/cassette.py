"""Cassettes: HTTP interactions recorded once (``pytest --pd-record``), replayed into pd_http.

A cassette is YAML (``.yaml``/``.yml``, the default) or JSON (``.json``) with the same structure::

    pytest_pdhttp_cassette: 1
    interactions:
    - request: {method, url, headers, body}
      response: {status, reason, headers, body}

A body is a string when it is UTF-8 text, else ``{"base64": "..."}``. Credentials are redacted
(see ``redact``) before anything is written.
"""

from __future__ import annotations

import base64
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import requests
import responses
from requests_toolbelt.multipart.decoder import MultipartDecoder

from .lookup import same_url
from .redact import Redactor

FORMAT_KEY = "pytest_pdhttp_cassette"
FORMAT_VERSION = 1
SUFFIXES = (".yaml", ".yml", ".json")
BINARY_KEY = "base64"
# Bodies are stored as the client had them (decoded, whole, redacted): these would misdescribe them.
DROPPED_RESPONSE_HEADERS = frozenset({"content-encoding", "transfer-encoding", "content-length"})
DROPPED_REQUEST_HEADERS = frozenset({"content-length"})
_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
HEADER_COMMENT = (
    "# Recorded by pytest-pdhttp (pytest --pd-record); credentials are redacted.\n"
    "# Re-record with: pytest --pd-record <this test>\n"
)

SecretSource = Callable[[], "set[str]"]


class CassetteError(Exception):
    """A cassette that cannot be read or used; the message names the file."""


def yaml_available() -> bool:
    try:
        import yaml  # noqa: F401
    except ImportError:
        return False
    return True


# --- interactions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Interaction:
    """One request and the response it got."""

    method: str
    url: str
    request_headers: dict[str, str]
    request_body: bytes
    status: int
    reason: str
    response_headers: dict[str, str]
    response_body: bytes

    @classmethod
    def capture(cls, request: requests.PreparedRequest, response: requests.Response) -> Interaction:
        body = request.body or b""
        return cls(
            method=(request.method or "GET").upper(),
            url=request.url or "",
            request_headers={
                name: value
                for name, value in request.headers.items()
                if name.lower() not in DROPPED_REQUEST_HEADERS
            },
            request_body=body.encode("utf-8") if isinstance(body, str) else bytes(body),
            status=response.status_code,
            reason=response.reason or "",
            response_headers={
                name: value
                for name, value in response.headers.items()
                if name.lower() not in DROPPED_RESPONSE_HEADERS
            },
            response_body=response.content or b"",
        )

    def redacted(self, redactor: Redactor) -> Interaction:
        return Interaction(
            method=self.method,
            url=redactor.url(self.url),
            request_headers=redactor.headers(self.request_headers),
            request_body=redactor.body(self.request_body, self.request_content_type),
            status=self.status,
            reason=self.reason,
            response_headers=redactor.headers(self.response_headers),
            response_body=redactor.body(
                self.response_body, _header(self.response_headers, "Content-Type")
            ),
        )

    @property
    def request_content_type(self) -> str:
        return _header(self.request_headers, "Content-Type")

    def to_dict(self) -> dict[str, Any]:
        return {
            "request": {
                "method": self.method,
                "url": self.url,
                "headers": dict(self.request_headers),
                "body": encode_body(self.request_body),
            },
            "response": {
                "status": self.status,
                "reason": self.reason,
                "headers": dict(self.response_headers),
                "body": encode_body(self.response_body),
            },
        }

    @classmethod
    def from_dict(cls, data: Any, where: str) -> Interaction:
        request, response = _table(data, "request", where), _table(data, "response", where)
        status = response.get("status")
        if isinstance(status, bool) or not isinstance(status, int):
            raise CassetteError(f"{where}: response.status must be an int, got {status!r}")
        return cls(
            method=_string(request, "method", where).upper(),
            url=_string(request, "url", where),
            request_headers=_headers(request, f"{where}: request.headers"),
            request_body=decode_body(request.get("body", ""), f"{where}: request.body"),
            status=status,
            reason=str(response.get("reason") or ""),
            response_headers=_headers(response, f"{where}: response.headers"),
            response_body=decode_body(response.get("body", ""), f"{where}: response.body"),
        )


def encode_body(body: bytes) -> str | dict[str, str]:
    """Text as a string; anything else (binary, odd control characters) as base64."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None or _TEXT_CONTROL.search(text):
        return {BINARY_KEY: base64.b64encode(body).decode("ascii")}
    return text


def decode_body(value: Any, where: str) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode("utf-8")
    if (
        isinstance(value, Mapping)
        and set(value) == {BINARY_KEY}
        and isinstance(value[BINARY_KEY], str)
    ):
        try:
            return base64.b64decode(value[BINARY_KEY], validate=True)
        except ValueError:
            raise CassetteError(f"{where}: not valid base64") from None
    raise CassetteError(f"{where}: a body is a string or {{{BINARY_KEY}: ...}}, got {value!r}")


def _header(headers: Mapping[str, str], name: str) -> str:
    lowered = name.lower()
    return next((v for k, v in headers.items() if k.lower() == lowered), "")


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


def _headers(table: Mapping[str, Any], where: str) -> dict[str, str]:
    value = table.get("headers") or {}
    if not isinstance(value, Mapping):
        raise CassetteError(f"{where}: must map names to values, got {value!r}")
    return {str(k): str(v) for k, v in value.items()}


# --- files --------------------------------------------------------------------------------------


def locate(directory: Path, name: str, *, recording: bool) -> Path:
    """The cassette file for ``name``: its own suffix if it has one, else an existing
    ``.yaml``/``.yml``/``.json`` file, else (to record) ``.yaml``, or ``.json`` without PyYAML."""
    if not isinstance(name, str) or not name.strip():
        raise CassetteError(f"@pytest.mark.pd_http(cassette=...) takes a name, got {name!r}")
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise CassetteError(f"a cassette name stays inside the cassette directory, got {name!r}")
    if relative.suffix in SUFFIXES:
        return directory / relative
    for suffix in SUFFIXES:
        candidate = directory / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    if recording:
        return directory / f"{name}{'.yaml' if yaml_available() else '.json'}"
    raise CassetteError(
        f"cassette {name!r} not found: no {name}.yaml, {name}.yml or {name}.json in {directory}. "
        "Record it once with: pytest --pd-record <this test>"
    )


def load(path: Path) -> list[Interaction]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CassetteError(f"{path}: cannot read the cassette: {exc.strerror or exc}") from None
    if path.suffix == ".json":
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CassetteError(f"{path}: not valid JSON: {exc}") from None
    else:
        if not yaml_available():
            raise CassetteError(
                f"{path}: a YAML cassette needs PyYAML (pip install pyyaml); or use a .json one"
            )
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise CassetteError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, Mapping) or data.get(FORMAT_KEY) != FORMAT_VERSION:
        raise CassetteError(f"{path}: not a pytest-pdhttp cassette ({FORMAT_KEY}: 1 is missing)")
    interactions = data.get("interactions")
    if not isinstance(interactions, list):
        raise CassetteError(f"{path}: 'interactions' must be a list")
    return [
        Interaction.from_dict(item, f"{path}: interaction {number}")
        for number, item in enumerate(interactions, start=1)
    ]


def dump(path: Path, interactions: list[Interaction]) -> None:
    """Write atomically (temporary file, then rename) so a failed run never leaves half a file."""
    document = {
        FORMAT_KEY: FORMAT_VERSION,
        "interactions": [interaction.to_dict() for interaction in interactions],
    }
    if path.suffix == ".json":
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    else:
        text = HEADER_COMMENT + _yaml_text(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _yaml_text(document: dict[str, Any]) -> str:
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def string(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        style = "|" if "\n" in value and "\r" not in value and value == value.rstrip(" ") else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, string)
    text: str = yaml.dump(
        document, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=1_000_000
    )
    if yaml.safe_load(text) != document:  # a string the block style could not keep exactly
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1_000_000)
    return text


# --- recording ----------------------------------------------------------------------------------


class Recorder:
    """Wraps the real transport: every response that came from the network is captured."""

    def __init__(self, secrets: SecretSource) -> None:
        self.interactions: list[Interaction] = []
        self._source = secrets
        self._secrets: set[str] = set()

    def wrap(self, real_send: Callable[..., requests.Response]) -> Callable[..., requests.Response]:
        def send(adapter: Any, request: requests.PreparedRequest, **kwargs: Any) -> Any:
            response = real_send(adapter, request, **kwargs)
            self._secrets |= self._source()
            self.interactions.append(Interaction.capture(request, response))
            return response

        return send

    def write(self, path: Path) -> None:
        """Redact with every secret seen during the test, then write the cassette."""
        redactor = Redactor(self._secrets | self._source())
        dump(path, [interaction.redacted(redactor) for interaction in self.interactions])


# --- replaying ----------------------------------------------------------------------------------


class CassetteResponse(responses.Response):
    """A recorded interaction registered in ``pd_http``: it matches on method, URL and body,
    after redacting the live request the way the recording was redacted."""

    def __init__(self, interaction: Interaction, secrets: SecretSource, origin: str) -> None:
        super().__init__(
            method=interaction.method,
            url=interaction.url,
            body=interaction.response_body,
            status=interaction.status,
            headers=dict(interaction.response_headers),
            content_type=None,
        )
        self.interaction = interaction
        self.origin = origin
        self._secrets = secrets

    def matches(self, request: requests.PreparedRequest) -> tuple[bool, str]:
        if (request.method or "").upper() != self.method:
            return False, "Method does not match"
        redactor = Redactor(self._secrets())
        if not same_url(self.interaction.url, redactor.url(str(request.url))):
            return False, "URL does not match"
        body = request.body or b""
        live_type = request.headers.get("Content-Type", "")
        live = redactor.body(
            body.encode("utf-8") if isinstance(body, str) else bytes(body), live_type
        )
        matched, reason = same_body(
            self.interaction.request_body, self.interaction.request_content_type, live, live_type
        )
        return (True, "") if matched else (False, reason)


def replay(mock: Any, interactions: list[Interaction], secrets: SecretSource, origin: str) -> None:
    for interaction in interactions:
        mock.add(CassetteResponse(interaction, secrets, origin))


def same_body(recorded: bytes, recorded_type: str, live: bytes, live_type: str) -> tuple[bool, str]:
    if recorded == live:
        return True, ""
    kinds = {t.split(";", 1)[0].strip().lower() for t in (recorded_type, live_type)}
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind.startswith("multipart/"):
            parts = _multipart(recorded, recorded_type), _multipart(live, live_type)
            if parts[0] is not None and parts[0] == parts[1]:
                return True, ""
        elif kind == "application/x-www-form-urlencoded":
            if sorted(_pairs(recorded)) == sorted(_pairs(live)):
                return True, ""
        else:
            documents = _json(recorded), _json(live)
            if documents[0] is not _NOT_JSON and documents[0] == documents[1]:
                return True, ""
    return False, f"body does not match the recorded one ({_preview(recorded)} != {_preview(live)})"


_NOT_JSON = object()


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return _NOT_JSON


def _pairs(body: bytes) -> list[tuple[str, str]]:
    return parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)


def _multipart(
    body: bytes, content_type: str
) -> list[tuple[list[tuple[bytes, bytes]], bytes]] | None:
    try:
        decoder = MultipartDecoder(body, content_type)
    except Exception:  # noqa: BLE001 - any undecodable body simply does not match
        return None
    return [(sorted(part.headers.items()), part.content) for part in decoder.parts]


def _preview(body: bytes) -> str:
    text = repr(body[:80])
    return text + ("..." if len(body) > 80 else "")
