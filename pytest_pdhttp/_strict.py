"""Problems a fixture saw during a test (even ones the code swallowed), each reported once.

A test that passed fails with them. A test that failed keeps its own error, and gets the problems
its error does not already show (the exceptions the plugin raised into the code and that are in
the error's chain are shown by pytest already), as a note under it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn, Protocol

import pytest

Shown = Callable[[BaseException], bool]


class Check(Protocol):
    def problems(self, *, test_failed: bool, shown: Shown | None = None) -> list[str]:
        """New problems since the last call. ``test_failed`` skips those a failure explains;
        ``shown(exc)`` is true for an exception the failure's own traceback shows already."""


_CHECKS = pytest.StashKey[list[Check]]()


def register(node: pytest.Item, check: Check) -> None:
    node.stash.setdefault(_CHECKS, []).append(check)


def collect(node: pytest.Item, *, failure: BaseException | None = None) -> list[str]:
    """Every check's new problems; with ``failure``, only what that failure does not say."""
    in_chain = chain(failure)
    test_failed = failure is not None
    return [
        problem
        for check in node.stash.get(_CHECKS, [])
        for problem in check.problems(test_failed=test_failed, shown=lambda e: id(e) in in_chain)
    ]


def fail_if_any(problems: list[str]) -> None:
    if problems:
        fail("\n\n".join(problems))


def fail(message: str) -> NoReturn:
    """Fail the test with ``message`` alone: no traceback of the plugin, no chained exception."""
    __tracebackhide__ = True
    raise pytest.fail.Exception(message, pytrace=False) from None


def note(failure: BaseException, problems: list[str]) -> None:
    """Show ``problems`` with the test's own failure, once."""
    if problems:
        add_note(failure, "\n\n".join(problems))


def add_note(exc: BaseException, text: str) -> None:
    """``exc.add_note(text)``; on Python 3.10, the ``__notes__`` list it fills, which pytest
    shows there too."""
    if sys.version_info >= (3, 11):
        exc.add_note(text)
        return
    try:
        exc.__notes__ = [*getattr(exc, "__notes__", ()), text]  # type: ignore[attr-defined]
    except AttributeError:  # an exception type that takes no attributes
        pass


def chain(failure: BaseException | None) -> set[int]:
    """Ids of the exceptions pytest shows for ``failure``: causes, unsuppressed contexts, and
    the members of exception groups."""
    seen: set[int] = set()
    todo = [failure] if failure is not None else []
    while todo:
        exc = todo.pop()
        if id(exc) in seen:
            continue
        seen.add(id(exc))
        if exc.__cause__ is not None:
            todo.append(exc.__cause__)
        elif exc.__context__ is not None and not exc.__suppress_context__:
            todo.append(exc.__context__)
        members = getattr(exc, "exceptions", None)
        if isinstance(members, (list, tuple)):
            todo.extend(m for m in members if isinstance(m, BaseException))
    return seen
