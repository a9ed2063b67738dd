"""Recording: what the real transport sent and received, captured as the client saw it, then
passed through the ``before_record`` hook, stripped of volatile headers and redacted."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import Any

import requests
import urllib3

from ..redact import Redactor
from .format import Headers, Interaction, Request, Response, header, header_items
from .options import CassetteOptions

__tracebackhide__ = True  # pytest shows the test's and the hook's lines, not this module's

_DECODED_BY_URLLIB3 = frozenset(
    getattr(urllib3.response.HTTPResponse, "CONTENT_DECODERS", ["gzip", "deflate"])
) | {"x-gzip", "identity"}


_ENCODED_LENGTH = ("content-encoding", "content-length")


def live_request(request: requests.PreparedRequest) -> Request:
    """A prepared request as a cassette request: body as bytes, a compressed body decompressed
    (``Content-Encoding: gzip``/``deflate``: it is stored and compared by what it says)."""
    body = request.body or b""
    data = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    headers = dict(request.headers)
    encoding = header(headers, "Content-Encoding").strip().lower()
    if data and encoding in ("gzip", "x-gzip", "deflate"):
        try:
            data = zlib.decompress(data, 47 if "gzip" in encoding else zlib.MAX_WBITS)
        except zlib.error:
            pass  # not what it claims: kept as sent
    return Request((request.method or "GET").upper(), request.url or "", headers, data)


def captured(request: requests.PreparedRequest, response: requests.Response) -> Interaction:
    """What the step saw: the body whole and decoded (``response.content``), each header as often
    as it was sent (two ``Set-Cookie`` headers are two cookies)."""
    headers = _response_headers(response)
    encoding = header(headers, "Content-Encoding").strip().lower()
    if encoding and all(e.strip() in _DECODED_BY_URLLIB3 for e in encoding.split(",")):
        # both described the compressed bytes; the decoded body is stored
        headers = {k: v for k, v in headers.items() if k.lower() not in _ENCODED_LENGTH}
    return Interaction(
        live_request(request),
        Response(response.status_code, response.reason or "", headers, response.content or b""),
    )


def _response_headers(response: requests.Response) -> Headers:
    sent = getattr(response.raw, "headers", None)
    if not hasattr(sent, "getlist"):
        return dict(response.headers)
    headers: Headers = {}
    for name in sent:
        values = [str(v) for v in sent.getlist(name)]
        headers[name] = values if len(values) > 1 else values[0]
    return headers


def _readable_again(response: requests.Response, interaction: Interaction) -> None:
    """Capturing read the body: ``response.raw`` serves it again (decoded, as the replay will), for
    code that reads the raw stream (``shutil.copyfileobj(response.raw, file)``)."""
    assert interaction.response is not None
    response.raw = urllib3.HTTPResponse(
        body=io.BytesIO(interaction.response.body),
        headers=header_items(interaction.response.headers),
        status=response.status_code,
        reason=response.reason,
        preload_content=False,
        decode_content=False,
    )


def prepare(
    interaction: Interaction, options: CassetteOptions, redactor: Redactor
) -> Interaction | None:
    """Hook (``None``: not recorded), volatile headers out, credentials out: what is written, and
    what a live request is compared as."""
    received = len(interaction.response.body) if interaction.response is not None else 0
    if options.before_record is not None:
        interaction = options.before_record(interaction)
        if interaction is None:
            return None
        if not isinstance(interaction, Interaction):
            shown = type(interaction).__name__  # (its repr would show what redaction is for)
            raise TypeError(
                f"before_record must return the interaction (or None to skip it), got a {shown}"
            )
    request = interaction.request
    shown_request = Request(
        request.method,
        redactor.url(request.url),
        redactor.headers({k: v for k, v in request.headers.items() if not options.drops(k)}),
        redactor.body(request.body, request.content_type),
    )
    response = interaction.response
    if response is None:
        return Interaction(shown_request, None)
    body = redactor.body(response.body, response.content_type)
    headers = {
        k: _stored_length(v, received, len(body)) if k.lower() == "content-length" else v
        for k, v in response.headers.items()
        if k.lower() == "content-length" or not options.drops(k)
    }
    return Interaction(
        shown_request,
        Response(response.status, response.reason, redactor.headers(headers), body),
    )


def _stored_length(sent: str | list[str], received: int, stored: int) -> str | list[str]:
    """A response's ``Content-Length`` is kept (a step may read it), as the length of the body
    stored, which redaction or the hook may have changed; one that described another body (a
    ``HEAD`` or ``304`` response's) is kept as sent."""
    return str(stored) if sent == str(received) else sent


class Recorder:
    """Wraps the real transport: every exchange that went to the network is kept, raw, in
    memory only, until ``finished`` redacts them for writing."""

    def __init__(self, options: CassetteOptions, secrets: Callable[[], set[str]]) -> None:
        self.options = options
        self.raw: list[Interaction] = []
        self._source = secrets
        self._secrets: set[str] = set()

    def wrap(self, real_send: Callable[..., requests.Response]) -> Callable[..., requests.Response]:
        def send(adapter: Any, request: requests.PreparedRequest, **kwargs: Any) -> Any:
            response = real_send(adapter, request, **kwargs)
            self._secrets |= self._source()
            interaction = captured(request, response)
            self.raw.append(interaction)
            _readable_again(response, interaction)
            return response

        return send

    def finished(self) -> list[Interaction]:
        """The recorded interactions as they are written: hooked, trimmed, redacted with every
        secret seen during the test."""
        redactor = Redactor(self._secrets | self._source())
        kept = (prepare(raw, self.options, redactor) for raw in self.raw)
        return [interaction for interaction in kept if interaction is not None]
