"""pdlint as a user runs it: exit statuses, formats, selection, fixes and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pdlint.cli import main

from ..installed import console_script

BAD_STEP = """import requests

def handler(pd):
    headers = {"X-API-Key": "abc123"}
    r = requests.get("https://api.example.com", headers=headers, timeout=10)
    return r.json()
"""
GOOD_STEP = """import requests

def handler(pd):
    key = pd.inputs["svc"]["$auth"]["api_key"]
    r = requests.get("https://api.example.com", headers={"X-API-Key": key}, timeout=10)
    r.raise_for_status()
    return r.json()
"""


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pdlint", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "bad.py").write_text(BAD_STEP)
    (tmp_path / "steps" / "good.py").write_text(GOOD_STEP)
    return tmp_path


def test_exit_0_when_clean(tree: Path) -> None:
    result = run("steps/good.py", cwd=tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All checks passed." in result.stdout


def test_text_format_and_exit_1(tree: Path) -> None:
    result = run("steps", cwd=tree)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    bad = os.path.join("steps", "bad.py")
    assert f"{bad}:4:29: PD104 " in lines[0]
    assert lines[1].startswith(f"{bad}:5:9: PD102 ")
    assert lines[-1] == "Found 2 findings. 1 fixable with --fix --unsafe-fixes."


def test_json_format(tree: Path) -> None:
    result = run("--format", "json", "steps", cwd=tree)
    data = json.loads(result.stdout)
    assert [(d["line"], d["column"], d["code"], d["name"]) for d in data] == [
        (4, 29, "PD104", "hardcoded-secret"),
        (5, 9, "PD102", "unchecked-response"),
    ]
    assert all(d["path"] == os.path.join("steps", "bad.py") and d["message"] for d in data)


def test_select_and_ignore_take_codes_and_prefixes(tree: Path) -> None:
    only = json.loads(run("--format", "json", "--select", "PD104", "steps", cwd=tree).stdout)
    assert {d["code"] for d in only} == {"PD104"}
    rest = json.loads(run("--format", "json", "--ignore", "PD104,PD102", "steps", cwd=tree).stdout)
    assert {d["code"] for d in rest} == set()
    prefix = json.loads(run("--format", "json", "--select", "PD10", "steps", cwd=tree).stdout)
    assert {d["code"] for d in prefix} == {"PD102", "PD104"}


def test_default_path_is_current_directory(tree: Path) -> None:
    result = run(cwd=tree / "steps")
    assert result.returncode == 1 and "bad.py:4:29: PD104" in result.stdout


@pytest.mark.parametrize(
    "args",
    [["--bogus"], ["--format", "xml"], ["--select", "XX1"], ["--select", "PD999"]],
)
def test_bad_flags_one_line_error_exit_2(args: list[str], tree: Path) -> None:
    result = run(*args, "steps", cwd=tree)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("pdlint: error: ")


def test_missing_path_is_an_error_and_other_paths_still_linted(tree: Path) -> None:
    result = run("nope.py", "steps", cwd=tree)
    assert result.returncode == 2
    assert result.stderr.strip() == "pdlint: error: nope.py: no such file or directory"
    assert "PD104" in result.stdout


def test_syntax_error_is_pd001_and_linting_continues(tree: Path) -> None:
    (tree / "steps" / "aaa_broken.py").write_text("def handler(pd:\n    pass\n")
    result = run("--format", "json", "steps", cwd=tree)
    data = json.loads(result.stdout)
    assert data[0]["code"] == "PD001" and data[0]["name"] == "syntax-error"
    assert data[0]["path"].endswith("aaa_broken.py") and data[0]["line"] in (1, 2)
    assert {d["code"] for d in data[1:]} == {"PD102", "PD104"}
    assert result.returncode == 1 and result.stderr == ""


@pytest.mark.parametrize(
    ("name", "content", "codes"),
    [
        ("empty.py", b"", []),
        ("bom.py", b"\xef\xbb\xbf" + BAD_STEP.encode(), ["PD102", "PD104"]),
        ("crlf.py", BAD_STEP.replace("\n", "\r\n").encode(), ["PD102", "PD104"]),
        ("tabs.py", BAD_STEP.replace("    ", "\t").encode(), ["PD102", "PD104"]),
        ("latin1.py", b"x = '\xe9t\xe9'\n", ["PD001"]),
        ("declared.py", b"# -*- coding: latin-1 -*-\nx = '\xe9t\xe9'\n", []),
        ("nul.py", b"x = 1\x00\n", ["PD001"]),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\xff", ["PD001"]),
    ],
)
def test_odd_files_give_findings_not_tracebacks(
    tmp_path: Path, name: str, content: bytes, codes: list[str]
) -> None:
    (tmp_path / name).write_bytes(content)
    result = run("--format", "json", name, cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert sorted(d["code"] for d in json.loads(result.stdout)) == codes
    assert result.returncode == (1 if codes else 0)


def test_bom_and_crlf_positions(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_bytes(b"\xef\xbb\xbf" + BAD_STEP.replace("\n", "\r\n").encode())
    data = json.loads(run("--format", "json", "a.py", cwd=tmp_path).stdout)
    assert [(d["line"], d["column"]) for d in data] == [(4, 29), (5, 9)]


def test_unreadable_file_in_directory_one_line_error(tree: Path) -> None:
    os.symlink(tree / "missing-target.py", tree / "steps" / "dangling.py")
    result = run("steps", cwd=tree)
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and "dangling.py" in errors[0] and "Traceback" not in result.stderr
    assert "PD104" in result.stdout


def test_permission_denied_is_one_line_error(tree: Path, monkeypatch, capsys) -> None:
    real_open = open

    def deny(path, *args, **kwargs):
        if str(path).endswith("bad.py"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    status = main([str(tree / "steps")])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.strip().endswith("bad.py: cannot read: Permission denied")
    assert len(captured.err.strip().splitlines()) == 1


def test_directory_walk_skips_vendored_and_build_dirs(tree: Path) -> None:
    for skipped in (".git", "node_modules", "__pycache__", "build", "dist", ".venv"):
        (tree / "steps" / skipped).mkdir()
        (tree / "steps" / skipped / "x.py").write_text(BAD_STEP)
    venv = tree / "steps" / "myenv"
    venv.mkdir()
    (venv / "pyvenv.cfg").write_text("home = /usr\n")
    (venv / "x.py").write_text(BAD_STEP)
    data = json.loads(run("--format", "json", "steps", cwd=tree).stdout)
    assert {d["path"] for d in data} == {os.path.join("steps", "bad.py")}


def test_markdown_files_are_walked(tree: Path) -> None:
    (tree / "steps" / "README.md").write_text("```python\ntoken = 'abcdef123'\n```\n")
    (tree / "steps" / "notes.txt").write_text("token = 'abcdef123'\n")
    data = json.loads(run("--format", "json", "steps", cwd=tree).stdout)
    assert os.path.join("steps", "README.md") in {d["path"] for d in data}
    assert os.path.join("steps", "notes.txt") not in {d["path"] for d in data}


def test_python_m_lint_and_console_script_agree(tree: Path) -> None:
    script = subprocess.run(
        [console_script("pdlint"), "steps"], capture_output=True, text=True, cwd=tree, check=False
    )
    assert script.stdout == run("steps", cwd=tree).stdout


def test_fix_writes_and_diff_does_not(tmp_path: Path) -> None:
    source = "import json, requests\nr = requests.post(u, data=json.dumps(d), timeout=5)\nr.raise_for_status()\n"
    step = tmp_path / "s.py"
    step.write_text(source)
    os.chmod(step, 0o640)
    diff = run("--diff", "s.py", cwd=tmp_path)
    assert diff.returncode == 1
    assert "-r = requests.post(u, data=json.dumps(d), timeout=5)" in diff.stdout
    assert "+r = requests.post(u, json=d, timeout=5)" in diff.stdout
    assert step.read_text() == source
    fixed = run("--fix", "s.py", cwd=tmp_path)
    assert step.read_text() == source.replace("data=json.dumps(d)", "json=d").replace("import json, requests", "import requests")
    assert "Fixed 1 finding." in fixed.stdout and fixed.returncode == 0
    assert oct(step.stat().st_mode & 0o777) == oct(0o640)
    assert run("--fix", "s.py", cwd=tmp_path).stdout.startswith("All checks passed.")


def test_fix_keeps_crlf_and_bom(tmp_path: Path) -> None:
    source = "import json, requests\r\nr = requests.post(u, data=json.dumps(d), timeout=5)\r\nr.raise_for_status()\r\n"
    step = tmp_path / "s.py"
    step.write_bytes(b"\xef\xbb\xbf" + source.encode())
    run("--fix", "s.py", cwd=tmp_path)
    assert step.read_bytes() == b"\xef\xbb\xbf" + source.replace("data=json.dumps(d)", "json=d").replace("import json, requests", "import requests").encode()


def test_unsafe_fixes_only_with_flag(tmp_path: Path) -> None:
    step = tmp_path / "s.py"
    source = "import requests\nr = requests.get(u, timeout=5)\nprint(r.text)\n"
    step.write_text(source)
    run("--fix", "--select", "PD102", "s.py", cwd=tmp_path)
    assert step.read_text() == source
    run("--fix", "--unsafe-fixes", "--select", "PD102", "s.py", cwd=tmp_path)
    assert step.read_text() == source.replace("timeout=5)\n", "timeout=5)\nr.raise_for_status()\n")


def test_rst_files_are_walked_linted_and_fixed(tmp_path: Path) -> None:
    doc = (
        "Guide\n=====\n\n.. code-block:: python\n   :linenos:\n\n"
        "   import json, requests\n"
        "   r = requests.post(u, data=json.dumps(d), timeout=5)\n"
        "   r.raise_for_status()\n"
    )
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "guide.rst"
    page.write_text(doc)
    data = json.loads(run("--no-cache", "--format", "json", "docs", cwd=tmp_path).stdout)
    assert [(d["path"], d["line"], d["column"], d["code"]) for d in data] == [
        (os.path.join("docs", "guide.rst"), 8, 25, "PD103")
    ]
    run("--no-cache", "--fix", "docs", cwd=tmp_path)
    assert page.read_text() == doc.replace("data=json.dumps(d)", "json=d").replace("import json, requests", "import requests")


def test_the_console_entry_flushes_everything_and_keeps_the_status(tmp_path: Path) -> None:
    """`pdlint` exits without interpreter teardown (`pdlint.cli.entry`): nothing may be lost."""
    import subprocess
    import sys

    for i in range(200):
        (tmp_path / f"step_{i}.py").write_text(f'import requests\nrequests.get("https://x.io/{i}")\n')
    script = "import sys; from pdlint.cli import entry; sys.argv[1:] = ['--no-cache', '.']; entry()"
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stdout.count("PD105") == 200 and run.stdout.rstrip().endswith(
        "Found 400 findings. 200 fixable with --fix --unsafe-fixes."
    )  # + PD102
    clean = subprocess.run(
        [sys.executable, "-c", script.replace("'.'", "'--select', 'PD101', '.'")],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert clean.returncode == 0, clean.stderr


MIXED_SAFETY = """\
import json
import requests


def handler(pd):
    requests.post("https://x.example", data=json.dumps({"a": 1}), timeout=5).raise_for_status()
    r = requests.get("https://x.example")
    r.raise_for_status()
"""


@pytest.mark.parametrize(
    ("flags", "last_line"),
    [
        ((), "Found 2 findings. 1 fixable with --fix (1 more with --fix --unsafe-fixes)."),
        (("--unsafe-fixes",), "Found 2 findings. 2 fixable with --fix."),
        (("--select", "PD105"), "Found 1 finding. 1 fixable with --fix --unsafe-fixes."),
    ],
)
def test_the_summary_counts_unsafe_fixes_apart(tmp_path: Path, flags: tuple, last_line: str) -> None:
    """As ruff's summary: what `--fix` would fix now (PD103's safe fix), and apart what only
    `--unsafe-fixes` enables (PD105's timeout)."""
    (tmp_path / "step.py").write_text(MIXED_SAFETY, encoding="utf-8")
    result = run("--no-cache", *flags, "step.py", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[-1] == last_line
