"""Problems a fixture saw during a test (even ones the code swallowed), reported as its failure."""

from __future__ import annotations

from typing import Protocol

import pytest


class Check(Protocol):
    def problems(self, *, test_failed: bool) -> list[str]:
        """New problems since the last call; ``test_failed`` skips those a failure explains."""


_CHECKS = pytest.StashKey[list[Check]]()


def register(node: pytest.Item, check: Check) -> None:
    node.stash.setdefault(_CHECKS, []).append(check)


def collect(node: pytest.Item, *, test_failed: bool) -> list[str]:
    return [
        p for check in node.stash.get(_CHECKS, []) for p in check.problems(test_failed=test_failed)
    ]


def fail_if_any(problems: list[str]) -> None:
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)
