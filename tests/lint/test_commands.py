"""`pdlint rules`, `pdlint explain`, stdin, --exit-zero, --output-file, --statistics."""

from __future__ import annotations

import json
import subprocess
import sys

from pdlint.codes import RULE_CODES
from pdlint.rules import all_rules

from .clirun import pdlint

SECRET = 'headers = {"X-API-Key": "abc123"}\n'


def test_codes_table_matches_the_registry() -> None:
    assert {code: rule.name for code, rule in all_rules().items()} == RULE_CODES


def test_rules_lists_every_rule(tmp_path, capsys) -> None:
    outcome = pdlint(capsys, tmp_path, "rules", "--format", "json")
    rows = json.loads(outcome.out)
    assert [r["code"] for r in rows] == sorted(RULE_CODES)
    assert {r["code"]: r["fix"] for r in rows}["PD103"] == "safe"
    text = pdlint(capsys, tmp_path, "rules").out.splitlines()
    assert len(text) == len(RULE_CODES) and text[0].startswith("PD101  unclosed-file")


def test_explain_prints_the_rule_page(tmp_path, capsys) -> None:
    outcome = pdlint(capsys, tmp_path, "explain", "pd103")
    assert outcome.status == 0 and outcome.out.startswith("# PD103")
    assert "## Fix safety" in outcome.out
    bad = pdlint(capsys, tmp_path, "explain", "PD999")
    assert bad.status == 2 and "unknown rule code" in bad.err


def run_stdin(source: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pdlint", *args], input=source, capture_output=True, text=True, check=False
    )


def test_stdin_with_filename() -> None:
    result = run_stdin(SECRET, "--format", "json", "--stdin-filename", "steps/a.py", "-")
    assert result.returncode == 1
    assert [(d["path"], d["line"], d["code"]) for d in json.loads(result.stdout)] == [("steps/a.py", 1, "PD104")]


def test_stdin_markdown_detection_by_name() -> None:
    doc = "Text\n\n```python\n" + SECRET + "```\n"
    result = run_stdin(doc, "--format", "json", "--stdin-filename", "guide.md")
    assert [(d["line"], d["code"]) for d in json.loads(result.stdout)] == [(4, "PD104")]


def test_stdin_fix_writes_fixed_text_to_stdout() -> None:
    source = "import json, requests\nr = requests.post(u, data=json.dumps(d), timeout=5)\nr.raise_for_status()\n"
    result = run_stdin(source, "--fix", "-")
    assert result.stdout == source.replace("data=json.dumps(d)", "json=d").replace("import json, requests", "import requests")
    assert result.returncode == 0


def test_exit_zero_output_file_and_statistics(tmp_path, capsys) -> None:
    (tmp_path / "a.py").write_text(SECRET + SECRET.replace("headers", "h2"))
    outcome = pdlint(capsys, tmp_path, "--no-cache", "--exit-zero", "--statistics", "--output-file", "report.txt")
    assert outcome.status == 0 and outcome.out == ""
    report = (tmp_path / "report.txt").read_text()
    assert "a.py:1:25: PD104" in report and "2  PD104      hardcoded-secret" in report


def test_no_color_when_piped(tmp_path) -> None:
    (tmp_path / "a.py").write_text(SECRET)
    result = subprocess.run([sys.executable, "-m", "pdlint", "--no-cache", "a.py"], cwd=tmp_path,
                            capture_output=True, text=True, check=False)
    assert "\x1b[" not in result.stdout


class _Terminal:
    """A stderr that says it is a terminal and keeps what is written."""

    def __init__(self, tty: bool) -> None:
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_only_on_a_terminal_with_many_files(tmp_path, monkeypatch) -> None:
    from pdlint.cli import main

    for i in range(320):
        (tmp_path / f"s{i:03}.py").write_text("x = 1\n")
    monkeypatch.chdir(tmp_path)
    for tty in (True, False):
        terminal = _Terminal(tty)
        monkeypatch.setattr("sys.stderr", terminal)
        assert main(["--no-cache", "--jobs", "1", "."]) == 0
        assert ("pdlint: 320/320 files" in terminal.text) is tty
