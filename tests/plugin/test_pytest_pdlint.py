"""`pytest --pdlint`: a test item per file pdlint lints, failing with its findings; the lint cache
shared with the CLI; [tool.pdlint] honoured; the same under xdist."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

import pytest_pdhttp._pdlint  # noqa: F401
from pdlint.rules import all_rules

# In-process pytester runs drop the modules first imported during a run; import the linter (and
# every rule) here, so each run sees the same module objects instead of a half-fresh mix.
all_rules()

BAD_STEP = """
import requests


def handler(pd):
    response = requests.get("https://api.example.com/items")
    return response.json()
"""
CLEAN_STEP = """
import requests


def handler(pd):
    response = requests.get("https://api.example.com/items", timeout=10)
    response.raise_for_status()
    return response.json()
"""
BAD_DOC = """
# Guide

```python
import requests
requests.post("https://api.example.com/hook", json={"a": 1})
```
"""
A_TEST = "def test_runs():\n    pass\n"


@pytest.fixture
def project(pytester):
    def make(pyproject: str = "") -> None:
        pytester.makepyfile(bad=BAD_STEP, clean=CLEAN_STEP, test_something=A_TEST)
        (pytester.path / "guide.md").write_text(BAD_DOC)
        if pyproject:
            (pytester.path / "pyproject.toml").write_text(textwrap.dedent(pyproject))

    return make


def test_each_file_is_an_item_that_fails_with_the_findings(project, run):
    project()
    result = run("--pdlint", "-p", "no:randomly", "-rA")
    result.assert_outcomes(passed=3, failed=2)  # clean, test_something (twice: lint and test)
    result.stdout.fnmatch_lines(
        [
            "*_ pdlint bad.py _*",
            "bad.py:5:16: PD102 *",
            "bad.py:5:16: PD105 request without `timeout=`*",
            "Found 2 findings. 2 fixable with --fix --unsafe-fixes.",
        ]
    )
    result.stdout.fnmatch_lines(
        ["*_ pdlint guide.md _*", "guide.md:6:1: PD102 *", "guide.md:6:1: PD105 *"]
    )
    result.stdout.fnmatch_lines(
        [
            "PASSED clean.py::PDLINT",
            "PASSED test_something.py::PDLINT",
            "PASSED test_something.py::test_runs",
        ],
        consecutive=False,
    )
    assert (
        "Traceback" not in result.stdout.str() and "raise PdlintFailure" not in result.stdout.str()
    )


def test_without_the_option_nothing_is_linted(project, run):
    project()
    result = run()
    result.assert_outcomes(passed=1)


def test_the_items_carry_the_pdlint_marker(project, run):
    project()
    only_lint = run("--pdlint", "-m", "pdlint")
    only_lint.assert_outcomes(passed=2, failed=2, deselected=1)
    no_lint = run("--pdlint", "-m", "not pdlint")
    no_lint.assert_outcomes(passed=1, deselected=4)


def test_tool_pdlint_configuration_is_honoured(project, run, pytester):
    project(
        """
        [tool.pdlint]
        ignore = ["PD102"]
        extend-exclude = ["guide.md"]
        per-file-ignores = { "test_*.py" = ["PD105"] }
        """
    )
    result = run("--pdlint", "-p", "no:randomly")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["bad.py:5:16: PD105 *", "Found 1 finding. 1 fixable with --fix --unsafe-fixes."])
    result.stdout.no_fnmatch_line("*PD102*")
    result.stdout.no_fnmatch_line("*guide.md*")


def test_markdown_can_be_turned_off(project, run):
    project("[tool.pdlint]\nmarkdown = false\n")
    run("--pdlint").assert_outcomes(passed=3, failed=1)


def test_a_configuration_error_fails_the_items_with_its_message(project, run):
    project('[tool.pdlint]\nselect = ["NOPE999"]\n')
    result = run("--pdlint", "-m", "pdlint")
    result.assert_outcomes(failed=4)
    result.stdout.fnmatch_lines(
        ["*_ pdlint bad.py _*", "pdlint: error: *pyproject.toml: *select*NOPE999*"]
    )


def test_skipped_directories_are_not_linted(project, run, pytester):
    project()
    (pytester.path / "build").mkdir()
    (pytester.path / "build" / "generated.py").write_text(BAD_STEP)
    result = run("--pdlint", "-m", "pdlint", "build", "bad.py")
    result.assert_outcomes(failed=1)


def test_results_are_cached_by_content_in_the_lint_cache(project, run, pytester):
    project()
    run("--pdlint").assert_outcomes(passed=3, failed=2)
    cache_file = next((pytester.path / ".pdlint_cache").glob("findings-*.json"))
    cached = json.loads(cache_file.read_text())
    entries = cached["results"]
    assert len(entries) == 4  # bad, clean, test_something, guide: one entry per content
    # Plant a finding in every entry: a second run must report it without linting again.
    row = list(next(findings for findings in entries.values() if findings)[0])
    line, column, code = row[0], row[1], row[2]  # whichever file was linted first
    row[4] = "planted in the cache"  # the message
    cache_file.write_text(json.dumps({**cached, "results": {key: [row] for key in entries}}))
    result = run("--pdlint", "-m", "pdlint")
    result.assert_outcomes(failed=4)
    for name in ("bad.py", "clean.py", "guide.md", "test_something.py"):
        result.stdout.fnmatch_lines([f"{name}:{line}:{column}: {code} planted in the cache"])
    # A changed file has a new key: linted afresh.
    (pytester.path / "clean.py").write_text(CLEAN_STEP + "\n# changed\n")
    result = run("--pdlint", "-m", "pdlint")
    result.assert_outcomes(passed=1, failed=3)


def test_the_cli_and_pytest_share_the_cache(project, run, pytester):
    project()
    # Files modified within the cache's racy window are not remembered by stat; made older, each
    # run records them the same way, however long the machine takes between the two runs.
    past = time.time() - 120
    for path in pytester.path.iterdir():
        if path.is_file():
            os.utime(path, (past, past))
    run("--pdlint").assert_outcomes(passed=3, failed=2)
    cache_file = next((pytester.path / ".pdlint_cache").glob("findings-*.json"))
    before = json.loads(cache_file.read_text())
    cli = subprocess.run(
        [sys.executable, "-m", "pdlint", "."], cwd=pytester.path, capture_output=True, text=True
    )
    assert cli.returncode == 1, cli.stderr
    assert (
        json.loads(cache_file.read_text()) == before
    )  # nothing new to cache: every file was a hit
    assert "bad.py:5:16: PD105" in cli.stdout


def test_under_xdist(project, run, pytester):
    pytest.importorskip("xdist")
    project()
    result = run("--pdlint", "-p", "xdist", "-n", "2", subprocess=True)
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines(["*bad.py:5:16: PD105 *"])
    # each worker saved what it linted, merged with the other's: every file is cached once
    cache_file = next((pytester.path / ".pdlint_cache").glob("findings-*.json"))
    assert len(json.loads(cache_file.read_text())["results"]) == 4
