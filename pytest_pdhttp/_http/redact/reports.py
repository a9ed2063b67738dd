"""A test's report with the test's own secrets taken out, before pytest prints or ships it.

pytest shows more than the plugin's messages: the arguments of each frame in a long traceback
(``requests.get(url, headers={"Authorization": ...})``), exception messages other libraries built
from the request (urllib3's "Max retries exceeded with url: /hooks/<token>" when the guard refuses
a connection), ``-vv`` assertion diffs and captured output. Each string of the report is passed
through the secret values (``values.SecretValues``); its structure is kept, so the terminal,
``--junitxml`` and xdist see the same report, redacted.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from .values import SecretValues

_LAYOUT_FIELDS = frozenset({"style"})  # how pytest draws an entry, not what it says


def redact_report(report: pytest.TestReport, secrets: SecretValues) -> None:
    if not secrets:
        return
    if report.longrepr is not None:
        report.longrepr = _redacted(report.longrepr, secrets.text, set())
    report.sections = [(title, secrets.text(content)) for title, content in report.sections]


def _redacted(value: Any, redact: Callable[[str], str], seen: set[int]) -> Any:
    if isinstance(value, str):
        return redact(value)
    if id(value) in seen:
        return value
    seen.add(id(value))
    if isinstance(value, list):
        value[:] = [_redacted(item, redact, seen) for item in value]
    elif type(value) is tuple:
        return tuple(_redacted(item, redact, seen) for item in value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            if field.name not in _LAYOUT_FIELDS:
                item = getattr(value, field.name)
                new = _redacted(item, redact, seen)
                if new is not item:
                    object.__setattr__(value, field.name, new)
    return value
