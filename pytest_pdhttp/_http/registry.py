"""The registry behind ``pd_http``: responses' own extension point for finding the response a
request gets. Every request it is asked about is recorded, every miss explained; with the default
(first match) registry a response registered with ``is_reusable=False`` answers once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import responses
from requests import PreparedRequest
from responses.registries import FirstMatchRegistry

from .recorded import RecordedRequest, describe_body

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

Found = tuple["responses.BaseResponse | None", list[str]]
USED_UP = "already answered a request (is_reusable=False)"


class Journal:
    """What the registry saw: every request, and per request in flight its match or its miss."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self.matches: dict[int, responses.BaseResponse] = {}
        self.misses: dict[int, str] = {}
        # a request as a miss explanation may show it (the plugin redacts its credentials)
        self.shown: Callable[[RecordedRequest], RecordedRequest] = lambda request: request

    def outcome(self, request: PreparedRequest) -> tuple[responses.BaseResponse | None, str | None]:
        """The match or the miss explanation of ``request``'s last lookup, forgotten now."""
        return self.matches.pop(id(request), None), self.misses.pop(id(request), None)


def is_reusable(response: responses.BaseResponse) -> bool:
    return getattr(response, "is_reusable", True) is not False


class _Journaled:
    """Mixed into a responses registry class: records and explains around its ``find``."""

    journal: Journal
    registered: list[responses.BaseResponse]

    def find(self, request: PreparedRequest) -> Found:
        self.journal.requests.append(RecordedRequest.from_prepared(request))
        registered = list(self.registered)
        match, reasons = self._select(request)
        key = id(request)
        self.journal.misses.pop(key, None)
        self.journal.matches.pop(key, None)
        if match is None:
            shown = self.journal.shown(RecordedRequest.from_prepared(request))
            self.journal.misses[key] = explain_miss(shown, registered, reasons, self)
        else:
            self.journal.matches[key] = match
        return match, reasons

    def _select(self, request: PreparedRequest) -> Found:
        return super().find(request)  # type: ignore[misc]


class FirstMatch(_Journaled, FirstMatchRegistry):
    """responses' default order (the first response that matches; when several match, each
    answers in turn and the last one repeats), where a used-up ``is_reusable=False`` response
    no longer matches."""

    def _select(self, request: PreparedRequest) -> Found:
        found: responses.BaseResponse | None = None
        reasons: list[str] = []
        for response in self.registered:
            if not is_reusable(response) and response.call_count:
                reasons.append(USED_UP)
                continue
            matched, reason = response.matches(request)
            if not matched:
                reasons.append(reason)
            elif found is None:
                found = response
            elif is_reusable(found):  # a later one matches too: this one answers, then gives way
                if found.call_count:
                    self.registered.remove(found)
                    return response, reasons
                self.registered.remove(found)
                return found, reasons
            else:
                break
        return found, reasons


def registry_factory(registry: type[FirstMatchRegistry], journal: Journal) -> Callable[[], Any]:
    """What ``RequestsMock(registry=...)`` calls: a registry of the kind asked for, journaled."""
    cls = FirstMatch if registry is FirstMatchRegistry else _journaled_class(registry)
    return functools.partial(_new, cls, journal)


def _new(cls: type[Any], journal: Journal) -> Any:
    instance = cls()
    instance.journal = journal
    return instance


@functools.lru_cache(maxsize=None)
def _journaled_class(registry: type[FirstMatchRegistry]) -> type[Any]:
    if not (isinstance(registry, type) and issubclass(registry, FirstMatchRegistry)):
        raise TypeError(
            "registry= takes a responses registry class (a subclass of "
            f"responses.registries.FirstMatchRegistry), got {registry!r}"
        )
    if issubclass(registry, _Journaled):
        return registry
    return type(registry.__name__, (_Journaled, registry), {"__module__": registry.__module__})


def explain_miss(
    request: RecordedRequest,
    registered: list[responses.BaseResponse],
    reasons: list[str],
    registry: Any,
) -> str:
    lines = [
        f"pd_http: no registered response matches {request.method} {request.url}",
        f"  body: {describe_body(request)}",
    ]
    if not registered:
        lines.append("no responses are registered")
    elif isinstance(registry, FirstMatch) and len(reasons) == len(registered):
        lines.append("registered responses:")
        lines += [f"  - {_name(r)}: {why}" for r, why in zip(registered, reasons, strict=True)]
    else:  # another registry (OrderedRegistry...): its own reasons, then what was registered
        lines += [f"{type(registry).__name__}: {why}" for why in reasons]
        lines.append("registered responses, in order:")
        lines += [f"  - {_name(r)}" for r in registered]
    if any(getattr(r, "origin", None) for r in registered):
        lines.append(
            "(a request the code makes differently from the recording needs a new cassette: "
            "pytest --pd-record)"
        )
    if responses.mock.registered():
        lines.append(
            "(responses registered on the responses module itself, with responses.add(...) or "
            "responses.get(...), are not pd_http's: register them with pd_http.add(...))"
        )
    return "\n".join(lines)


def _name(response: responses.BaseResponse) -> str:
    origin = getattr(response, "origin", None)
    return f"{response.method} {response.url}" + (f" (cassette {origin})" if origin else "")
