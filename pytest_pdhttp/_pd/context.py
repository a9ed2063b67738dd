"""The fake ``pd`` a step's ``handler(pd)`` receives, and ``pd.run`` to execute a step."""

from __future__ import annotations

import contextlib
import copy
import os
import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ContextManager, Union

from .._json import json_copy
from .._strict import add_note
from .datastore import DataStore
from .flow import Flow
from .loader import call_handler, execute, find_handler, forget, new_module
from .results import Email, StepResult, WorkflowResult
from .workflow import STEP_NAME, StepSpec, resolve

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

StepTarget = Union[str, "os.PathLike[str]", Callable[[Any], Any]]

_NODE_ONLY = {
    "files": "File stores ($.files)",
    "service": "$.service (component state)",
    "interface": "$.interface",
    "props": "props",
    "summary": "$summary",
}
_NODE_ONLY_SEND = ("http", "s3", "emit", "sse")
_RESPONSE_KEYS = {"status", "body", "headers"}


def trigger_context() -> dict[str, Any]:
    """A realistic ``steps["trigger"]["context"]``; every id is fake."""
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return {
        "id": secrets.token_hex(14),
        "ts": now,
        "workflow_id": "p_FAKEWF1",
        "workflow_name": "pytest-pdhttp",
        "deployment_id": "d_FAKEDEP1",
        "emitter_id": "hi_FAKEEMIT1",
        "owner_id": "o_FAKEOWNER1",
        "platform_version": "3.0.0",
        "replay": False,
        "trace_id": secrets.token_hex(14),
    }


class Send:
    """``pd.send``: only ``email`` exists in Python steps."""

    def __init__(self) -> None:
        self.emails: list[Email] = []

    def email(self, *, subject: str, text: str | None = None, html: str | None = "") -> None:
        """Record an email to the owner. As on the platform, ``html=""`` (the default) hides
        ``text`` unless ``html=None`` is passed."""
        for name, value in (("subject", subject), ("text", text), ("html", html)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"pd.send.email({name}=...) takes a str, got {value!r}")
        self.emails.append(Email(subject, text, html))

    def __getattr__(self, name: str) -> Any:
        if name in _NODE_ONLY_SEND:
            raise AttributeError(
                f"pd.send.{name} does not exist in Python steps (a Node.js-only destination); "
                "make the HTTP request yourself or use pd.send.email"
            )
        raise AttributeError(f"pd.send has no attribute {name!r}")


