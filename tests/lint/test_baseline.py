"""Baseline adoption: record today's findings, report only new ones, survive code motion."""

from __future__ import annotations

import json

from .clirun import pdlint

OLD = """import requests

def handler(pd):
    headers = {"X-API-Key": "abc123"}
    r = requests.get("https://api.example.com", headers=headers, timeout=5)
    return r.json()
"""


def test_write_then_only_new_findings(tmp_path, capsys) -> None:
    step = tmp_path / "step.py"
    step.write_text(OLD)
    written = pdlint(capsys, tmp_path, "--no-cache", "--write-baseline", ".pdlint-baseline.json")
    assert written.status == 0
    data = json.loads((tmp_path / ".pdlint-baseline.json").read_text())
    assert {e["code"] for e in data["findings"]} == {"PD102", "PD104"}
    assert all(e["path"] == "step.py" for e in data["findings"])

    clean = pdlint(capsys, tmp_path, "--no-cache", "--baseline", ".pdlint-baseline.json")
    assert clean.status == 0 and "All checks passed." in clean.out

    moved = "# a comment\n\n\n" + OLD.replace("def handler(pd):\n", "def handler(pd):\n    pd.export('x', 1)\n")
    moved += '\ndef other(pd):\n    token = "xyz98765"\n'
    step.write_text(moved)
    outcome = pdlint(capsys, tmp_path, "--no-cache", "--format", "json", "--baseline", ".pdlint-baseline.json")
    assert [(d["code"], d["line"]) for d in outcome.json()] == [("PD104", 13)]
    assert outcome.status == 1


def test_duplicate_statement_counts(tmp_path, capsys) -> None:
    step = tmp_path / "step.py"
    step.write_text('token = "abc12345"\n')
    pdlint(capsys, tmp_path, "--no-cache", "--write-baseline", "b.json")
    step.write_text('token = "abc12345"\ntoken = "abc12345"\n')
    outcome = pdlint(capsys, tmp_path, "--no-cache", "--format", "json", "--baseline", "b.json")
    assert len(outcome.json()) == 1


def test_bad_baseline_file_is_one_line_error(tmp_path, capsys) -> None:
    (tmp_path / "step.py").write_text(OLD)
    (tmp_path / "b.json").write_text("{not json")
    outcome = pdlint(capsys, tmp_path, "--no-cache", "--baseline", "b.json")
    assert outcome.status == 2 and len(outcome.err.strip().splitlines()) == 1
    missing = pdlint(capsys, tmp_path, "--no-cache", "--baseline", "missing.json")
    assert missing.status == 2 and "missing.json" in missing.err
