"""The linter installs as the import package `pdlint`: a user's own `lint.py` or `lint/` package in
the working directory, or on `sys.path`, changes nothing for `pdlint`, `python -m pdlint` or
`pytest --pdlint` (and nothing installs a top-level `lint`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..installed import console_script

STEP = 'import requests\n\ndef handler(pd):\n    r = requests.get("https://api.example.com")\n    return r.json()\n'
# Importing the user's module would be loud: it fails every command that imports it.
USERS_LINT = 'raise SystemExit("the user\'s own lint module was imported")\n'


def _project(root: Path, shape: str) -> Path:
    root.mkdir()
    (root / "step.py").write_text(STEP)
    if shape == "module":
        (root / "lint.py").write_text(USERS_LINT)
    else:
        (root / "lint").mkdir()
        (root / "lint" / "__init__.py").write_text(USERS_LINT)
        (root / "lint" / "batch.py").write_text(USERS_LINT)
        (root / "lint" / "__main__.py").write_text(USERS_LINT)
    return root


def _run(argv: list[str], cwd: Path, pythonpath: str | None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_nothing_installs_a_top_level_lint(tmp_path: Path) -> None:
    probe = "import importlib.util as u; print(u.find_spec('lint'), u.find_spec('pdlint').name)"
    result = _run([sys.executable, "-c", probe], tmp_path, None)  # away from the checkout's lint/
    assert result.stdout.split() == ["None", "pdlint"], result.stderr


@pytest.mark.parametrize("shape", ["module", "package"])
@pytest.mark.parametrize("on_path", [False, True], ids=["in-cwd", "in-cwd-and-on-PYTHONPATH"])
def test_a_users_lint_module_changes_nothing(tmp_path: Path, shape: str, on_path: bool) -> None:
    clean = _project(tmp_path / "clean", "none")
    project = _project(tmp_path / "project", shape)
    pythonpath = str(project) if on_path else None

    expected = _run([console_script("pdlint"), "--no-cache", "step.py"], clean, None)
    assert expected.returncode == 1 and "step.py:4:9: PD105" in expected.stdout
    for argv in ([console_script("pdlint"), "--no-cache", "step.py"],
                 [sys.executable, "-m", "pdlint", "--no-cache", "step.py"]):
        result = _run(argv, project, pythonpath)
        assert "lint module was imported" not in result.stderr, argv
        assert (result.returncode, result.stdout, result.stderr) == (
            expected.returncode, expected.stdout, expected.stderr
        ), argv

    tested = _run(
        [sys.executable, "-m", "pytest", "--pdlint", "-m", "pdlint", "-p", "no:randomly",
         "-p", "no:cacheprovider", "-q", "step.py"],
        project, pythonpath,
    )
    assert "INTERNALERROR" not in tested.stdout + tested.stderr
    assert "lint module was imported" not in tested.stdout + tested.stderr
    assert "1 failed" in tested.stdout and "step.py:4:9: PD105" in tested.stdout, tested.stdout
