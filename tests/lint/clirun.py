"""Run pdlint's CLI in-process, as a user would from a directory."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from pdlint.cli import main


@dataclass
class Outcome:
    status: int
    out: str
    err: str

    def json(self) -> list[dict]:
        return json.loads(self.out)

    def codes(self) -> list[tuple[str, int, str]]:
        return [(d["path"], d["line"], d["code"]) for d in self.json()]


def pdlint(capsys: pytest.CaptureFixture[str], cwd: Path, *args: str) -> Outcome:
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        status = main(list(args))
    finally:
        os.chdir(previous)
    captured = capsys.readouterr()
    return Outcome(status, captured.out, captured.err)
