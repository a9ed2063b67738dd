"""The examples a user would copy: their suite must pass as it stands, warnings included."""

import shutil
import subprocess
import sys
from pathlib import Path

from pytest_pdhttp._http.cassette.files import load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
WORKFLOW_STEPS = ("fetch", "transform", "upload")
CASSETTE = EXAMPLES / "tests" / "cassettes" / "test_weekly_report" / "weekly_report.yaml"


def copy_examples(pytester):
    for part in ("steps", "workflow", "tests"):
        shutil.copytree(EXAMPLES / part, pytester.path / part)


def test_examples_suite_passes(pytester, run):
    copy_examples(pytester)
    result = run("tests", "-W", "error", "-p", "no:randomly")
    outcomes = result.parseoutcomes()
    assert result.ret == 0, result.stdout.str()
    assert outcomes.get("passed", 0) >= 9 and not {"failed", "errors", "skipped"} & set(outcomes)
    for step in sorted((EXAMPLES / "steps").glob("*.py")):
        assert (EXAMPLES / "tests" / f"test_{step.name}").is_file(), f"{step.name} has no tests"


def test_the_workflow_example_is_complete():
    for step in WORKFLOW_STEPS:
        assert (EXAMPLES / "workflow" / step / "entry.py").is_file(), step
    assert (EXAMPLES / "tests" / "test_weekly_report.py").is_file()
    interactions = load(CASSETTE)
    assert [(i.request.method, i.request.url.split("?")[0]) for i in interactions] == [
        ("GET", "https://api.github.com/repos/octo-org/hello/issues"),
        ("POST", "https://content.dropboxapi.com/2/files/upload"),
    ]
    assert all(i.request.headers["Authorization"] == "Bearer REDACTED" for i in interactions)


def test_recording_the_workflow_cassette_twice_gives_the_committed_one_byte_for_byte(pytester, run):
    """Issue 13, acceptance (c). `pytest --pd-record` on the example, twice, against a loopback
    stand-in of the two APIs (random tokens, a new upload each time): both recordings are the
    committed file byte for byte (no date, request id, user agent or token in it), and they replay."""
    copy_examples(pytester)
    shutil.rmtree(pytester.path / "tests" / "cassettes")
    shutil.copy(
        Path(__file__).with_name("standin_apis.py"), pytester.path / "tests" / "conftest.py"
    )
    recorded = pytester.path / "tests" / "cassettes" / "test_weekly_report" / "weekly_report.yaml"
    tokens = set()
    for _ in range(2):
        result = run("--pd-record", "tests/test_weekly_report.py", "-k", "built", "-W", "error")
        result.assert_outcomes(passed=1, deselected=2)
        assert recorded.read_bytes() == CASSETTE.read_bytes()
        received = (pytester.path / "received_auth.txt").read_text().split("\n")
        tokens |= {line.removeprefix("Bearer ") for line in received if line}
    assert len(tokens) == 4  # a GitHub and a Dropbox token, random in each run
    assert not any(token in recorded.read_text() for token in tokens)
    (pytester.path / "tests" / "conftest.py").unlink()  # no stand-in: only the cassette answers
    run("tests/test_weekly_report.py", "-W", "error").assert_outcomes(passed=3)


def test_the_examples_are_clean_under_pdlint():
    result = subprocess.run(
        [sys.executable, "-m", "pdlint", "--no-cache", "examples/steps", "examples/workflow",
         "examples/tests"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
