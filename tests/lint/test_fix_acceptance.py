"""`pdlint --fix` on a copy of examples/ and of the seed document leaves only findings without a
safe fix, changes nothing on a second run, and the example steps' own tests still pass."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
