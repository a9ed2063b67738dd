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
        super().__init__(
            method=interaction.request.method,
            url=interaction.request.url,
            body=response.body,
            status=response.status,
            headers=header_items(response.headers),  # type: ignore[arg-type]
            content_type=None,
        )
        self.interaction = interaction
        self.origin = origin
        self.is_optional = optional  # new_episodes: an old interaction may go unused
        self._live = live

    def matches(self, request: requests.PreparedRequest) -> tuple[bool, str]:
        live = self._live.view(request)
        if live is None:
            return False, "before_record skips this request"
        return matches(self.interaction.request, live, self._live.options)


def register(
    mock: Any, interactions: list[Interaction], live: LiveRequests, origin: str, *, optional: bool
) -> None:
    for interaction in interactions:
        mock.add(CassetteResponse(interaction, live, origin, optional=optional))
