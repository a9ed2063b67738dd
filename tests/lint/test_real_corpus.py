"""pdlint over every .py file of this environment's site-packages: no internal error, and every
file that Python cannot compile is a PD001 finding."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import sysconfig
import time
import warnings
from collections import Counter
from pathlib import Path

import pytest

from pdlint.config import Options
from pdlint.files import FileError, discover


def cpython_rejects(path: str) -> bool:
    try:
        source = Path(path).read_bytes()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, path, "exec", ast.PyCF_ONLY_AST)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True
    return False


@pytest.mark.slow
def test_site_packages(tmp_path: Path) -> None:
    root = sysconfig.get_paths()["purelib"]
    # a virtualenv inside a checkout is git-ignored: walk it as `--no-respect-gitignore` does
    unfiltered = Options(respect_gitignore=False)
    files = [
        f for f in discover([root], lambda path: unfiltered)
        if not isinstance(f, FileError) and f.endswith(".py")
    ]
    assert len(files) > 1000, "expected a real corpus"
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pdlint", "--isolated", "--no-respect-gitignore", "--no-cache",
         "--jobs", "2", "--format", "json",
         "--output-file", str(tmp_path / "report.json"), root],
        capture_output=True, text=True, check=False,
    )
    elapsed = time.monotonic() - started
    assert "internal error" not in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1, 2)
    findings = json.loads((tmp_path / "report.json").read_text())
    with_pd001 = {f["path"] for f in findings if f["code"] == "PD001"}
    rejected = {path for path in files if cpython_rejects(path)}
    assert rejected <= with_pd001, sorted(rejected - with_pd001)[:20]
    counts = Counter(f["code"] for f in findings)
    print(f"\nreal corpus: {len(files)} .py files under {root} in {elapsed:.1f}s with --jobs 2; "
          f"PD001 on {len(with_pd001)} (CPython rejects {len(rejected)}); findings {dict(sorted(counts.items()))}")
