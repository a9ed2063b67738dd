"""``pd_http``: a strict ``responses.RequestsMock`` recording what was sent and what went wrong.

Built on responses' public extension points: the registry it is given (``registry=``; see
``registry``) records every request, honours ``is_reusable`` and explains every miss; responses
of this plugin's own kinds (streamed bodies) are ``BaseResponse`` subclasses registered with
``add``. Three things responses cannot do are done around the ``HTTPAdapter.send`` it installs:
request bodies are drained as urllib3 would send them (block by block), a simulated connection
failure goes through the adapter's urllib3 ``Retry`` (see ``failures``), and an unmatched request
gets its explanation. Another responses mock started while ``pd_http`` is active (which would
silently take every request) is refused with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partialmethod
from typing import Any

import requests
import requests.adapters
import responses
from responses.registries import FirstMatchRegistry
from urllib3.util.retry import Retry

from .. import _strict as strict
from . import lookup
from .failures import as_connection_failure, retry_or_raise
from .recorded import RecordedRequest, drain
from .registry import FirstMatch, Journal, registry_factory
from .streaming import JSON_HINT, StreamingResponse, is_chunked_body, is_one_shot

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

Shown = Callable[[BaseException], bool]


@dataclass(frozen=True)
class HttpSettings:
    """How strict ``pd_http`` is; each can be relaxed per test (marker) or per suite (ini)."""

    assert_all_requests_are_fired: bool = True
    assert_all_requests_were_expected: bool = True
    allow_network: bool = False


class StrictRequestsMock(responses.RequestsMock):
    """The whole ``responses`` API, plus what was sent (``requests``, ``get_requests``,
    ``get_request``), per-response ``is_optional``/``is_reusable`` and strict accounting.

    Register chunked bodies with ``body=[b"..", b".."]`` (any iterable of chunks, a generator
    read lazily) or ``body=BrokenStream(data, after=n)``.
    """

    def __init__(
        self,
        settings: HttpSettings = HttpSettings(),
        real_adapter_send: Any = None,
        registry: type[FirstMatchRegistry] = FirstMatchRegistry,
    ) -> None:
        self._journal = Journal()
        self._registry_class = registry
        self.assert_all_requests_were_expected = settings.assert_all_requests_were_expected
        self.allow_network = settings.allow_network
        self.redact: Callable[[str], str] = lambda text: text  # credentials out of messages
        self.unmatched: list[str] = []
        self._unreported: list[tuple[str, BaseException]] = []
        self._installed: tuple[Any, Any, Any, Any] | None = None
        extra = {} if real_adapter_send is None else {"real_adapter_send": real_adapter_send}
        super().__init__(
            assert_all_requests_are_fired=settings.assert_all_requests_are_fired,
            registry=registry_factory(registry, self._journal),  # type: ignore[arg-type]
            **extra,
        )

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request sent, in order (retries included), as it went on the wire."""
        return self._journal.requests

    # --- registering ------------------------------------------------------------------------

    def add(
        self,
        method: Any = None,
        url: Any = None,
        body: Any = "",
        adding_headers: Any = None,
        *args: Any,
        is_optional: bool | None = None,
        is_reusable: bool | None = None,
        **kwargs: Any,
    ) -> responses.BaseResponse:
        """responses' ``add``, plus ``is_optional`` (it may go unrequested even when the test is
        strict; ``False`` makes it required in a relaxed one) and ``is_reusable`` (``False``:
        it answers one request, then no longer matches)."""
        self._flags(method if isinstance(method, responses.BaseResponse) else body,
                    is_optional, is_reusable)  # fmt: skip
        method = self._own_response(method, url, body, adding_headers, kwargs)
        response = super().add(method, url, body, adding_headers, *args, **kwargs)
        return self._mark(response, is_optional, is_reusable)

    # responses binds its shortcuts to its own add(); rebind them to the one above
    delete = partialmethod(add, responses.DELETE)
    get = partialmethod(add, responses.GET)
    head = partialmethod(add, responses.HEAD)
    options = partialmethod(add, responses.OPTIONS)
    patch = partialmethod(add, responses.PATCH)
    post = partialmethod(add, responses.POST)
    put = partialmethod(add, responses.PUT)

    def add_callback(
        self,
        *args: Any,
        is_optional: bool | None = None,
        is_reusable: bool | None = None,
        **kwargs: Any,
    ) -> responses.BaseResponse:
        self._flags(None, is_optional, is_reusable)
        return self._mark(super().add_callback(*args, **kwargs), is_optional, is_reusable)

    def replace(
        self,
        method_or_response: Any = None,
        url: Any = None,
        body: Any = "",
        *args: Any,
        is_optional: bool | None = None,
        is_reusable: bool | None = None,
        **kwargs: Any,
    ) -> responses.BaseResponse:
        self._flags(body, is_optional, is_reusable)
        method_or_response = self._own_response(method_or_response, url, body, None, kwargs)
        response = super().replace(method_or_response, url, body, *args, **kwargs)
        return self._mark(response, is_optional, is_reusable)

    def _own_response(
        self, method: Any, url: Any, body: Any, adding_headers: Any, kwargs: dict[str, Any]
    ) -> Any:
        """``method`` itself, or the plugin's response for a body only it can serve."""
        if isinstance(method, responses.BaseResponse):
            return method
        if isinstance(body, Mapping):
            raise TypeError(
                f"pd_http: body= takes str, bytes or chunks, got a {type(body).__name__}; "
                f"{JSON_HINT}"
            )
        if not is_chunked_body(body):
            return method
        if adding_headers is not None:
            kwargs.setdefault("headers", adding_headers)
        response = StreamingResponse(method, url, body, **kwargs)
        kwargs.clear()
        return response

    def _mark(
        self, response: Any, optional: bool | None, reusable: bool | None
    ) -> responses.BaseResponse:
        """Set the flags on a registered ``response``; ``_flags`` checked them beforehand."""
        if reusable is not None or _one_shot(response):
            response.is_reusable = bool(reusable)
        if optional is not None:
            response.is_optional = optional
        return response  # type: ignore[no-any-return]

    def _flags(self, body: Any, optional: bool | None, reusable: bool | None) -> None:
        """Refuse flags that cannot apply, before anything is registered."""
        for name, value in (("is_optional", optional), ("is_reusable", reusable)):
            if value is not None and not isinstance(value, bool):
                raise TypeError(f"pd_http: {name}= takes True or False, got {value!r}")
        if reusable and (_one_shot(body) or is_one_shot(body)):
            raise TypeError(
                "pd_http: a generator body can be read once, so is_reusable=True cannot apply; "
                "register a list of chunks to answer more than once"
            )
        if reusable and not isinstance(self.get_registry(), FirstMatch):
            raise ValueError(
                f"pd_http: with registry={type(self.get_registry()).__name__} the registry "
                "decides how often a response answers; is_reusable=True cannot apply"
            )

    def reset(self) -> None:
        """responses' reset (its registry kind included), keeping what the test has not been
        told yet (unmatched requests still fail it)."""
        super().reset()
        if hasattr(self, "_journal"):  # responses' __init__ resets before ours has run
            self._set_registry(self._registry_class)
            self._journal.requests.clear()

    def _set_registry(self, new_registry: Any) -> None:
        super()._set_registry(registry_factory(new_registry, self._journal))  # type: ignore

    # --- what was sent ----------------------------------------------------------------------

    def get_requests(
        self,
        *,
        method: str | None = None,
        url: str | re.Pattern[str] | None = None,
        match_headers: Mapping[str, str] | None = None,
        match_content: bytes | str | None = None,
        match_json: Any = lookup.UNSET,
        match_data: Mapping[str, Any] | None = None,
        match_files: Mapping[str, Any] | None = None,
    ) -> list[RecordedRequest]:
        """The requests sent that match every criterion given: ``method`` (any case), ``url``
        (a full URL, query parameters in any order, or a compiled regex), headers that were
        sent with these values, the exact body, its JSON, its form fields (a list for a
        repeated field) or its files (content, ``(filename, content[, content_type])`` or an
        ``UploadedFile``)."""
        criteria = lookup.Criteria(
            method, url, match_headers, match_content, match_json, match_data, match_files
        )
        return lookup.find(self.requests, criteria)

    def get_request(self, **criteria: Any) -> RecordedRequest:
        """The one request matching the criteria (the keywords of ``get_requests``);
        ``AssertionError`` listing what was sent when none or several match."""
        __tracebackhide__ = True
        found = self.get_requests(**criteria)
        if len(found) != 1:
            shown = lookup.not_exactly_one(lookup.Criteria(**criteria), found, self.requests)
            raise AssertionError(self.redact(shown))
        return found[0]

    # --- answering --------------------------------------------------------------------------

    def start(self) -> None:
        if self._installed is not None:
            return
        adapter = requests.adapters.HTTPAdapter
        if _is_responses_send(adapter.send):
            strict.fail(_ALREADY_MOCKED)
        super().start()
        responses_send = adapter.send
        ours = self._transport(responses_send)
        adapter.send = ours  # type: ignore[method-assign]
        real_start = responses.RequestsMock.start
        mock = self

        def refuse_other_mocks(other: responses.RequestsMock) -> None:
            if other is not mock:
                strict.fail(_TAKEN_OVER)
            real_start(other)

        responses.RequestsMock.start = refuse_other_mocks  # type: ignore[method-assign]
        # responses.start is the default mock's start, bound when responses was imported
        module_start = responses.start
        responses.start = lambda: refuse_other_mocks(responses.mock)  # type: ignore[assignment]
        self._installed = (responses_send, ours, real_start, module_start)

    def stop(self, allow_assert: bool = True) -> None:
        if self._installed is not None:
            responses_send, ours, real_start, module_start = self._installed
            responses.RequestsMock.start = real_start  # type: ignore[method-assign]
            responses.start = module_start  # type: ignore[assignment]
            adapter = requests.adapters.HTTPAdapter
            if adapter.send is ours:
                adapter.send = responses_send  # type: ignore[method-assign]
            self._installed = None
        super().stop(allow_assert=allow_assert)

    def _transport(self, responses_send: Callable[..., Any]) -> Callable[..., Any]:
        mock = self

        def send(adapter: Any, request: requests.PreparedRequest, *args: Any, **kw: Any) -> Any:
            __tracebackhide__ = True
            request.body = drain(request.body)
            retries = getattr(adapter, "max_retries", None) or Retry(0, read=False)
            while True:
                try:
                    return responses_send(adapter, request, *args, **kw)
                except Exception as exc:
                    match, miss = mock._journal.outcome(request)
                    if miss is not None and isinstance(exc, requests.ConnectionError):
                        raise mock._unmatched(miss, request) from None
                    failure = None
                    if match is not None and not match.passthrough:
                        failure = as_connection_failure(exc, request)
                    if failure is None:
                        raise
                    retries = retry_or_raise(retries, request, failure)
                finally:
                    mock._journal.outcome(request)

        return send

    def _unmatched(self, explanation: str, request: requests.PreparedRequest) -> Exception:
        explanation = self.redact(explanation)
        error = requests.ConnectionError(explanation, request=request)
        self.unmatched.append(explanation)
        self._unreported.append((explanation, error))
        return error

    # --- strictness -------------------------------------------------------------------------

    def problems(self, *, test_failed: bool, shown: Shown | None = None) -> list[str]:
        found = []
        new = [m for m, error in self._unreported if shown is None or not shown(error)]
        self._unreported = []
        if new and self.assert_all_requests_were_expected:
            found.append(
                "\n\n".join(new)
                + "\n(this fails the test even if the code caught the ConnectionError; relax with "
                "@pytest.mark.pd_http(assert_all_requests_were_expected=False))"
            )
        if self._installed is not None and requests.adapters.HTTPAdapter.send is not (
            self._installed[1]
        ):
            found.append(_TAKEN_OVER)
        unused = [r for r in self.registered() if r.call_count == 0 and not self._optional(r)]
        if unused and not test_failed:
            lines = self.redact("\n".join(f"  - {r.method} {r.url}{_origin(r)}" for r in unused))
            found.append(
                f"pd_http: registered responses that were never requested:\n{lines}\n"
                "(relax with is_optional=True on the response, or "
                "@pytest.mark.pd_http(assert_all_requests_are_fired=False))"
            )
        return found

    def _optional(self, response: responses.BaseResponse) -> bool:
        optional = getattr(response, "is_optional", None)
        return not self.assert_all_requests_are_fired if optional is None else optional


_ALREADY_MOCKED = (
    "pd_http: another responses mock already intercepts requests (pytest-responses starts one "
    "for every test, or a fixture entered responses.RequestsMock()), so pd_http would receive "
    "none of them. Use one mock: mark the test @pytest.mark.withoutresponses (pytest-responses) "
    "or drop the other mock, and register every response with pd_http."
)
_TAKEN_OVER = (
    "pd_http: another responses mock was started during the test (@responses.activate, "
    "responses.start(), or pytest-responses' responses fixture); it would answer every request "
    "in place of pd_http, which knows nothing of its responses. Use one mock: drop "
    "@responses.activate (or the fixture) and register the responses with pd_http.add(...) or "
    "pd_http.get(...)."
)


def _one_shot(response: Any) -> bool:
    return isinstance(response, StreamingResponse) and response.one_shot


def _is_responses_send(send: Any) -> bool:
    """True when ``HTTPAdapter.send`` is a function a responses mock installed."""
    return getattr(send, "__module__", None) == responses.__name__


def _origin(response: responses.BaseResponse) -> str:
    """`` (cassette x.yaml)`` for a replayed interaction, else nothing."""
    origin = getattr(response, "origin", None)
    return f" (cassette {origin})" if origin else ""
