"""[tool.pdlint] configuration: every key, discovery upward, CLI overrides, errors."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .clirun import pdlint

STEP = """import requests

def handler(pd):
    r = requests.get("https://api.example.com", headers={"X-API-Key": "abc123"})
    return r.json()
"""
# PD102 at 4, PD104 at 4, PD105 at 4
MARKDOWN = "```python\n" + STEP + "```\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "a.py").write_text(STEP)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text(MARKDOWN)
    return tmp_path


def configure(project: Path, body: str, name: str = "pyproject.toml") -> None:
    header = "[tool.pdlint]\n" if name == "pyproject.toml" else ""
    (project / name).write_text(header + body)


def codes(outcome) -> set[str]:
    return {d["code"] for d in outcome.json()}


def test_no_config_reports_everything(project, capsys) -> None:
    assert codes(pdlint(capsys, project, "--no-cache", "--format", "json")) == {"PD102", "PD104", "PD105"}


def test_select(project, capsys) -> None:
    configure(project, 'select = ["PD104"]\n')
    assert codes(pdlint(capsys, project, "--no-cache", "--format", "json")) == {"PD104"}


def test_ignore_and_extend_select(project, capsys) -> None:
    configure(project, 'select = ["PD104"]\nextend-select = ["PD105"]\n')
    assert codes(pdlint(capsys, project, "--no-cache", "--format", "json")) == {"PD104", "PD105"}
    configure(project, 'ignore = ["PD10"]\n')
    assert codes(pdlint(capsys, project, "--no-cache", "--format", "json")) == set()


def test_per_file_ignores(project, capsys) -> None:
    configure(project, '[tool.pdlint.per-file-ignores]\n"docs/*.md" = ["PD104"]\n"a.py" = ["PD105"]\n')
    found = pdlint(capsys, project, "--no-cache", "--format", "json").codes()
    assert ("docs/guide.md", 5, "PD104") not in found
    assert ("steps/a.py", 4, "PD104") in found
    assert ("steps/a.py", 4, "PD105") not in found and ("docs/guide.md", 5, "PD105") in found


def test_exclude_and_extend_exclude(project, capsys) -> None:
    configure(project, 'extend-exclude = ["docs"]\n')
    paths = {d["path"] for d in pdlint(capsys, project, "--no-cache", "--format", "json").json()}
    assert paths == {"steps/a.py"}
    configure(project, 'exclude = ["steps/*.py"]\n')
    paths = {d["path"] for d in pdlint(capsys, project, "--no-cache", "--format", "json").json()}
    assert paths == {"docs/guide.md"}


def test_markdown_false(project, capsys) -> None:
    configure(project, "markdown = false\n")
    paths = {d["path"] for d in pdlint(capsys, project, "--no-cache", "--format", "json").json()}
    assert paths == {"steps/a.py"}


def test_timeout_default_drives_the_pd105_fix(project, capsys) -> None:
    configure(project, "timeout-default = 12\n")
    pdlint(capsys, project, "--no-cache", "--fix", "--unsafe-fixes", "--select", "PD105", "steps")
    assert "timeout=12" in (project / "steps" / "a.py").read_text()


def test_secrets_allowlist(project, capsys) -> None:
    configure(project, 'secrets-allowlist = ["^abc\\\\d+$"]\n')
    assert "PD104" not in codes(pdlint(capsys, project, "--no-cache", "--format", "json"))


def test_pdlint_toml_and_nearest_config_wins(project, capsys) -> None:
    configure(project, 'select = ["PD104"]\n')
    (project / "steps" / "pdlint.toml").write_text('select = ["PD105"]\n')
    found = pdlint(capsys, project, "--no-cache", "--format", "json").codes()
    assert {c for p, _, c in found if p == "steps/a.py"} == {"PD105"}
    assert {c for p, _, c in found if p == "docs/guide.md"} == {"PD104"}


def test_pyproject_without_table_is_skipped_upward(project, capsys) -> None:
    configure(project, 'select = ["PD104"]\n')
    (project / "steps" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert codes(pdlint(capsys, project, "--no-cache", "--format", "json", "steps")) == {"PD104"}


def test_cli_overrides_config(project, capsys) -> None:
    configure(project, 'select = ["PD104"]\n')
    assert codes(pdlint(capsys, project, "--no-cache", "--format", "json", "--select", "PD105")) == {"PD105"}


def test_config_flag_and_isolated(project, capsys, tmp_path_factory) -> None:
    configure(project, 'select = ["PD104"]\n')
    other = tmp_path_factory.mktemp("cfg") / "strict.toml"
    other.write_text('select = ["PD102"]\n')
    assert codes(pdlint(capsys, project, "--no-cache", "--format", "json", "--config", str(other))) == {"PD102"}
    assert codes(pdlint(capsys, project, "--no-cache", "--format", "json", "--isolated")) == {
        "PD102", "PD104", "PD105"
    }


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ('selct = ["PD104"]\n', ["unknown key 'selct'", "allowed: select"]),
        ('select = "PD104"\n', ["select", "expected a list of rule codes"]),
        ('select = ["PD999"]\n', ["select", "PD999"]),
        ("markdown = 1\n", ["markdown", "true or false"]),
        ("timeout-default = -3\n", ["timeout-default", "positive"]),
        ('secrets-allowlist = ["("]\n', ["secrets-allowlist", "bad pattern"]),
        ("select = [\n", ["not valid TOML"]),
    ],
)
def test_config_errors_name_file_key_and_allowed(project, capsys, body, names) -> None:
    configure(project, body)
    outcome = pdlint(capsys, project, "--no-cache")
    assert outcome.status == 2 and outcome.out == ""
    message = outcome.err.strip()
    assert len(message.splitlines()) == 1 and "pyproject.toml" in message
    for name in names:
        assert name in message


def paths(outcome) -> set[str]:
    return {d["path"] for d in outcome.json()}


def test_per_file_ignores_negated_pattern_applies_to_the_other_files(project, capsys) -> None:
    configure(project, '[tool.pdlint.per-file-ignores]\n"!steps/*.py" = ["PD104"]\n')
    found = pdlint(capsys, project, "--no-cache", "--format", "json").codes()
    assert ("steps/a.py", 4, "PD104") in found
    assert ("docs/guide.md", 5, "PD104") not in found and ("docs/guide.md", 5, "PD105") in found


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(project, capsys) -> None:
    (project / "build").mkdir()
    (project / "build" / "gen.py").write_text(STEP)
    assert "build/gen.py" not in paths(pdlint(capsys, project, "--no-cache", "--format", "json"))
    configure(project, "exclude = []\n")  # as in ruff: setting exclude drops the defaults
    assert "build/gen.py" in paths(pdlint(capsys, project, "--no-cache", "--format", "json"))
    configure(project, 'extend-exclude = ["*.md", "steps/"]\n')
    assert paths(pdlint(capsys, project, "--no-cache", "--format", "json")) == set()


def test_a_named_file_is_linted_unless_force_exclude(project, capsys) -> None:
    configure(project, 'extend-exclude = ["steps"]\n')
    assert paths(pdlint(capsys, project, "--no-cache", "--format", "json")) == {"docs/guide.md"}
    named = ("--no-cache", "--format", "json", "steps/a.py")
    assert paths(pdlint(capsys, project, *named)) == {"steps/a.py"}
    assert paths(pdlint(capsys, project, "--force-exclude", *named)) == set()
    configure(project, 'extend-exclude = ["steps"]\nforce-exclude = true\n')
    assert paths(pdlint(capsys, project, *named)) == set()
    assert paths(pdlint(capsys, project, "--no-force-exclude", *named)) == {"steps/a.py"}
    # a directory named on the command line is walked; what is below it is judged by name
    configure(project, "")
    (project / "build").mkdir()
    (project / "build" / "gen.py").write_text(STEP)
    assert paths(pdlint(capsys, project, "--no-cache", "--format", "json", "build")) == {"build/gen.py"}


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(*args: str, cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@needs_git
def test_files_git_ignores_are_not_linted(project, capsys) -> None:
    git("init", "-q", cwd=project)
    (project / ".gitignore").write_text("generated/\n*_local.py\n!keep_local.py\n")
    (project / "generated").mkdir()
    (project / "generated" / "client.py").write_text(STEP)
    (project / "steps" / "try_local.py").write_text(STEP)
    (project / "steps" / "keep_local.py").write_text(STEP)
    (project / "steps" / "sub").mkdir()
    (project / "steps" / "sub" / ".gitignore").write_text("secret.py\n")
    (project / "steps" / "sub" / "secret.py").write_text(STEP)
    (project / "steps" / "sub" / "ok.py").write_text(STEP)
    found = paths(pdlint(capsys, project, "--no-cache", "--format", "json"))
    assert found == {"docs/guide.md", "steps/a.py", "steps/keep_local.py", "steps/sub/ok.py"}
    # the same from a subdirectory of the work tree
    found = paths(pdlint(capsys, project / "steps", "--no-cache", "--format", "json"))
    assert found == {"a.py", "keep_local.py", "sub/ok.py"}
    # named on the command line, an ignored file is linted (as in ruff)
    assert paths(pdlint(capsys, project, "--no-cache", "--format", "json", "steps/try_local.py")) == {
        "steps/try_local.py"
    }
    everything = {"docs/guide.md", "steps/a.py", "steps/keep_local.py", "steps/sub/ok.py",
                  "generated/client.py", "steps/try_local.py", "steps/sub/secret.py"}
    assert paths(pdlint(capsys, project, "--no-cache", "--format", "json", "--no-respect-gitignore")) == everything
    configure(project, "respect-gitignore = false\n")
    assert paths(pdlint(capsys, project, "--no-cache", "--format", "json")) == everything
    assert "generated/client.py" not in paths(
        pdlint(capsys, project, "--no-cache", "--format", "json", "--respect-gitignore")
    )


@needs_git
def test_a_tracked_file_is_linted_even_when_a_pattern_matches_it(project, capsys) -> None:
    git("init", "-q", cwd=project)
    git("add", "steps/a.py", cwd=project)
    (project / ".gitignore").write_text("steps/\n")
    (project / "steps" / "new.py").write_text(STEP)
    assert paths(pdlint(capsys, project, "--no-cache", "--format", "json")) == {"docs/guide.md", "steps/a.py"}


@pytest.mark.parametrize("key", ["force-exclude", "respect-gitignore"])
def test_boolean_keys_are_checked(project, capsys, key) -> None:
    configure(project, f'{key} = "yes"\n')
    outcome = pdlint(capsys, project, "--no-cache")
    assert outcome.status == 2 and f"{key}: got 'yes' (expected true or false)" in outcome.err
