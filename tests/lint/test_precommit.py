"""The pre-commit hooks in .pre-commit-hooks.yaml, run by pre-commit itself, offline.

pre-commit installs a `language: python` hook by pip-installing the repository from the package
index, which a test may not do. These tests hand pre-commit the manifest's hook definitions as they
stand (entry, file types, require_serial, minimum version) as a local hook of a scratch git
repository, with only `language` changed so that `entry` is the `pdlint` already installed beside
this interpreter: pre-commit's own file selection, partitioning into processes and result
handling decide what pdlint sees and what the user reads. The install from the index as users
get it (`pre-commit try-repo`) is run by `.ci/run`, where the index is allowed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import re
import textwrap
from pathlib import Path

import pytest

from ..installed import console_script

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


STUB = "import requests\nr = requests.get('https://api.example.com/items')\n"
SNIPPET = "# Page\n\n```python\nimport requests\nrequests.get('https://api.example.com/items').raise_for_status()\n```\n"
FIXABLE = (
    "import json\nimport requests\n\n\ndef handler(pd):\n"
    "    requests.post('https://api.example.com/items', data=json.dumps({'a': 1}), timeout=5).raise_for_status()\n"
)
SUMMARY = re.compile(r"^Found \d+ findings?\.", flags=re.M)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch git repository with files of every type the hooks take, and one they do not."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("needs git")
    root = tmp_path / "project"
    root.mkdir()
    _git("init", "--quiet", cwd=root)
    files = {
        "bad_step.py": BAD_STEP, "clean_step.py": CLEAN_STEP, "typed.pyi": STUB,
        "page.mdx": SNIPPET, "guide.md": SNIPPET, "notes.rst": ".. code-block:: python\n\n"
        "    import requests\n    requests.get('https://api.example.com/items').raise_for_status()\n",
        "snippet.txt": BAD_STEP,  # not a type the hooks take
    }
    for i in range(6):  # enough files that pre-commit would split them over several processes
        files[f"more/step_{i}.py"] = BAD_STEP.replace("items", f"items/{i}")
    for name, text in files.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text)
    return root


def _as_local_hooks(root: Path) -> None:
    """.pre-commit-config.yaml with the manifest's hooks as they are, run from this interpreter's
    environment (`language: python` would pip-install them from the index)."""
    import yaml
    from pre_commit import all_languages

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    language = "unsupported" if "unsupported" in all_languages.languages else "system"  # pre-commit < 4.4
    for hook in hooks:
        assert hook["language"] == "python"
        hook["language"] = language
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git("add", "--all", cwd=root)


def pre_commit_run(root: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = _git_env()
    env["PRE_COMMIT_HOME"] = str(root.parent / "pre-commit-home")  # never the user's cache
    # the console script beside this interpreter first: the hooks' entry is `pdlint ...`
    env["PATH"] = os.pathsep.join([str(Path(console_script("pdlint")).parent), env.get("PATH", "")])
    for name in ("NO_COLOR", "PRE_COMMIT_NO_CONCURRENCY", "PRE_COMMIT_COLOR", "SKIP"):
        env.pop(name, None)
    selection = ["--files", *files] if files else ["--all-files"]
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook, "--color", "never", "--verbose", *selection],
        cwd=root, env=env, capture_output=True, text=True, timeout=600,
    )


def _explain(result: subprocess.CompletedProcess) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_the_pdlint_hook_lints_every_file_type_in_one_process(project: Path) -> None:
    _as_local_hooks(project)
    result = pre_commit_run(project, "pdlint")
    assert result.returncode == 1, _explain(result)
    assert "Failed" in result.stdout
    for expected in ("bad_step.py:5:9: PD105", "typed.pyi:2:5: PD105", "page.mdx:5:1: PD105",
                     "guide.md:5:1: PD105", "notes.rst:4:5: PD105", "more/step_5.py:5:9: PD105"):
        assert expected in result.stdout, f"{expected}\n{_explain(result)}"
    assert "snippet.txt" not in result.stdout and "clean_step.py" not in result.stdout
    # require_serial: one pdlint process for all 12 files, so one summary (pre-commit would
    # otherwise start one process per core, each printing its own)
    assert len(SUMMARY.findall(result.stdout)) == 1, _explain(result)
    assert (project / "bad_step.py").read_text() == BAD_STEP  # the hook only reads


def test_the_pdlint_hook_passes_clean_files(project: Path) -> None:
    _as_local_hooks(project)
    result = pre_commit_run(project, "pdlint", "clean_step.py", "snippet.txt")
    assert result.returncode == 0, _explain(result)
    assert "Passed" in result.stdout and "PD1" not in result.stdout


def test_the_fix_hook_fixes_then_reports_what_remains(project: Path) -> None:
    (project / "fixable.py").write_text(FIXABLE)
    _as_local_hooks(project)
    result = pre_commit_run(project, "pdlint-fix", "fixable.py", "bad_step.py")
    assert result.returncode == 1, _explain(result)
    assert "files were modified by this hook" in result.stdout, _explain(result)
    assert "json={'a': 1}" in (project / "fixable.py").read_text()
    assert "bad_step.py:5:9: PD105" in result.stdout  # no safe fix: still reported
    again = pre_commit_run(project, "pdlint-fix", "fixable.py")
    assert again.returncode == 0, _explain(again)


def test_force_exclude_keeps_configured_exclusions_for_named_files(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.pdlint]\nextend-exclude = ["more/"]\n')
    _as_local_hooks(project)
    result = pre_commit_run(project, "pdlint", "more/step_0.py", "bad_step.py")
    assert result.returncode == 1, _explain(result)
    assert "bad_step.py:5:9: PD105" in result.stdout and "more/" not in result.stdout
