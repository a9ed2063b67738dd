"""``pd.run_workflow``: what a list of steps becomes (names and targets), checked before running."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from .._tmp.redirect import exempt

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

ENTRY_FILE = "entry.py"
"""A step directory's code, as in workflows synced to git: ``<step_name>/entry.py``."""

STEP_NAME = re.compile(r"^[^\s-]+$")
"""A step name as the platform allows it: no spaces, no dashes."""

StepSpec = Union[
    str, "os.PathLike[str]", tuple[str, Union[Callable[[Any], Any], str, "os.PathLike[str]"]]
]


@dataclass(frozen=True)
class WorkflowStep:
    name: str
    target: Callable[[Any], Any] | Path


def resolve(steps: Iterable[StepSpec], base_dir: Path) -> list[WorkflowStep]:
    """Name and locate every step; refuse bad names, duplicates and missing files up front."""
    if isinstance(steps, (str, bytes, os.PathLike)) or not isinstance(steps, Iterable):
        raise TypeError(
            "pd.run_workflow(steps) takes a list of step files, step directories or "
            f"(name, handler) pairs, got {steps!r}"
        )
    resolved: list[WorkflowStep] = []
    for spec in steps:
        step = _one(spec, base_dir)
        if step.name == "trigger":
            raise ValueError("a workflow step cannot be named 'trigger' (the trigger's own name)")
        if not STEP_NAME.match(step.name):
            raise ValueError(f"step names have no spaces or dashes, got {step.name!r}")
        if any(step.name == earlier.name for earlier in resolved):
            raise ValueError(f"two workflow steps are named {step.name!r}; step names are unique")
        resolved.append(step)
    if not resolved:
        raise ValueError("pd.run_workflow(steps) needs at least one step")
    return resolved


def _one(spec: Any, base_dir: Path) -> WorkflowStep:
    if isinstance(spec, tuple):
        if len(spec) != 2 or not isinstance(spec[0], str):
            raise TypeError(f"a workflow step pair is (name, handler or path), got {spec!r}")
        name, target = spec
        if callable(target):
            return WorkflowStep(name, target)
        return WorkflowStep(name, _code_file(_path(target, base_dir)))
    if callable(spec):
        raise TypeError(
            f'give a handler a step name: ("name", {getattr(spec, "__name__", spec)}) '
            '(later steps read its outputs as pd.steps["name"])'
        )
    path = _path(spec, base_dir)
    return WorkflowStep(path.stem if path.is_file() else path.name, _code_file(path))


def _path(spec: Any, base_dir: Path) -> Path:
    try:
        path = Path(os.fspath(spec))
    except TypeError:
        raise TypeError(
            "a workflow step is a step file, a step directory or a (name, handler) pair, "
            f"got {spec!r}"
        ) from None
    path = path if path.is_absolute() else base_dir / path
    exempt(path)  # the plugin's to read, even under /tmp
    return path


def _code_file(path: Path) -> Path:
    if path.is_dir():
        entry = path / ENTRY_FILE
        if not entry.is_file():
            raise FileNotFoundError(f"step directory {path} has no {ENTRY_FILE}")
        return entry
    if not path.is_file():
        raise FileNotFoundError(f"step file or directory not found: {path}")
    return path
