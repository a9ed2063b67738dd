"""What is running when the network is touched: the session, a collector, a fixture or a test.

Each scope knows the policy that applies inside it (computed on first use, so a test that never
touches the network pays nothing for it) and collects the blocked attempts reported against it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from ..._strict import Shown

from .addresses import AllowedHosts


@dataclass(frozen=True)
class Policy:
    allow_all: bool
    hosts: AllowedHosts

    def describe(self) -> str:
        return "everything" if self.allow_all else self.hosts.describe()


_serial = itertools.count(1)


class Scope:
    """One stretch of the run; ``owner`` is the scope whose report collects its problems."""

    def __init__(
        self,
        label: str,
        policy: Callable[[], Policy],
        *,
        nodeid: str = "",
        location: tuple[str, int | None, str] | None = None,
        owner: Scope | None = None,
    ) -> None:
        self.label = label
        self.nodeid = nodeid
        self.location = location
        self.owner = owner or self
        self.token = f"pdhttp{next(_serial)}"
        self.closed = False
        self.allow_override: Callable[[], bool] | None = None
        self.attempts: list[tuple[str, BaseException | None]] = []
        self._policy_source = policy
        self._policy: Policy | None = None
        self._reported = 0

    def policy(self) -> Policy:
        if self._policy is None:
            self._policy = self._policy_source()
        return self._policy

    def allows_everything(self) -> bool:
        if self.allow_override is not None and self.allow_override():
            return True
        return self.policy().allow_all

    def record(self, what: str, error: BaseException | None = None) -> None:
        """Note an attempt (and the error raised into the code for it) in the owner's report."""
        shown = what if self.owner is self else f"{what}, in {self.label}"
        self.owner.attempts.append((shown, error))

    def new_attempts(self, shown: Shown | None = None) -> list[str]:
        """The attempts not reported yet, except those whose error the failure shows already."""
        new = self.attempts[self._reported :]
        self._reported = len(self.attempts)
        return [what for what, error in new if shown is None or error is None or not shown(error)]

    def problems(self, *, test_failed: bool = False, shown: Shown | None = None) -> list[str]:
        """The ``_strict`` check interface: one message for the attempts not reported yet."""
        new = self.new_attempts(shown)
        return [report(new)] if new else []

    def __repr__(self) -> str:
        return f"<Scope {self.label}>"


def report(attempts: list[str]) -> str:
    lines = "\n".join(f"  {attempt}" for attempt in attempts)
    return (
        "pytest-pdhttp: the code under test tried to reach the real network (blocked; it fails the "
        f"test even if the error was caught):\n{lines}\n"
        "Mock it with pd_http (or replay a cassette), or allow it with "
        "@pytest.mark.pd_http(allow_network=True) or allowed_hosts=[...]."
    )
