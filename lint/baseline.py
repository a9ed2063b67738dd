"""Adopt pdlint on an existing tree: record today's findings, report only new ones later.

A finding is identified by its path, code and the whitespace-folded text of its statement, so
moving code up or down a file does not bring a recorded finding back.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from .finding import Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    pass


def _key(finding: Finding, root: str) -> tuple[str, str, str]:
    try:
        path = Path(os.path.abspath(finding.path)).relative_to(root).as_posix()
    except ValueError:
        path = Path(os.path.abspath(finding.path)).as_posix()
    return path, finding.code, finding.fingerprint or f"line:{finding.line}"


def write(path: str, findings: list[Finding]) -> None:
    root = os.path.dirname(os.path.abspath(path))
    counts = Counter(_key(f, root) for f in findings)
    entries = [
        {"path": p, "code": code, "fingerprint": fingerprint, "count": count}
        for (p, code, fingerprint), count in sorted(counts.items())
    ]
    try:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"version": FORMAT_VERSION, "findings": entries}, handle, indent=1)
            handle.write("\n")
    except OSError as error:
        raise BaselineError(f"{path}: cannot write baseline: {error.strerror or error}") from None


def load(path: str) -> Counter[tuple[str, str, str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        entries = data["findings"]
        return Counter(
            {(e["path"], e["code"], e["fingerprint"]): int(e["count"]) for e in entries}
        )
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror or error}") from None
    except (ValueError, KeyError, TypeError) as error:
        raise BaselineError(f"{path}: not a pdlint baseline file ({error})") from None


def new_findings(findings: list[Finding], baseline_path: str) -> list[Finding]:
    """The findings not recorded in the baseline (each recorded one absorbs one finding)."""
    remaining = load(baseline_path)
    root = os.path.dirname(os.path.abspath(baseline_path))
    fresh = []
    for finding in findings:
        key = _key(finding, root)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            fresh.append(finding)
    return fresh
