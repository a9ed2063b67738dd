"""Hostile input: every odd file gives a finding or a one-line error, the run goes on, nothing is
modified without --fix, and --fix writes atomically keeping permissions and line endings."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pdlint import files as lint_files

from .clirun import pdlint

SECRET = 'headers = {"X-API-Key": "abc123"}\n'


def run(cwd: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pdlint", "--no-cache", *args],
        cwd=cwd, capture_output=True, text=True, check=False, timeout=timeout,
    )


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in root.rglob("*") if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    root.mkdir()
    (root / "binary.py").write_bytes(bytes(range(256)) * 4)
    (root / "nul.py").write_bytes(b"x = 1\n\x00\n")
    (root / "latin1_undeclared.py").write_bytes(b"name = 'caf\xe9'\n")
    (root / "latin1_declared.py").write_bytes(b"# -*- coding: latin-1 -*-\ntoken = 'caf\xe9123'\n")
    (root / "bad_cookie.py").write_bytes(b"# -*- coding: klingon -*-\nx = 1\n")
    (root / "bom.py").write_bytes(b"\xef\xbb\xbf" + SECRET.encode())
    (root / "crlf.py").write_bytes(SECRET.replace("\n", "\r\n").encode())
    (root / "lone_cr.py").write_bytes(b"x = 1\r" + SECRET.replace("\n", "\r").encode())
    (root / "huge_line.py").write_text("x = '" + "a" * 5_000_000 + "'\n")
    (root / "deep_parens.py").write_text("x = " + "(" * 10_000 + "1" + ")" * 10_000 + "\n")
    (root / "deep_unary.py").write_text("x = " + "~" * 10_000 + "1\n")
    (root / "deep_blocks.py").write_text("".join("    " * i + "if x:\n" for i in range(300)) + "    " * 300 + "pass\n")
    (root / "dir with spaces").mkdir()
    (root / "dir with spaces" / "stép ünïcode.py").write_text(SECRET)
    (root / "unclosed.md").write_text("# Doc\n\n```python\nx = 1\n" + SECRET)
    (root / "empty.md").write_text("")
    (root / "loop_a.py").symlink_to(root / "loop_b.py")
    (root / "loop_b.py").symlink_to(root / "loop_a.py")
    (root / "dirloop").mkdir()
    (root / "dirloop" / "self").symlink_to(root / "dirloop")
    os.mkfifo(root / "fifo.py")
    return root


def test_hostile_tree_finishes_with_findings_and_one_line_errors(hostile: Path) -> None:
    before = snapshot(hostile)
    result = run(hostile, "--format", "json", ".")
    assert "Traceback" not in result.stderr
    assert result.returncode == 2  # unreadable entries are errors; everything else was linted
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3, errors  # two symlinks that loop, one FIFO
    assert all(e.startswith("pdlint: error: ") for e in errors)
    assert {e.split(": ")[2] for e in errors} == {"fifo.py", "loop_a.py", "loop_b.py"}
    found = {(d["path"], d["code"]) for d in json.loads(result.stdout)}
    expected = {
        ("binary.py", "PD001"),
        ("nul.py", "PD001"),
        ("latin1_undeclared.py", "PD001"),
        ("latin1_declared.py", "PD104"),
        ("bad_cookie.py", "PD001"),
        ("bom.py", "PD104"),
        ("crlf.py", "PD104"),
        ("lone_cr.py", "PD104"),
        ("huge_line.py", "PD003"),
        ("deep_parens.py", "PD001"),
        ("deep_unary.py", "PD001"),
        ("deep_blocks.py", "PD001"),
        (os.path.join("dir with spaces", "stép ünïcode.py"), "PD104"),
        ("unclosed.md", "PD104"),
    }
    assert found == expected
    assert snapshot(hostile) == before, "a file was modified without --fix"


def test_each_error_is_one_line_and_other_files_still_linted(hostile: Path) -> None:
    result = run(hostile, "--format", "json", "fifo.py", "loop_a.py", "crlf.py")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 2
    assert [d["path"] for d in json.loads(result.stdout)] == ["crlf.py"]


def test_unreadable_directory_is_one_line_error(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok.py").write_text(SECRET)
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(lint_files.os, "scandir", scandir)
    outcome = pdlint(capsys, tmp_path, "--no-cache", "--format", "json", "--jobs", "1")
    assert outcome.status == 2
    assert outcome.err.strip() == "pdlint: error: locked: cannot list directory: Permission denied"
    assert [d["path"] for d in outcome.json()] == ["ok.py"]


def test_fix_is_atomic_and_keeps_mode_and_line_endings(tmp_path: Path, monkeypatch) -> None:
    source = "import json, requests\r\nr = requests.post(u, data=json.dumps(d), timeout=5)\r\nr.raise_for_status()\r\n"
    step = tmp_path / "s.py"
    step.write_bytes(source.encode())
    os.chmod(step, 0o751)
    inode = step.stat().st_ino
    run(tmp_path, "--fix", "s.py")
    assert step.read_bytes() == source.replace("data=json.dumps(d)", "json=d").replace("import json, requests", "import requests").encode()
    assert step.stat().st_mode & 0o777 == 0o751
    assert step.stat().st_ino != inode, "expected a rename over the file, not an in-place write"
    assert [p.name for p in tmp_path.iterdir()] == ["s.py"], "temporary file left behind"


def test_fix_of_markdown_keeps_crlf(tmp_path: Path) -> None:
    doc = "Intro\r\n\r\n  ```python\r\n  import json, requests\r\n  r = requests.post(u, data=json.dumps(d), timeout=5)\r\n  r.raise_for_status()\r\n  ```\r\n"
    page = tmp_path / "d.md"
    page.write_bytes(doc.encode())
    run(tmp_path, "--fix", "d.md")
    assert page.read_bytes() == doc.replace("data=json.dumps(d)", "json=d").replace("import json, requests", "import requests").encode()


def test_failed_write_leaves_the_file_intact(tmp_path: Path, monkeypatch) -> None:
    from pdlint import runner

    source = "import json, requests\nr = requests.post(u, data=json.dumps(d), timeout=5)\nr.raise_for_status()\n"
    step = tmp_path / "s.py"
    step.write_text(source)

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(runner.os, "replace", failing_replace)
    from pdlint.rules import all_rules

    result = runner.lint_file(str(step), list(all_rules().values()), fix="safe")
    assert result.error is not None and "No space left on device" in result.error
    assert step.read_text() == source
    assert [p.name for p in tmp_path.iterdir()] == ["s.py"]


def test_long_valid_chain_is_linted_not_reported_as_syntax_error() -> None:
    from pdlint.engine import lint_text
    from pdlint.rules import all_rules

    source = "import requests\nx = " + "+".join(["'a'"] * 900) + "\nrequests.get(u)\n"
    found = [(f.code, f.line) for f in lint_text(source, "a.py", list(all_rules().values()))]
    assert ("PD105", 3) in found and all(code != "PD001" for code, _ in found)