class Pipedream:
    """The step context. ``inputs`` and ``steps`` are plain dicts; a test fills them freely."""

    def __init__(
        self,
        inputs: Mapping[str, Any] | None = None,
        steps: Mapping[str, Any] | None = None,
        event: Any = None,
        base_dir: Path | None = None,
    ) -> None:
        self.inputs: dict[str, Any] = copy.deepcopy(dict(inputs or {}))
        self.steps: dict[str, Any] = {"trigger": {"event": {}, "context": trigger_context()}}
        self.context: dict[str, Any] = {"run": {"runs": 1}}
        self.exports: dict[str, Any] = {}
        self.flow = Flow()
        self.send = Send()
        self._responses: list[dict[str, Any]] = []
        self._base_dir = base_dir or Path.cwd()
        # what the step runs inside; the pd fixture makes the file system read-only outside /tmp
        self._around_step: Callable[[], ContextManager[object]] = contextlib.nullcontext
        # set while run_workflow runs: what earlier steps of the same execution did
        self._workflow_responded = False
        self._workflow_paused = False
        if steps is not None:
            self._merge_steps(steps)
        if event is not None:
            self.steps["trigger"]["event"] = json_copy(event, "the trigger event")

    # --- the platform's API -------------------------------------------------------------------

    def export(self, name: str, value: Any) -> None:
        if not isinstance(name, str) or not name:
            raise TypeError(f"pd.export(name, value) needs a non-empty str name, got {name!r}")
        if name.startswith("$"):
            raise ValueError(
                f"pd.export({name!r}, ...): names starting with '$' are reserved for the "
                "platform's own step outputs ($return_value is what the handler returns); "
                "export under another name"
            )
        self.exports[name] = json_copy(value, f"export {name!r}")

    def respond(self, response: Mapping[str, Any]) -> None:
        """Record an HTTP response after checking it as the platform would."""
        if self.flow.paused or self._workflow_paused:
            raise RuntimeError("pd.respond() cannot be used after pd.flow.delay/suspend/rerun")
        if self._responses or self._workflow_responded:
            raise RuntimeError("pd.respond() was already called: a request gets one response")
        self._responses.append(copy.deepcopy(_checked_response(response)))

    def data_store(self, initial: Mapping[str, Any] | None = None) -> DataStore:
        """A fresh fake data store; put it in ``pd.inputs`` under the step's prop name."""
        return DataStore(initial)

    def __getattr__(self, name: str) -> Any:
        if name in _NODE_ONLY:
            raise AttributeError(
                f"pd.{name} does not exist in Python steps: {_NODE_ONLY[name]} is Node.js-only"
            )
        raise AttributeError(f"pd has no attribute {name!r} in Python steps")

    # --- running a step -------------------------------------------------------------------------

    def run(
        self,
        target: StepTarget,
        event: Any = None,
        steps: Mapping[str, Any] | None = None,
    ) -> StepResult:
        """Run a step file (a path, relative paths from the test file) or a ``handler(pd)``."""
        __tracebackhide__ = True
        if event is not None:
            self.steps["trigger"]["event"] = json_copy(event, "the trigger event")
        if steps is not None:
            self._merge_steps(steps)
        self.exports = {}
        self.flow = Flow()
        self.send = Send()
        self._responses = []
        shared, self.steps = self.steps, _own_copy(self.steps)  # what the step may change
        try:
            if callable(target):
                with self._around_step():
                    value = call_handler(target, self)
            else:
                path = Path(os.fspath(target))
                module = new_module(path if path.is_absolute() else self._base_dir / path)
                try:
                    with self._around_step():
                        execute(module)
                        value = call_handler(find_handler(module), self)
                finally:
                    forget(module)
        finally:
            self.steps = shared
        return StepResult(
            return_value=json_copy(value, "the step's return value"),
            exports=dict(self.exports),
            exited=self.flow.exited,
            exit_reason=self.flow.exit_reason,
            responses=list(self._responses),
            flow=list(self.flow.calls),
            emails=list(self.send.emails),
        )

    def run_workflow(self, steps: Iterable[StepSpec], event: Any = None) -> WorkflowResult:
        """Run steps in order with this context, as one workflow execution.

        ``steps`` holds step files, step directories (``<name>/entry.py``) and ``(name, handler)``
        pairs (relative paths from the test file). After each step, later ones read its return
        value as ``pd.steps[name]["$return_value"]`` and its exports as ``pd.steps[name][export]``.
        ``pd.flow.exit`` stops the run once the step that called it returns; delay, suspend and
        rerun are recorded and the run goes on. Exceptions propagate, noted with the step's name.
        """
        __tracebackhide__ = True
        workflow = resolve(steps, self._base_dir)
        if event is not None:
            self.steps["trigger"]["event"] = json_copy(event, "the trigger event")
        for step in workflow:  # a new execution: no outputs of a previous one
            self.steps.pop(step.name, None)
        results: dict[str, StepResult] = {}
        exited_at = None
        self._workflow_responded = self._workflow_paused = False
        try:
            for position, step in enumerate(workflow, start=1):
                try:
                    result = self.run(step.target)
                except Exception as exc:
                    add_note(exc, f"in workflow step {step.name!r} ({position} of {len(workflow)})")
                    raise
                results[step.name] = result
                self.steps[step.name] = result.as_step()
                self._workflow_responded |= bool(result.responses)
                self._workflow_paused |= any(call.name != "exit" for call in result.flow)
                if result.exited:
                    exited_at = step.name
                    break
        finally:
            self._workflow_responded = self._workflow_paused = False
        return WorkflowResult(
            steps=results,
            exited=exited_at is not None,
            exit_reason=results[exited_at].exit_reason if exited_at is not None else None,
            exited_at=exited_at,
            skipped=[step.name for step in workflow if step.name not in results],
        )

    def _merge_steps(self, steps: Mapping[str, Any]) -> None:
        for name, outputs in steps.items():
            if not isinstance(name, str) or not STEP_NAME.match(name):
                raise ValueError(f"step names have no spaces or dashes, got {name!r}")
            if not isinstance(outputs, Mapping):
                raise TypeError(f"steps[{name!r}] must be a dict of that step's outputs")
            outputs = json_copy(outputs, f"steps[{name!r}]")
            if name == "trigger":
                self.steps["trigger"].update(outputs)
            else:
                self.steps[name] = outputs


def _own_copy(steps: dict[str, Any]) -> dict[str, Any]:
    """``pd.steps`` as one step receives it: the JSON round trip of every entry."""
    return {name: json_copy(outputs, f"pd.steps[{name!r}]") for name, outputs in steps.items()}


def _checked_response(response: object) -> dict[str, Any]:
    if not isinstance(response, Mapping):
        raise TypeError(f"pd.respond() takes a dict with status and body, got {response!r}")
    missing = {"status", "body"} - response.keys()
    if missing:
        raise ValueError(
            f"pd.respond() needs {' and '.join(sorted(missing))}: got {dict(response)!r}"
        )
    unknown = response.keys() - _RESPONSE_KEYS
    if unknown:
        raise ValueError(f"pd.respond() takes only status, body and headers; got {sorted(unknown)}")
    status = response["status"]
    if isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599:
        raise ValueError(f"pd.respond() status must be an int HTTP status, got {status!r}")
    json_copy(response["body"], "pd.respond() body")
    headers = response.get("headers", {})
    if not isinstance(headers, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        raise TypeError(f"pd.respond() headers must map str to str, got {headers!r}")
    return dict(response)
