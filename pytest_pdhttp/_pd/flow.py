"""``pd.flow``: exit, delay, suspend and rerun, validated and recorded, never acted on."""

from __future__ import annotations

from typing import Any

from .._json import json_copy
from .results import FlowCall

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

MAX_DELAY_MS = 365 * 24 * 60 * 60 * 1000
DEFAULT_SUSPEND_MS = 24 * 60 * 60 * 1000
DEFAULT_MAX_RETRIES = 10
URL_BASE = "https://flow.pipedream.test"


class Flow:
    """The fake ``pd.flow``; ``exit`` returns, so the step goes on unless it returns."""

    def __init__(self) -> None:
        self.calls: list[FlowCall] = []
        self.exited = False
        self.exit_reason: str | None = None

    @property
    def paused(self) -> bool:
        """True once delay, suspend or rerun was called: the step can no longer respond."""
        return any(call.name != "exit" for call in self.calls)

    def exit(self, reason: str | None = None) -> None:
        if reason is not None and not isinstance(reason, str):
            raise TypeError(f"pd.flow.exit(reason) takes a str or None, got {reason!r}")
        if not self.exited:
            self.exited, self.exit_reason = True, reason
        self.calls.append(FlowCall("exit", {"reason": reason}))

    def delay(self, duration_ms: float) -> dict[str, str]:
        _check_ms("pd.flow.delay(duration_ms)", duration_ms)
        return self._pause("delay", {"duration_ms": duration_ms})

    def suspend(self, timeout_ms: float | None = None) -> dict[str, str]:
        if timeout_ms is None:
            timeout_ms = DEFAULT_SUSPEND_MS
        _check_ms("pd.flow.suspend(timeout_ms)", timeout_ms)
        return self._pause("suspend", {"timeout_ms": timeout_ms})

    def rerun(
        self, delay_ms: float, context: Any = None, max_retries: int = DEFAULT_MAX_RETRIES
    ) -> dict[str, str]:
        _check_ms("pd.flow.rerun(delay_ms)", delay_ms)
        if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 1:
            raise ValueError(f"pd.flow.rerun(max_retries) must be an int >= 1, got {max_retries!r}")
        arguments = {
            "delay_ms": delay_ms,
            "context": json_copy(context, "pd.flow.rerun(context)"),
            "max_retries": max_retries,
        }
        return self._pause("rerun", arguments)

    def _pause(self, name: str, arguments: dict[str, Any]) -> dict[str, str]:
        if self.paused:
            earlier = next(call.name for call in self.calls if call.name != "exit")
            raise RuntimeError(
                f"pd.flow.{name}() after pd.flow.{earlier}(): a step can pause only once"
            )
        token = f"{name}-{len(self.calls) + 1}"
        urls = {
            "resume_url": f"{URL_BASE}/resume/{token}",
            "cancel_url": f"{URL_BASE}/cancel/{token}",
        }
        self.calls.append(FlowCall(name, arguments, urls["resume_url"], urls["cancel_url"]))
        return urls


def _check_ms(what: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{what} takes milliseconds as a number, got {value!r}")
    if not 1 <= value <= MAX_DELAY_MS:
        raise ValueError(
            f"{what} must be between 1 ms and 1 year ({MAX_DELAY_MS} ms), got {value!r}"
        )
