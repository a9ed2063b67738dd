"""What a step run leaves behind: its return value and every recorded effect."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FlowCall:
    """One call of ``pd.flow.exit/delay/suspend/rerun`` with its validated arguments."""

    name: str
    arguments: dict[str, Any]
    resume_url: str | None = None
    cancel_url: str | None = None


@dataclass(frozen=True)
class Email:
    """One ``pd.send.email(...)`` call."""

    subject: str
    text: str | None
    html: str | None

    @property
    def shown(self) -> str | None:
        """The body the owner sees: ``html`` wins, even when it is the default ``""``."""
        return self.text if self.html is None else self.html


@dataclass(frozen=True)
class StepResult:
    """The outcome of ``pd.run``; values are JSON round trips, as the next step would see them."""

    return_value: Any
    exports: dict[str, Any]
    exited: bool
    exit_reason: str | None
    responses: list[dict[str, Any]] = field(default_factory=list)
    flow: list[FlowCall] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)

    @property
    def response(self) -> dict[str, Any] | None:
        """The ``pd.respond`` payload, or None when the step did not respond."""
        return self.responses[-1] if self.responses else None

    def as_step(self) -> dict[str, Any]:
        """This run as a later step sees it in ``pd.steps["<name>"]``."""
        return {"$return_value": self.return_value, **self.exports}


@dataclass(frozen=True)
class WorkflowResult:
    """The outcome of ``pd.run_workflow``: each step's ``StepResult`` in the order they ran."""

    steps: dict[str, StepResult]
    exited: bool
    exit_reason: str | None
    exited_at: str | None = None
    skipped: list[str] = field(default_factory=list)

    @property
    def return_value(self) -> Any:
        """The return value of the last step that ran (None when no step ran)."""
        return next(reversed(self.steps.values())).return_value if self.steps else None

    @property
    def response(self) -> dict[str, Any] | None:
        """The workflow's ``pd.respond`` payload, whichever step sent it, or None."""
        responses = [r for step in self.steps.values() for r in step.responses]
        return responses[-1] if responses else None

    @property
    def flow(self) -> list[tuple[str, FlowCall]]:
        """Every flow call of the run as ``(step name, FlowCall)``, in order."""
        return [(name, call) for name, step in self.steps.items() for call in step.flow]

    @property
    def emails(self) -> list[Email]:
        return [email for step in self.steps.values() for email in step.emails]
