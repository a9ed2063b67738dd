"""``pd_http``: a strict ``responses.RequestsMock`` recording what was sent and what went wrong."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partialmethod
from typing import Any

import requests
import responses

from .recorded import RecordedRequest, describe_body, drain
from .streaming import StreamingResponse, is_chunked_body


@dataclass(frozen=True)
class HttpSettings:
    """How strict ``pd_http`` is; each can be relaxed per test (marker) or per suite (ini)."""

    assert_all_requests_are_fired: bool = True
    assert_all_requests_were_expected: bool = True
    allow_network: bool = False


class StrictRequestsMock(responses.RequestsMock):
    """The whole ``responses`` API, plus ``requests`` (what was sent) and strict accounting.

    Register chunked bodies with ``body=[b"..", b".."]`` (any iterable of chunks) or
    ``body=BrokenStream(data, after=n)``.
    """

    def __init__(
        self, settings: HttpSettings = HttpSettings(), real_adapter_send: Any = None
    ) -> None:
        extra = {} if real_adapter_send is None else {"real_adapter_send": real_adapter_send}
        super().__init__(
            assert_all_requests_are_fired=settings.assert_all_requests_are_fired, **extra
        )
        self.assert_all_requests_were_expected = settings.assert_all_requests_were_expected
        self.allow_network = settings.allow_network
        self.requests: list[RecordedRequest] = []
        self.unmatched: list[str] = []
        self._unreported: list[tuple[str, BaseException | None]] = []
        self._misses: dict[int, str] = {}

    def add(
        self,
        method: Any = None,
        url: Any = None,
        body: Any = "",
        adding_headers: Any = None,
        *args: Any,
        **kwargs: Any,
    ) -> responses.BaseResponse:
        if isinstance(method, responses.BaseResponse) or not is_chunked_body(body):
            return super().add(method, url, body, adding_headers, *args, **kwargs)
        if adding_headers is not None:
            kwargs.setdefault("headers", adding_headers)
        return super().add(StreamingResponse(method, url, body, *args, **kwargs))

    # responses binds its shortcuts to its own add(); rebind them to the one above
    delete = partialmethod(add, responses.DELETE)
    get = partialmethod(add, responses.GET)
    head = partialmethod(add, responses.HEAD)
    options = partialmethod(add, responses.OPTIONS)
    patch = partialmethod(add, responses.PATCH)
    post = partialmethod(add, responses.POST)
    put = partialmethod(add, responses.PUT)

    def _on_request(self, adapter: Any, request: requests.PreparedRequest, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        request.body = drain(request.body)
        self.requests.append(RecordedRequest.from_prepared(request))
        try:
            return super()._on_request(adapter, request, **kwargs)
        except requests.ConnectionError:
            message = self._misses.pop(id(request), None)
            if message is None:
                raise
            error = requests.ConnectionError(message, request=request)
            self._unreported.append((message, error))
            raise error from None

    def _find_match(self, request: requests.PreparedRequest) -> Any:
        match, reasons = super()._find_match(request)
        if match is None and not self._is_passthru(str(request.url)):
            message = self._explain_miss(request)
            self._misses[id(request)] = message
            self.unmatched.append(message)
        return match, reasons

    def _is_passthru(self, url: str) -> bool:
        return any(
            p.match(url) if isinstance(p, re.Pattern) else url.startswith(p)
            for p in self.passthru_prefixes
        )

    def _explain_miss(self, request: requests.PreparedRequest) -> str:
        lines = [
            f"pd_http: no registered response matches {request.method} {request.url}",
            f"  body: {describe_body(RecordedRequest.from_prepared(request))}",
        ]
        registered = self.registered()
        lines.append("registered responses:" if registered else "no responses are registered")
        for response in registered:
            _, reason = response.matches(request)
            lines.append(f"  - {response.method} {response.url}{_origin(response)}: {reason}")
        if any(_origin(response) for response in registered):
            lines.append(
                "(a request the code makes differently from the recording needs a new cassette: "
                "pytest --pd-record)"
            )
        return "\n".join(lines)

    def problems(
        self, *, test_failed: bool, shown: Callable[[BaseException], bool] | None = None
    ) -> list[str]:
        found = []
        new = [m for m, error in self._unreported if shown is None or not shown(error)]
        self._unreported = []
        if new and self.assert_all_requests_were_expected:
            found.append(
                "\n\n".join(new)
                + "\n(this fails the test even if the code caught the ConnectionError; relax with "
                "@pytest.mark.pd_http(assert_all_requests_were_expected=False))"
            )
        unused = [r for r in self.registered() if r.call_count == 0]
        if unused and self.assert_all_requests_are_fired and not test_failed:
            lines = "\n".join(f"  - {r.method} {r.url}{_origin(r)}" for r in unused)
            found.append(
                f"pd_http: registered responses that were never requested:\n{lines}\n"
                "(relax with @pytest.mark.pd_http(assert_all_requests_are_fired=False))"
            )
        return found


def _origin(response: responses.BaseResponse) -> str:
    """`` (cassette x.yaml)`` for a replayed interaction, else nothing."""
    origin = getattr(response, "origin", None)
    return f" (cassette {origin})" if origin else ""
