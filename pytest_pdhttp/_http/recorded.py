"""Requests as they went on the wire: body drained to bytes, with JSON / form / file decoders."""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from email.message import Message
from email.utils import collapse_rfc2231_value
from typing import Any, TypeVar
from urllib.parse import parse_qsl

import urllib3
from requests import PreparedRequest
from requests.structures import CaseInsensitiveDict
from requests_toolbelt.multipart.decoder import (
    ImproperBodyPartContentException,
    MultipartDecoder,
    NonMultipartContentTypeException,
)

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's


def _urllib3_blocksize() -> int:
    parameter = inspect.signature(urllib3.connection.HTTPConnection.__init__).parameters.get(
        "blocksize"
    )
    return parameter.default if parameter and isinstance(parameter.default, int) else 8192


BLOCKSIZE = _urllib3_blocksize()
"""urllib3 reads file-like bodies (MultipartEncoder included) in blocks of this size."""


def drain(body: Any) -> str | bytes | None:
    """Read a request body the way urllib3 would send it; str and bytes are left as they are."""
    if body is None or isinstance(body, (str, bytes)):
        return body
    if hasattr(body, "read"):
        blocks = []
        while True:
            block = body.read(BLOCKSIZE)
            if not block:
                break
            blocks.append(block.encode("utf-8") if isinstance(block, str) else bytes(block))
        return b"".join(blocks)
    try:
        return bytes(memoryview(body))
    except TypeError:
        return b"".join(c.encode("utf-8") if isinstance(c, str) else bytes(c) for c in body)


V = TypeVar("V")


class Fields(Mapping[str, V]):
    """Form fields or uploaded files by name, in the order they were sent. ``fields[name]`` is
    the last value sent under ``name`` (as a dict built from the pairs would hold);
    ``fields.getlist(name)`` is every one of them, and ``fields.multi_items()`` every pair."""

    def __init__(self, pairs: Iterable[tuple[str, V]] = ()) -> None:
        self._pairs = list(pairs)
        self._last = dict(self._pairs)

    def __getitem__(self, name: str) -> V:
        return self._last[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._last)

    def __len__(self) -> int:
        return len(self._last)

    def getlist(self, name: str) -> list[V]:
        return [value for key, value in self._pairs if key == name]

    def multi_items(self) -> list[tuple[str, V]]:
        return list(self._pairs)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._pairs!r})"


@dataclass(frozen=True)
class UploadedFile:
    """One file part of a multipart body."""

    filename: str | None
    content: bytes
    content_type: str | None


@dataclass(frozen=True)
class _Part:
    name: str
    filename: str | None
    content: bytes
    content_type: str | None


@dataclass(frozen=True)
class RecordedRequest:
    """One request the code under test sent."""

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes

    @classmethod
    def from_prepared(cls, request: PreparedRequest) -> RecordedRequest:
        body = request.body or b""
        return cls(
            method=request.method or "",
            url=request.url or "",
            headers=CaseInsensitiveDict(request.headers),
            body=body.encode("utf-8") if isinstance(body, str) else body,
        )

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> Fields[str]:
        """Fields of a urlencoded body, or the non-file parts of a multipart one, decoded as
        their charset says (UTF-8 when none is given, as ``requests`` encodes them)."""
        if self.content_type.startswith("application/x-www-form-urlencoded"):
            charset = _charset(self.content_type)
            text = self.body.decode(charset, "replace")
            return Fields(parse_qsl(text, keep_blank_values=True, encoding=charset))
        return Fields(
            (p.name, p.content.decode(_charset(p.content_type), "replace"))
            for p in self._parts()
            if p.filename is None
        )

    def files(self) -> Fields[UploadedFile]:
        """File parts of a multipart body (those with a filename); a repeated field keeps
        every file (``files().getlist("attachments")``)."""
        return Fields(
            (p.name, UploadedFile(p.filename, p.content, p.content_type))
            for p in self._parts()
            if p.filename is not None
        )

    def _parts(self) -> list[_Part]:
        if not self.content_type.startswith("multipart/"):
            raise ValueError(
                f"{self.method} {self.url}: not a form body (Content-Type {self.content_type!r}); "
                "a MultipartEncoder body needs headers={'Content-Type': encoder.content_type}"
            )
        try:
            decoder = MultipartDecoder(self.body, self.content_type)
        except (ImproperBodyPartContentException, NonMultipartContentTypeException) as exc:
            raise ValueError(f"{self.method} {self.url}: malformed multipart body: {exc}") from exc
        return [_part(part.headers, part.content) for part in decoder.parts]


def _part(headers: Mapping[bytes, bytes], content: bytes) -> _Part:
    message = Message()
    message["Content-Disposition"] = headers.get(b"Content-Disposition", b"").decode("utf-8")
    name = message.get_param("name", header="Content-Disposition")
    content_type = headers.get(b"Content-Type")
    return _Part(
        name=collapse_rfc2231_value(name) if name else "",
        filename=message.get_filename(),
        content=content,
        content_type=content_type.decode("latin-1") if content_type else None,
    )


def _charset(content_type: str | None) -> str:
    if not content_type:
        return "utf-8"
    message = Message()
    message["Content-Type"] = content_type
    return message.get_content_charset() or "utf-8"


def describe_body(request: RecordedRequest, limit: int = 500) -> str:
    """A short, readable rendering of the body for failure messages."""
    if not request.body:
        return "(no body)"
    for label, decode in (("JSON", request.json), ("form", lambda: _plain(request.form()))):
        try:
            shown = json.dumps(decode(), ensure_ascii=False)
        except (ValueError, LookupError):
            continue
        if label == "form" and request.content_type.startswith("multipart/"):
            files = Fields(
                (name, f"{f.filename} ({len(f.content)} bytes)")
                for name, f in request.files().multi_items()
            )
            shown += f" files {json.dumps(_plain(files), ensure_ascii=False)}"
        return f"{label} {_cut(shown, limit)}"
    return f"bytes {_cut(repr(request.body), limit)}"


def _plain(fields: Fields[Any]) -> dict[str, Any]:
    """Fields as a dict for display: a name sent once maps to its value, a repeated one to all."""
    return {name: v[0] if len(v := fields.getlist(name)) == 1 else v for name in fields}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"
