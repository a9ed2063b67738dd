"""Does a live request match a recorded one? Each ``match_on`` part compared by meaning, the
volatile parts in ``match_ignore`` left out, and a reason that says what differs.

Both requests are already redacted the same way, so whatever a reason shows is redacted too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from requests_toolbelt.multipart.decoder import MultipartDecoder

from .format import Request
from .options import CassetteOptions

_DEFAULT_PORTS = {"http": 80, "https": 443}
_PREVIEW = 80


def matches(recorded: Request, live: Request, options: CassetteOptions) -> tuple[bool, str]:
    for part in options.match_on:
        reason = _CHECKS[part](recorded, live, options)
        if reason:
            return False, reason
    return True, ""


def _method(recorded: Request, live: Request, options: CassetteOptions) -> str:
    if recorded.method.upper() != live.method.upper():
        return f"method: recorded {recorded.method}, sent {live.method}"
    return ""


def _url_part(name: str, get: Callable[[Any], Any]) -> Callable[[Request, Request, CassetteOptions], str]:
    def check(recorded: Request, live: Request, options: CassetteOptions) -> str:
        a, b = get(urlsplit(recorded.url)), get(urlsplit(live.url))
        return "" if a == b else f"{name}: recorded {a!r}, sent {b!r}"

    return check


def _port(parts: Any) -> int | None:
    try:
        return parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None


def _query(recorded: Request, live: Request, options: CassetteOptions) -> str:
    ignored = {i.name for i in options.ignored("query")}

    def pairs(url: str) -> list[tuple[str, str]]:
        query = urlsplit(url).query
        return sorted(p for p in parse_qsl(query, keep_blank_values=True) if p[0] not in ignored)

    a, b = pairs(recorded.url), pairs(live.url)
    if a == b:
        return ""
    return f"query: recorded {_pairs_text(a)}, sent {_pairs_text(b)}"


def _url(recorded: Request, live: Request, options: CassetteOptions) -> str:
    for check in (_scheme, _host, _port_check, _path, _query):
        reason = check(recorded, live, options)
        if reason:
            return f"URL does not match: {reason}"
    return ""


def _headers(recorded: Request, live: Request, options: CassetteOptions) -> str:
    ignored = {i.name for i in options.ignored("header")}

    def kept(headers: dict[str, str]) -> dict[str, str]:
        return {
            k.lower(): v for k, v in headers.items()
            if not options.drops(k) and k.lower() not in ignored
        }  # fmt: skip

    a, b = kept(recorded.headers), kept(live.headers)
    for name in sorted(set(a) | set(b)):
        if a.get(name) != b.get(name):
            return f"header {name}: recorded {a.get(name)!r}, sent {b.get(name)!r}"
    return ""


def _body(recorded: Request, live: Request, options: CassetteOptions) -> str:
    if recorded.body == live.body and not options.match_ignore:
        return ""
    kinds = {r.content_type.split(";", 1)[0].strip().lower() for r in (recorded, live)}
    kind = kinds.pop() if len(kinds) == 1 else ""
    if kind.startswith("multipart/"):
        a, b = _parts(recorded, options), _parts(live, options)
        if a is not None and b is not None:
            return "" if a == b else f"body (multipart): {_first_difference(a, b)}"
    elif kind == "application/x-www-form-urlencoded":
        a_pairs, b_pairs = _form(recorded.body, options), _form(live.body, options)
        if a_pairs == b_pairs:
            return ""
        return f"body (form): recorded {_pairs_text(a_pairs)}, sent {_pairs_text(b_pairs)}"
    else:
        a_doc, b_doc = _json(recorded.body), _json(live.body)
        if a_doc is not _NOT_JSON and b_doc is not _NOT_JSON:
            for ignore in options.ignored("json"):
                _remove(a_doc, ignore.path)
                _remove(b_doc, ignore.path)
            if a_doc == b_doc:
                return ""
            return f"body (JSON): {_first_difference(a_doc, b_doc)}"
    if recorded.body == live.body:
        return ""
    return f"body: recorded {_preview(recorded.body)}, sent {_preview(live.body)}"


_NOT_JSON = object()


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return _NOT_JSON


def _remove(document: Any, path: tuple[str | int, ...]) -> None:
    """Drop what ``path`` names (``*``: every item or member) from ``document``, in place; a
    list keeps its length (the item becomes None), so the other items keep their positions."""
    if not path:
        return
    head, rest = path[0], path[1:]
    if isinstance(document, dict):
        keys = list(document) if head == "*" else [head] if head in document else []
    elif isinstance(document, list):
        if head == "*":
            keys = list(range(len(document)))
        elif isinstance(head, int) and -len(document) <= head < len(document):
            keys = [head]
        else:
            keys = []
    else:
        return
    for key in keys:
        if rest:
            _remove(document[key], rest)
        elif isinstance(document, dict):
            del document[key]
        else:
            document[key] = None


def _form(body: bytes, options: CassetteOptions) -> list[tuple[str, str]]:
    ignored = {i.name for i in options.ignored("form")}
    pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    return sorted(p for p in pairs if p[0] not in ignored)


def _parts(request: Request, options: CassetteOptions) -> list[Any] | None:
    ignored = {i.name for i in options.ignored("form")}
    try:
        decoder = MultipartDecoder(request.body, request.content_type)
    except Exception:  # noqa: BLE001 - a body this cannot decode is compared byte for byte
        return None
    found = []
    for part in decoder.parts:
        disposition = part.headers.get(b"Content-Disposition", b"").decode("utf-8", "replace")
        if any(f'name="{name}"' in disposition for name in ignored):
            continue
        found.append((sorted(part.headers.items()), part.content))
    return found


def _first_difference(a: Any, b: Any, where: str = "$") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a:
                return f"{where}.{key}: not recorded, sent {_short(b[key])}"
            if key not in b:
                return f"{where}.{key}: recorded {_short(a[key])}, not sent"
            if a[key] != b[key]:
                return _first_difference(a[key], b[key], f"{where}.{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for index, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_difference(x, y, f"{where}[{index}]")
    return f"{where}: recorded {_short(a)}, sent {_short(b)}"


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=repr)
    return text if len(text) <= _PREVIEW else text[:_PREVIEW] + "..."


def _pairs_text(pairs: list[tuple[str, str]]) -> str:
    return _short(["=".join(p) for p in pairs])


def _preview(body: bytes) -> str:
    text = repr(body[:_PREVIEW])
    return text + ("..." if len(body) > _PREVIEW else "")


_scheme = _url_part("scheme", lambda p: p.scheme.lower())
_host = _url_part("host", lambda p: (p.hostname or "").lower())
_port_check = _url_part("port", _port)
_path = _url_part("path", lambda p: p.path or "/")

_CHECKS: dict[str, Callable[[Request, Request, CassetteOptions], str]] = {
    "method": _method,
    "scheme": _scheme,
    "host": _host,
    "port": _port_check,
    "path": _path,
    "query": _query,
    "url": _url,
    "body": _body,
    "headers": _headers,
}

