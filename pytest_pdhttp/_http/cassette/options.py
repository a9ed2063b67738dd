"""How a cassette is recorded and matched: record modes, ``match_on``, what matching ignores,
the ``before_record`` hook, and the headers left out.

Each option comes from, closest first: the ``pd_http`` marker, the ``pd_http_cassette_config``
fixture (override it in a ``conftest.py``), the ini file, the default. The record mode comes from
``--pd-record[=MODE]``; a marker or the fixture can only choose the mode of a run that records.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .format import CassetteError

RECORD_MODES = ("none", "once", "new_episodes", "all")
MATCHERS = ("method", "scheme", "host", "port", "path", "query", "url", "body", "headers")
DEFAULT_MATCH_ON = ("method", "url", "body")
KEYWORDS = (
    "record_mode", "match_on", "match_ignore", "before_record", "drop_headers", "keep_headers",
)  # fmt: skip
IGNORE_KINDS = ("query", "form", "json", "header")

# left out of every recording: they change on each request, or no longer describe a stored body
VOLATILE_HEADERS = frozenset(
    {
        "date", "server", "age", "expires", "via", "alt-svc", "nel", "report-to", "server-timing",
        "x-request-id", "request-id", "x-amzn-requestid", "x-amz-request-id", "x-amz-id-2",
        "x-amz-cf-id", "x-amz-cf-pop", "x-amzn-trace-id", "x-amz-date", "cf-ray",
        "cf-cache-status", "x-cache", "x-cache-hits", "x-served-by", "x-timer", "x-runtime",
        "x-response-time", "x-envoy-upstream-service-time", "x-github-request-id",
        "x-ratelimit-remaining", "x-ratelimit-reset", "x-ratelimit-used", "x-cloud-trace-context",
        "traceparent", "tracestate", "x-trace-id", "x-correlation-id", "x-b3-traceid",
        "x-b3-spanid", "x-b3-parentspanid", "x-b3-sampled", "user-agent", "accept-encoding",
        "connection", "keep-alive", "transfer-encoding", "content-length",
    }
)  # fmt: skip
_VOLATILE_SUFFIXES = ("-request-id", "-requestid", "-trace-id", "-correlation-id")
_JSON_PATH_PART = re.compile(r"\.([^.\[\]]+)|\[(\d+|\*)\]")


@dataclass(frozen=True)
class Ignore:
    """A volatile part of a request that matching leaves out: ``query:ts``, ``form:nonce``,
    ``header:X-Sent-At``, ``json:$.meta.sent_at`` (``[*]``/``[n]`` for list items)."""

    kind: str
    name: str
    path: tuple[str | int, ...] = ()

    @classmethod
    def parse(cls, text: Any) -> Ignore:
        if not isinstance(text, str) or ":" not in text:
            raise CassetteError(
                f"match_ignore entries look like 'query:name', 'form:name', 'header:Name' or "
                f"'json:$.path.to[*].value', got {text!r}"
            )
        kind, name = (part.strip() for part in text.split(":", 1))
        if kind not in IGNORE_KINDS or not name:
            raise CassetteError(f"match_ignore: unknown kind in {text!r}; known: {', '.join(IGNORE_KINDS)}")
        if kind != "json":
            return cls(kind, name.lower() if kind == "header" else name)
        path = name if name.startswith("$") else "$." + name
        parts: list[str | int] = []
        position = 1
        for match in _JSON_PATH_PART.finditer(path, 1):
            if match.start() != position:
                break
            key, index = match.group(1), match.group(2)
            parts.append(key if key is not None else ("*" if index == "*" else int(index)))
            position = match.end()
        if position != len(path) or not parts:
            raise CassetteError(f"match_ignore: {text!r} is not a JSON path like $.a.b[*].c")
        return cls(kind, name, tuple(parts))


@dataclass(frozen=True)
class CassetteOptions:
    record_mode: str = "none"
    match_on: tuple[str, ...] = DEFAULT_MATCH_ON
    match_ignore: tuple[Ignore, ...] = ()
    before_record: Callable[[Any], Any] | None = None
    dropped_headers: frozenset[str] = field(default=VOLATILE_HEADERS)

    def drops(self, name: str) -> bool:
        lower = name.lower()
        return lower in self.dropped_headers or (
            lower.endswith(_VOLATILE_SUFFIXES) and f"!{lower}" not in self.dropped_headers
        )

    def ignored(self, kind: str) -> list[Ignore]:
        return [i for i in self.match_ignore if i.kind == kind]


def resolve(
    cli_mode: str | None,
    marker: Mapping[str, Any],
    fixture: Any,
    ini_drop: Iterable[str],
    ini_keep: Iterable[str],
) -> CassetteOptions:
    """The options of one test; a bad value raises ``CassetteError`` saying which and why."""
    if fixture is None:
        fixture = {}
    if not isinstance(fixture, Mapping):
        raise CassetteError(f"the pd_http_cassette_config fixture returns a dict, got {fixture!r}")
    unknown = sorted(set(fixture) - set(KEYWORDS))
    if unknown:
        raise CassetteError(
            f"pd_http_cassette_config: unknown key(s) {', '.join(unknown)}; known: {', '.join(KEYWORDS)}"
        )
    merged = {**fixture, **{k: v for k, v in marker.items() if k in KEYWORDS}}

    mode = "none" if cli_mode in (None, "none") else merged.get("record_mode", cli_mode)
    if mode not in RECORD_MODES:
        raise CassetteError(f"record_mode must be one of {', '.join(RECORD_MODES)}, got {mode!r}")

    match_on = merged.get("match_on", DEFAULT_MATCH_ON)
    if isinstance(match_on, str) or not all(m in MATCHERS for m in match_on):
        raise CassetteError(f"match_on takes a list of {', '.join(MATCHERS)}, got {match_on!r}")

    ignores = merged.get("match_ignore", ())
    if isinstance(ignores, str):
        raise CassetteError(f"match_ignore takes a list, got {ignores!r}")
    hook = merged.get("before_record")
    if hook is not None and not callable(hook):
        raise CassetteError(f"before_record takes a function, got {hook!r}")

    drop = set(VOLATILE_HEADERS)
    for source in (ini_drop, _names(merged.get("drop_headers", ()), "drop_headers")):
        drop |= {n.lower() for n in source}
    for source in (ini_keep, _names(merged.get("keep_headers", ()), "keep_headers")):
        kept = {n.lower() for n in source}
        drop -= kept
        drop |= {f"!{n}" for n in kept}  # also spares the *-request-id style suffixes
    return CassetteOptions(
        record_mode=mode,
        match_on=tuple(dict.fromkeys(match_on)),
        match_ignore=tuple(Ignore.parse(i) for i in ignores),
        before_record=hook,
        dropped_headers=frozenset(drop),
    )


def _names(value: Any, keyword: str) -> list[str]:
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise CassetteError(f"{keyword} takes a list of header names, got {value!r}")
    return list(value)
