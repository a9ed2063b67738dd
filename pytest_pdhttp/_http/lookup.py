"""Finding sent requests by what they were (``pd_http.get_requests(...)``/``get_request(...)``)
instead of by their position in ``pd_http.requests``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .recorded import RecordedRequest, UploadedFile

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

UNSET: Any = object()


@dataclass(frozen=True)
class Criteria:
    """What a request must have been; every criterion left out matches anything."""

    method: str | None = None
    url: str | re.Pattern[str] | None = None
    match_headers: Mapping[str, str] | None = None
    match_content: bytes | str | None = None
    match_json: Any = UNSET
    match_data: Mapping[str, Any] | None = None
    match_files: Mapping[str, Any] | None = None

    def matches(self, request: RecordedRequest) -> bool:
        return all(check(self, request) for check in _CHECKS)

    def __str__(self) -> str:
        given = [
            f"{name}={value!r}"
            for name, value in vars(self).items()
            if value is not None and value is not UNSET
        ]
        return ", ".join(given) or "no criteria"


def find(requests: Iterable[RecordedRequest], criteria: Criteria) -> list[RecordedRequest]:
    return [request for request in requests if criteria.matches(request)]


def same_url(expected: str, sent: str) -> bool:
    """Scheme, host and path equal (case-insensitive scheme and host, "" as "/"), and the same
    query parameters in any order."""
    a, b = urlsplit(expected), urlsplit(sent)
    return (a.scheme.lower(), a.netloc.lower(), a.path or "/") == (
        b.scheme.lower(), b.netloc.lower(), b.path or "/",
    ) and sorted(parse_qsl(a.query, keep_blank_values=True)) == sorted(
        parse_qsl(b.query, keep_blank_values=True)
    )  # fmt: skip


def _method(c: Criteria, r: RecordedRequest) -> bool:
    return c.method is None or c.method.upper() == r.method.upper()


def _url(c: Criteria, r: RecordedRequest) -> bool:
    if c.url is None:
        return True
    if isinstance(c.url, re.Pattern):
        return c.url.match(r.url) is not None
    return same_url(c.url, r.url)


def _headers(c: Criteria, r: RecordedRequest) -> bool:
    return c.match_headers is None or all(
        r.headers.get(name) == value for name, value in c.match_headers.items()
    )


def _content(c: Criteria, r: RecordedRequest) -> bool:
    if c.match_content is None:
        return True
    expected = c.match_content
    return r.body == (expected.encode("utf-8") if isinstance(expected, str) else expected)


def _json(c: Criteria, r: RecordedRequest) -> bool:
    if c.match_json is UNSET:
        return True
    try:
        return bool(r.json() == c.match_json)
    except ValueError:
        return False


def _data(c: Criteria, r: RecordedRequest) -> bool:
    if c.match_data is None:
        return True
    try:
        form = r.form()
    except (ValueError, LookupError):
        return False
    return set(form) == set(c.match_data) and all(
        form.getlist(name) == (list(v) if isinstance(v, (list, tuple)) else [v])
        for name, v in c.match_data.items()
    )


def _files(c: Criteria, r: RecordedRequest) -> bool:
    if c.match_files is None:
        return True
    try:
        files = r.files()
    except ValueError:
        return False
    return set(files) == set(c.match_files) and all(
        _same_file(files[name], expected) for name, expected in c.match_files.items()
    )


def _same_file(sent: UploadedFile, expected: Any) -> bool:
    """``expected`` as ``requests`` takes a file: content, ``(filename, content)``, ``(filename,
    content, content_type)``, or an ``UploadedFile``."""
    if isinstance(expected, UploadedFile):
        return sent == expected
    if isinstance(expected, (bytes, str)):
        expected = (sent.filename, expected)
    filename, content, *rest = expected
    content = content.encode("utf-8") if isinstance(content, str) else content
    return (sent.filename, sent.content) == (filename, content) and (
        not rest or rest[0] == sent.content_type
    )


_CHECKS = (_method, _url, _headers, _content, _json, _data, _files)


def describe(request: RecordedRequest) -> str:
    return f"{request.method} {request.url}"


def not_exactly_one(
    criteria: Criteria, found: list[RecordedRequest], sent: list[RecordedRequest]
) -> str:
    what = f"pd_http.get_request({criteria}) expects exactly one request"
    if found:
        lines = [f"{what}, {len(found)} matched (use get_requests to have them all):"]
        lines += [f"  - {describe(r)}" for r in found]
    elif sent:
        lines = [f"{what}, none matched; sent:"] + [f"  - {describe(r)}" for r in sent]
    else:
        lines = [f"{what}, none was sent"]
    return "\n".join(lines)
