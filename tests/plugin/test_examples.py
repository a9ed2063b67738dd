"""The examples a user would copy: their suite must pass as it stands, warnings included."""

import shutil
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_examples_suite_passes(pytester, run):
    for part in ("steps", "tests"):
        shutil.copytree(EXAMPLES / part, pytester.path / part)
    result = run("tests", "-W", "error", "-p", "no:randomly")
    outcomes = result.parseoutcomes()
    assert result.ret == 0, result.stdout.str()
    assert outcomes.get("passed", 0) >= 6 and not {"failed", "errors", "skipped"} & set(outcomes)
    for step in sorted((EXAMPLES / "steps").glob("*.py")):
        assert (EXAMPLES / "tests" / f"test_{step.name}").is_file(), f"{step.name} has no tests"
