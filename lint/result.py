"""What linting one file produced."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .finding import Finding

FixMode = Literal["safe", "unsafe"]


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    fixed: int = 0
    diff: str = ""
    # fixes that could not be built or applied (a pdlint bug): reported as errors
    problems: list[str] = field(default_factory=list)
