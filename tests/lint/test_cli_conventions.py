"""What CI scripts and shells expect of a command-line tool (ruff as the yardstick): machine
formats stay parseable, a closed pipe is no crash, errors and "nothing to do" say only that,
`-q`, help for every option, and `--diff` output that `git apply` takes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pdlint.cli import build_parser

BAD = 'import requests\n\ndef handler(pd):\n    r = requests.get("https://api.example.com")\n    return r.json()\n'
FIXABLE = "import json, requests\nr = requests.post(u, data=json.dumps(d), timeout=5)\nr.raise_for_status()\n"


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pdlint", "--no-cache", *args], input=stdin,
        capture_output=True, text=True, cwd=cwd, check=False,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "a.py").write_text(BAD)
    (tmp_path / "steps" / "b.py").write_text(BAD)
    return tmp_path


def _parse(name: str, text: str) -> object:
    if name in ("json", "sarif", "gitlab"):
        return json.loads(text)
    if name == "json-lines":
        return [json.loads(line) for line in text.splitlines()]
    if name == "junit":
        return ET.fromstring(text)
    assert name == "github"
    assert all(line.startswith("::error ") for line in text.splitlines()), text
    return text


STATISTICS = ["2  PD102      unchecked-response", "2  PD105      missing-timeout"]


@pytest.mark.parametrize("name", ["json", "json-lines", "sarif", "gitlab", "junit", "github"])
def test_statistics_never_corrupt_a_machine_format(project: Path, name: str) -> None:
    result = run("--format", name, "--statistics", ".", cwd=project)
    assert result.returncode == 1, result.stderr
    _parse(name, result.stdout)
    assert result.stderr.splitlines() == STATISTICS  # beside the document, not in it


def test_statistics_follow_a_text_report(project: Path) -> None:
    result = run("--statistics", ".", cwd=project)
    lines = result.stdout.splitlines()
    assert lines[-3:] == [*STATISTICS, "Found 4 findings. 4 fixable with --fix --unsafe-fixes."]
    assert result.stderr == ""


def test_json_with_statistics_parses_as_json(project: Path) -> None:
    """The issue's acceptance line, as written: `pdlint --format json --statistics .`."""
    result = run("--format", "json", "--statistics", ".", cwd=project)
    assert len(json.loads(result.stdout)) == 4


def test_a_closed_stdout_ends_quietly_with_the_usual_status(project: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "pdlint", "--no-cache", "."], cwd=project,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader is gone before pdlint writes
    status = process.wait(timeout=120)
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert stderr == ""
    assert status == 1


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="needs bash and head")
def test_piped_into_head(project: Path) -> None:
    for i in range(400):  # more output than a pipe holds, so pdlint is still writing when head exits
        (project / "steps" / f"c{i:03}.py").write_text(BAD)
    command = f"set -o pipefail; {sys.executable} -m pdlint --no-cache . | head -1"
    result = subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True)
    assert result.stdout.count("\n") == 1 and "PD10" in result.stdout
    assert result.stderr == ""
    assert result.returncode == 1  # pdlint's own status: findings


def test_a_missing_path_prints_only_its_error(tmp_path: Path) -> None:
    result = run("nope.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "pdlint: error: nope.py: no such file or directory\n"


def test_linting_nothing_warns(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing to lint\n")
    result = run(".", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == "pdlint: warning: no files to lint under the given paths\n"
    assert run("-q", ".", cwd=tmp_path).stderr == ""


def test_quiet_prints_the_findings_only(project: Path) -> None:
    loud = run(".", cwd=project)
    quiet = run("-q", ".", cwd=project)
    assert quiet.returncode == loud.returncode == 1
    assert loud.stdout.splitlines()[-1] == "Found 4 findings. 4 fixable with --fix --unsafe-fixes."
    assert quiet.stdout == "".join(loud.stdout.splitlines(keepends=True)[:-1])
    assert run("--quiet", "--diff", ".", cwd=project).stderr == ""  # no "Would fix" line
    clean = project / "clean.py"
    clean.write_text("x = 1\n")
    assert run("-q", "clean.py", cwd=project).stdout == ""


@pytest.mark.parametrize("argv", [[], ["rules"], ["explain"], ["server"]])
def test_every_option_has_help(argv: list[str]) -> None:
    if not argv:
        parser = build_parser()
    else:
        from pdlint import cli

        captured = {}

        class Spy(cli._Parser):
            def parse_args(self, args=None, namespace=None):
                captured["parser"] = self
                raise SystemExit

        original = cli._Parser
        cli._Parser = Spy
        try:
            with pytest.raises(SystemExit):
                cli.main([*argv, "--help"])
        finally:
            cli._Parser = original
        parser = captured["parser"]
    for action in parser._actions:
        assert action.help, f"{parser.prog}: {action.option_strings or action.dest} has no help"


# --- --diff and git apply -------------------------------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env)


def _diff(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """pdlint --diff, its output as bytes (CRLF lines must reach git apply unchanged)."""
    return subprocess.run(
        [sys.executable, "-m", "pdlint", "--no-cache", "--diff", *args], input=stdin,
        capture_output=True, cwd=cwd, check=False,
    )


@needs_git
def test_diff_output_is_taken_by_git_apply_as_is(tmp_path: Path) -> None:
    (tmp_path / "steps" / "deep").mkdir(parents=True)
    files = {
        "top.py": FIXABLE,
        "steps/deep/no_newline.py": FIXABLE.rstrip("\n"),  # the last line changes, no newline
        "steps/crlf.py": FIXABLE.replace("\n", "\r\n"),
    }
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode())
    assert _git("init", "-q", cwd=tmp_path).returncode == 0
    diff = _diff(".", cwd=tmp_path)
    assert diff.returncode == 1, diff.stderr
    assert b"--- a/steps/deep/no_newline.py\n+++ b/steps/deep/no_newline.py\n" in diff.stdout
    assert b"\\ No newline at end of file\n" in diff.stdout
    check = _git("apply", "--check", "-", cwd=tmp_path, stdin=diff.stdout)
    assert check.returncode == 0, check.stderr
    assert _git("apply", "-", cwd=tmp_path, stdin=diff.stdout).returncode == 0
    applied = {name: (tmp_path / name).read_bytes() for name in files}
    for name, text in files.items():  # the same as --fix writes
        (tmp_path / name).write_bytes(text.encode())
    run("--fix", ".", cwd=tmp_path)
    assert applied == {name: (tmp_path / name).read_bytes() for name in files}
    assert b"json=d" in applied["top.py"] and not applied["steps/deep/no_newline.py"].endswith(b"\n")


@needs_git
def test_diff_of_stdin_is_a_patch_of_the_named_file(tmp_path: Path) -> None:
    (tmp_path / "step.py").write_text(FIXABLE)
    assert _git("init", "-q", cwd=tmp_path).returncode == 0
    diff = _diff("--stdin-filename", "step.py", "-", cwd=tmp_path, stdin=FIXABLE.encode())
    assert diff.returncode == 1
    assert diff.stdout.startswith(b"--- a/step.py\n+++ b/step.py\n")
    assert _git("apply", "--check", "-", cwd=tmp_path, stdin=diff.stdout).returncode == 0
    nothing = _diff("--stdin-filename", "step.py", "-", cwd=tmp_path, stdin=b"x = 1\n")
    assert nothing.returncode == 0 and nothing.stdout == b""
