"""`pdlint --fix` on a copy of examples/ and of the seed document leaves only findings without a
safe fix, changes nothing on a second run, and the example steps' own tests still pass;
`--fix --unsafe-fixes` on examples/ and docs/ fixes exactly what it called fixable, keeps every
comment, and is stable."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEED
from .test_fix_corpus import comments

ROOT = Path(__file__).resolve().parents[2]


def pdlint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pdlint", "--no-cache", *args],
                          cwd=cwd, capture_output=True, text=True, check=False)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_fix_examples_and_seed(tmp_path: Path, seed_markdown: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples", work / "examples")
    shutil.copy(seed_markdown, work / "seed.md")
    before = json.loads(pdlint(work, "--format", "json", ".").stdout)
    assert any(f["fixable"] == "safe" for f in before), "the examples should show fixable findings"

    fixed = pdlint(work, "--fix", ".")
    assert fixed.returncode in (0, 1) and "Fixed" in fixed.stdout
    after = json.loads(pdlint(work, "--format", "json", ".").stdout)
    assert [f for f in after if f["fixable"] == "safe"] == []
    assert all(f["code"] != "PD001" for f in after)
    assert len(after) < len(before)

    state = snapshot(work)
    pdlint(work, "--fix", ".")
    assert snapshot(work) == state, "a second --fix changed files again"

    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:hypothesispytest",
         "examples/tests"],
        cwd=work, capture_output=True, text=True, check=False,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]


@pytest.mark.parametrize("unsafe", [False, True])
def test_fixed_examples_parse_and_unsafe_fixes_apply(tmp_path: Path, unsafe: bool) -> None:
    work = tmp_path / "examples"
    shutil.copytree(ROOT / "examples" / "lint", work)
    args = ["--fix", "--unsafe-fixes", "."] if unsafe else ["--fix", "."]
    pdlint(work, *args)
    remaining = json.loads(pdlint(work, "--format", "json", ".").stdout)
    assert all(f["code"] != "PD001" for f in remaining)
    if unsafe:
        assert [f for f in remaining if f["fixable"]] == []


def _comments_by_file(root: Path) -> dict[str, object]:
    return {name: comments(data.decode("utf-8"), name) for name, data in snapshot(root).items()
            if name.endswith((".py", ".md", ".rst"))}


def test_unsafe_fixes_on_examples_and_docs_keep_every_comment_and_are_stable(tmp_path: Path) -> None:
    """The whole of examples/ and docs/ (and the seed guide when it is beside the checkout), as a
    user would run it: every finding called fixable is fixed (the count in "Fixed N" is the
    fixable count), no code stops parsing, no finding appears, every comment token of every file
    (in Python files and in the code blocks of Markdown and reST) is still there, and a second
    run changes nothing."""
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples", work / "examples")
    shutil.copytree(ROOT / "docs", work / "docs")
    if SEED.is_file():
        shutil.copy(SEED, work / "seed.md")
    before = json.loads(pdlint(work, "--format", "json", ".").stdout)
    fixable = [f for f in before if f["fixable"]]
    assert len(fixable) >= 20, "the corpus should hold unsafe and safe fixes"
    comments_before = _comments_by_file(work)

    run = pdlint(work, "--fix", "--unsafe-fixes", ".")
    assert run.returncode in (0, 1), run.stderr
    assert re.search(rf"^Fixed {len(fixable)} findings?\.", run.stdout, re.M), run.stdout[-500:]
    after = json.loads(pdlint(work, "--format", "json", ".").stdout)
    assert [f for f in after if f["fixable"]] == []
    assert len(after) == len(before) - len(fixable)
    assert sum(f["code"] == "PD001" for f in after) == sum(f["code"] == "PD001" for f in before)
    assert _comments_by_file(work) == comments_before
    for name in snapshot(work):
        if name.endswith(".py"):
            compile((work / name).read_text(encoding="utf-8"), name, "exec")

    state = snapshot(work)
    again = pdlint(work, "--fix", "--unsafe-fixes", ".")
    assert "Fixed" not in again.stdout
    assert snapshot(work) == state, "a second --fix --unsafe-fixes changed files again"


def test_the_semicolon_case_from_the_cli(tmp_path: Path) -> None:
    """One run inserts one check, before the first use; the next run changes nothing."""
    step = tmp_path / "step.py"
    step.write_text(
        "import requests\n\n\ndef handler(pd):\n"
        "    r = requests.get(pd.inputs['url'], timeout=5); data = r.json()\n"
        "    return data\n"
    )
    run = pdlint(tmp_path, "--fix", "--unsafe-fixes", "step.py")
    assert run.stdout.splitlines()[-1] == "Fixed 1 finding. No findings remain."
    fixed = step.read_text()
    assert fixed == (
        "import requests\n\n\ndef handler(pd):\n"
        "    r = requests.get(pd.inputs['url'], timeout=5); r.raise_for_status(); data = r.json()\n"
        "    return data\n"
    )
    again = pdlint(tmp_path, "--fix", "--unsafe-fixes", "step.py")
    assert "Fixed" not in again.stdout and step.read_text() == fixed
