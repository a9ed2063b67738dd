"""Response bodies served chunk by chunk as the code reads them, and connections that break in
the middle of one.

A list or tuple of chunks can be served again and again; an iterator (a generator, say) is read
lazily, only as far as the code reads, and only once: a 100 MB or endless generator costs
nothing until it is read.
"""

from __future__ import annotations

import errno
import io
from collections.abc import Iterable, Iterator, Mapping
from http import client
from typing import Any

import responses
from requests import PreparedRequest
from urllib3.response import HTTPResponse

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

Chunks = Iterable["bytes | str"]
JSON_HINT = "to answer with JSON, pass json=... instead of body=..."


class BrokenStream:
    """A response body whose connection drops after ``after`` bytes.

    The code reading it gets those bytes, then ``requests.exceptions.ChunkedEncodingError``
    (urllib3's ``ProtocolError`` underneath), as with a real reset connection. ``body`` is
    bytes, str or chunks (a generator too, read lazily).
    """

    def __init__(self, body: bytes | str | Chunks, after: int) -> None:
        if isinstance(after, bool) or not isinstance(after, int) or after < 0:
            raise ValueError(f"after must be a number of bytes >= 0, got {after!r}")
        self.body = checked_chunks([body] if isinstance(body, (bytes, str)) else body)
        self.after = after


def is_chunked_body(body: object) -> bool:
    """True for bodies only this plugin can serve: iterables of chunks and ``BrokenStream``."""
    if isinstance(body, BrokenStream):
        return True
    plain = (str, bytes, bytearray, memoryview, io.IOBase, BaseException, responses.BaseResponse)
    if isinstance(body, plain) or _bytes_like(body):
        return False
    return isinstance(body, Iterable)


def is_one_shot(body: object) -> bool:
    """An iterator (a generator, say) can be read once; a list of chunks as often as asked."""
    source = body.body if isinstance(body, BrokenStream) else body
    return isinstance(source, Iterator)


def checked_chunks(body: Any) -> Any:
    """``body`` itself once it is a valid source of chunks: a mapping (meant as ``json=``) is
    refused, and a list's chunks are checked now (an iterator's as they are read)."""
    if isinstance(body, Mapping):
        raise TypeError(f"a response body is str, bytes or chunks, got a {type(body).__name__}; "
                        f"{JSON_HINT}")  # fmt: skip
    if not isinstance(body, Iterator):
        for chunk in body:
            _chunk(chunk)
    return body


def _bytes_like(body: object) -> bool:
    try:
        memoryview(body)  # type: ignore[arg-type]
    except TypeError:
        return False
    return True


def _chunk(chunk: object) -> bytes:
    if isinstance(chunk, str):
        return chunk.encode("utf-8")
    if isinstance(chunk, (bytes, bytearray, memoryview)):
        return bytes(chunk)
    hint = f"; {JSON_HINT}" if isinstance(chunk, (Mapping, list, int, float)) else ""
    raise TypeError(f"response body chunks must be bytes or str, got {chunk!r}{hint}")


class StreamingResponse(responses.Response):
    """A ``responses.Response`` whose body is read one registered chunk at a time."""

    def __init__(self, method: str, url: Any, body: Any, **kwargs: Any) -> None:
        super().__init__(method, url, body=b"", **kwargs)
        self.break_after: int | None
        if isinstance(body, BrokenStream):
            self.source, self.break_after = body.body, body.after
        else:
            self.source, self.break_after = checked_chunks(body), None
        self.one_shot = isinstance(self.source, Iterator)
        self.served = False

    def get_response(self, request: PreparedRequest) -> HTTPResponse:
        if self.one_shot and self.served:
            raise RuntimeError(
                f"pd_http: the generator body of {self.method} {self.url} was read by an earlier "
                "request; register a list of chunks to answer more than once"
            )
        self.served = True
        headers = self.get_headers()
        no_body = io.BytesIO()
        no_body.close()
        original = HTTPResponse(body=no_body, msg=headers, preload_content=False)  # type: ignore
        return HTTPResponse(
            body=_ChunkReader(iter(self.source), self.break_after),
            headers=headers,
            status=self.status,
            reason=client.responses.get(self.status),
            original_response=original,  # type: ignore[arg-type]  # cookies are read from it
            preload_content=False,
            request_method=request.method,
        )


class _ChunkReader(io.RawIOBase):
    """Each read returns at most the rest of the current chunk, like a socket receiving packets;
    the next chunk is taken from the source only when the code reads past the current one."""

    def __init__(self, chunks: Iterator[Any], break_after: int | None) -> None:
        self._chunks = chunks
        self._current = b""
        self._break_after = break_after
        self._served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._break_after is not None and self._served >= self._break_after:
            raise ConnectionResetError(
                errno.ECONNRESET,
                f"Connection reset by peer (pytest-pdhttp BrokenStream after {self._served} bytes)",
            )
        while not self._current:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._current = _chunk(chunk)
        size = len(buffer)
        if self._break_after is not None:
            size = min(size, self._break_after - self._served)
        data, self._current = self._current[:size], self._current[size:]
        buffer[: len(data)] = data
        self._served += len(data)
        return len(data)
