"""The pre-commit hooks in .pre-commit-hooks.yaml, installed the way users get them.

`pre-commit try-repo` clones a local copy of this repository at its committed HEAD, builds the
hook's virtualenv (pip-installing pdlint and its dependencies from the package index) and runs
the hook on a scratch git repository. Slow, so marked `slow`; skipped without `pre-commit` or
`git`, or outside a git checkout.

try-repo keeps its hook environments in a store of its own, in a temporary directory removed when
it exits, so each of the two runs builds a virtualenv (about a minute each, mostly the index);
PRE_COMMIT_HOME is still pointed at a per-session directory so that nothing touches the user's
own pre-commit cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

BAD_STEP = textwrap.dedent('''\
    import requests


    def handler(pd):
        r = requests.get("https://api.example.com/items")
        r.raise_for_status()
        return r.json()
''')

CLEAN_STEP = textwrap.dedent('''\
    import requests


    def handler(pd):
        r = requests.get("https://api.example.com/items", timeout=30)
        r.raise_for_status()
        return r.json()
''')

needs_git_checkout = pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(),
    reason="needs git and a git checkout of this repository",
)


def test_hook_manifest_is_valid() -> None:
    clientlib = pytest.importorskip("pre_commit.clientlib")
    hooks = {hook["id"]: hook for hook in clientlib.load_manifest(str(REPO / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"pdlint", "pdlint-fix"}
    # pre-commit names every file: --force-exclude keeps [tool.pdlint] exclusions in force
    assert hooks["pdlint"]["entry"] == "pdlint --force-exclude"
    assert hooks["pdlint-fix"]["entry"] == "pdlint --force-exclude --fix"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types_or"] == ["python", "pyi", "markdown", "mdx", "rst"]
        assert hook["require_serial"] is True  # one pdlint process; it parallelises itself
        assert hook["minimum_pre_commit_version"] == "2.9.0"  # types_or
    identify = pytest.importorskip("identify.identify")
    for name in ("step.py", "stub.pyi", "guide.md", "page.mdx", "notes.rst"):
        assert identify.tags_from_filename(name) & set(hooks["pdlint"]["types_or"]), name
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'pdlint = "pdlint.cli:entry"' in pyproject  # the console script the entries call


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=_git_env()
    ).stdout


def _git_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="pdlint tests", GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="pdlint tests", GIT_COMMITTER_EMAIL="tests@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """A clone of this repository at HEAD, so uncommitted work in the tree stays out of it."""
    pytest.importorskip("pre_commit")
    clone = tmp_path_factory.mktemp("hook-repo") / "pytest-pdhttp"
    _git("clone", "--quiet", "--no-hardlinks", str(REPO), str(clone), cwd=REPO)
    if not (clone / ".pre-commit-hooks.yaml").is_file():
        pytest.fail(".pre-commit-hooks.yaml is not committed at HEAD")
    return clone


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch git repository with a step that has a finding and one that has none."""
    root = tmp_path / "project"
    root.mkdir()
    _git("init", "--quiet", cwd=root)
    (root / "bad_step.py").write_text(BAD_STEP)
    (root / "clean_step.py").write_text(CLEAN_STEP)
    _git("add", "bad_step.py", "clean_step.py", cwd=root)
    return root


def try_repo(hook_repo: Path, hook: str, files: list[str], cwd: Path, home: Path):
    env = _git_env()
    env["PRE_COMMIT_HOME"] = str(home)
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook,
         "--color", "never", "--verbose", "--files", *files],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
    )


def _explain(result: subprocess.CompletedProcess) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


@pytest.mark.slow
@needs_git_checkout
@pytest.mark.pd_http(allow_network=True)  # pre-commit pip-installs the hook from the package index
def test_pdlint_hook_fails_on_a_bad_step_and_passes_on_a_clean_one(
    hook_repo: Path, project: Path, pre_commit_home: Path
) -> None:
    bad = try_repo(hook_repo, "pdlint", ["bad_step.py"], project, pre_commit_home)
    assert bad.returncode == 1, _explain(bad)
    assert "bad_step.py:5:9: PD105" in bad.stdout, _explain(bad)
    assert "Failed" in bad.stdout

    clean = try_repo(hook_repo, "pdlint", ["clean_step.py"], project, pre_commit_home)
    assert clean.returncode == 0, _explain(clean)
    assert "Passed" in clean.stdout
    assert "PD105" not in clean.stdout
    # The hook only reads: nothing was changed.
    assert (project / "bad_step.py").read_text() == BAD_STEP
