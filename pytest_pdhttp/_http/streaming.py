"""Response bodies served chunk by chunk, and connections that break in the middle of one."""

from __future__ import annotations

import errno
import io
from collections.abc import Iterable
from http import client
from typing import Any

import responses
from requests import PreparedRequest
from urllib3.response import HTTPResponse

Chunks = Iterable["bytes | str"]


class BrokenStream:
    """A response body whose connection drops after ``after`` bytes.

    The code reading it gets those bytes, then ``requests.exceptions.ChunkedEncodingError``
    (urllib3's ``ProtocolError`` underneath), as with a real reset connection.
    """

    def __init__(self, body: bytes | Chunks, after: int) -> None:
        if after < 0:
            raise ValueError("after must be >= 0 bytes")
        self.chunks = _chunk_tuple([body] if isinstance(body, (bytes, str)) else body)
        self.after = after


def is_chunked_body(body: object) -> bool:
    """True for bodies only this plugin can serve: iterables of chunks and ``BrokenStream``."""
    if isinstance(body, BrokenStream):
        return True
    plain = (str, bytes, bytearray, io.BufferedReader, BaseException, responses.BaseResponse)
    return not isinstance(body, plain) and isinstance(body, Iterable)


class StreamingResponse(responses.Response):
    """A ``responses.Response`` whose body is read one registered chunk at a time."""

    def __init__(self, method: str, url: Any, body: Any, **kwargs: Any) -> None:
        super().__init__(method, url, body=b"", **kwargs)
        self.break_after: int | None
        if isinstance(body, BrokenStream):
            self.chunks, self.break_after = body.chunks, body.after
        else:
            self.chunks, self.break_after = _chunk_tuple(body), None

    def get_response(self, request: PreparedRequest) -> HTTPResponse:
        headers = self.get_headers()
        no_body = io.BytesIO()
        no_body.close()
        original = HTTPResponse(body=no_body, msg=headers, preload_content=False)  # type: ignore
        return HTTPResponse(
            body=_ChunkReader(self.chunks, self.break_after),
            headers=headers,
            status=self.status,
            reason=client.responses.get(self.status),
            original_response=original,  # type: ignore[arg-type]  # cookies are read from it
            preload_content=False,
            request_method=request.method,
        )


class _ChunkReader(io.RawIOBase):
    """Each read returns at most the rest of the current chunk, like a socket receiving packets."""

    def __init__(self, chunks: tuple[bytes, ...], break_after: int | None) -> None:
        self._chunks = list(chunks)
        self._break_after = break_after
        self._served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._chunks and not self._chunks[0]:
            self._chunks.pop(0)
        if self._break_after is not None and self._served >= self._break_after:
            raise ConnectionResetError(
                errno.ECONNRESET,
                f"Connection reset by peer (pytest-pdhttp BrokenStream after {self._served} bytes)",
            )
        if not self._chunks:
            return 0
        size = len(buffer)
        if self._break_after is not None:
            size = min(size, self._break_after - self._served)
        data, self._chunks[0] = self._chunks[0][:size], self._chunks[0][size:]
        buffer[: len(data)] = data
        self._served += len(data)
        return len(data)


def _chunk_tuple(chunks: Chunks) -> tuple[bytes, ...]:
    result = []
    for chunk in chunks:
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8")
        if not isinstance(chunk, (bytes, bytearray)):
            raise TypeError(f"response body chunks must be bytes or str, got {chunk!r}")
        result.append(bytes(chunk))
    return tuple(result)
