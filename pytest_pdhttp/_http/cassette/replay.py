"""Replaying: each recorded interaction becomes a ``pd_http`` response that answers the live
request it matches, after that request went through the same hook and redaction as the
recording did (so a recorded ``REDACTED`` matches whatever credential the test uses)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests
import responses

from ..redact import Redactor
from .format import Interaction, Request, header_items
from .match import matches
from .options import CassetteOptions
from .record import live_request, prepare


class LiveRequests:
    """The live request as a recording would have stored it; computed once per request."""

    def __init__(self, options: CassetteOptions, redactor: Callable[[], Redactor]) -> None:
        self.options = options
        self._redactor = redactor
        self._last: tuple[int, Request | None] | None = None

    def view(self, request: requests.PreparedRequest) -> Request | None:
        if self._last is not None and self._last[0] == id(request):
            return self._last[1]
        prepared = prepare(Interaction(live_request(request), None), self.options, self._redactor())
        shown = None if prepared is None else prepared.request
        self._last = (id(request), shown)
        return shown


class CassetteResponse(responses.Response):
    """A recorded interaction registered in ``pd_http``."""

    def __init__(
        self, interaction: Interaction, live: LiveRequests, origin: str, *, optional: bool
    ) -> None:
        assert interaction.response is not None
        response = interaction.response
        headers = _fitting_length(header_items(response.headers), response.body)
        super().__init__(
            method=interaction.request.method,
            url=interaction.request.url,
            body=response.body,
            status=response.status,
            headers=headers,  # type: ignore[arg-type]
            content_type=None,
        )
        self.interaction = interaction
        self.reason = response.reason
        self.origin = origin
        self.is_optional = optional  # new_episodes: an old interaction may go unused
        self._live = live

    def get_response(self, request: requests.PreparedRequest) -> Any:
        """With the recorded reason phrase (``responses`` gives the standard one for the status)."""
        served = super().get_response(request)
        served.reason = self.reason or served.reason
        return served

    def matches(self, request: requests.PreparedRequest) -> tuple[bool, str]:
        live = self._live.view(request)
        if live is None:
            return False, "before_record skips this request"
        return matches(self.interaction.request, live, self._live.options)


def _fitting_length(headers: list[tuple[str, str]], body: bytes) -> list[tuple[str, str]]:
    """A recorded ``Content-Length`` made to fit the body served (a hand-edited cassette's too:
    urllib3 refuses a body shorter than announced). An empty body keeps it: a ``HEAD`` or
    ``304`` response announces another body's length."""
    if not body:
        return headers
    return [(k, str(len(body)) if k.lower() == "content-length" else v) for k, v in headers]


def register(
    mock: Any, interactions: list[Interaction], live: LiveRequests, origin: str, *, optional: bool
) -> None:
    for interaction in interactions:
        mock.add(CassetteResponse(interaction, live, origin, optional=optional))
