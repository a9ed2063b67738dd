"""pd.run_workflow: steps in order with one context, outputs passed on, flow.exit stops the run."""

from __future__ import annotations

import re
import textwrap

import pytest

from pytest_pdhttp import Pipedream, StepResult, WorkflowResult


def write_step(path, source: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source))
    return path


def test_each_step_sees_the_return_values_and_exports_of_the_ones_before(tmp_path):
    write_step(
        tmp_path / "fetch" / "entry.py",
        """
        def handler(pd):
            pd.export("source", "crm")
            return [{"id": 1, "name": "Ada"}, {"id": 2, "name": "Alan"}]
        """,
    )
    write_step(
        tmp_path / "transform.py",
        """
        def handler(pd):
            rows = pd.steps["fetch"]["$return_value"]
            assert pd.steps["fetch"]["source"] == "crm"
            pd.export("count", len(rows))
            return [row["name"].upper() for row in rows]
        """,
    )

    def upload(pd):
        assert pd.steps["trigger"]["event"] == {"day": "mon"}
        return {
            "uploaded": pd.steps["transform"]["$return_value"],
            "n": pd.steps["transform"]["count"],
        }

    pd = Pipedream(base_dir=tmp_path)
    result = pd.run_workflow(["fetch", "transform.py", ("upload", upload)], event={"day": "mon"})

    assert isinstance(result, WorkflowResult)
    assert list(result.steps) == ["fetch", "transform", "upload"]
    assert all(isinstance(step, StepResult) for step in result.steps.values())
    assert result.steps["fetch"].exports == {"source": "crm"}
    assert result.steps["upload"].return_value == {"uploaded": ["ADA", "ALAN"], "n": 2}
    assert result.return_value == result.steps["upload"].return_value
    assert (result.exited, result.exit_reason, result.exited_at, result.skipped) == (
        False, None, None, [],
    )  # fmt: skip
    assert pd.steps["transform"] == {"$return_value": ["ADA", "ALAN"], "count": 2}


def test_return_flow_exit_stops_the_run():
    ran = []

    def guard(pd):
        ran.append("guard")
        return pd.flow.exit("nothing to do")

    def never(pd):
        ran.append("never")

    result = Pipedream().run_workflow([("guard", guard), ("never", never)])

    assert ran == ["guard"]
    assert list(result.steps) == ["guard"]
    assert (result.exited, result.exit_reason, result.exited_at) == (True, "nothing to do", "guard")
    assert result.skipped == ["never"]


def test_flow_exit_without_return_finishes_its_step_then_stops():
    def guard(pd):
        pd.flow.exit("done early")
        pd.export("after_exit", True)
        return "still returned"

    result = Pipedream().run_workflow([("guard", guard), ("next", lambda pd: 1)])

    assert result.steps["guard"].return_value == "still returned"
    assert result.steps["guard"].exports == {"after_exit": True}
    assert result.exit_reason == "done early" and result.skipped == ["next"]


def test_exit_without_a_reason_still_stops():
    result = Pipedream().run_workflow([("a", lambda pd: pd.flow.exit()), ("b", lambda pd: 1)])
    assert result.exited and result.exit_reason is None and list(result.steps) == ["a"]


def test_delay_and_suspend_are_recorded_and_the_run_goes_on():
    def wait(pd):
        return pd.flow.delay(60_000)["resume_url"]

    def approve(pd):
        pd.flow.suspend()
        return "approved"

    result = Pipedream().run_workflow(
        [("wait", wait), ("approve", approve), ("after", lambda pd: "ran")]
    )

    assert list(result.steps) == ["wait", "approve", "after"] and not result.exited
    assert [(name, call.name) for name, call in result.flow] == [
        ("wait", "delay"),
        ("approve", "suspend"),
    ]
    assert result.steps["after"].return_value == "ran"


def test_respond_once_per_workflow_and_never_after_a_pause():
    ok = {"status": 200, "body": "ok"}
    result = Pipedream().run_workflow([("reply", lambda pd: pd.respond(ok)), ("b", lambda pd: 1)])
    assert result.response == ok

    with pytest.raises(RuntimeError, match="already called"):
        Pipedream().run_workflow(
            [("a", lambda pd: pd.respond(ok)), ("b", lambda pd: pd.respond(ok))]
        )
    with pytest.raises(RuntimeError, match="cannot be used after"):
        Pipedream().run_workflow(
            [("a", lambda pd: pd.flow.delay(10)), ("b", lambda pd: pd.respond(ok))]
        )
    pd = Pipedream()  # and a later single pd.run is its own execution again
    with pytest.raises(RuntimeError):
        pd.run_workflow([("a", lambda pd: pd.respond(ok)), ("b", lambda pd: pd.respond(ok))])
    assert pd.run(lambda pd: pd.respond(ok)).response == ok


def test_a_failing_step_propagates_unchanged_with_a_note_naming_it():
    def boom(pd):
        raise KeyError("missing field")

    pd = Pipedream()
    with pytest.raises(KeyError, match="missing field") as info:
        pd.run_workflow([("first", lambda pd: 1), ("boom", boom), ("third", lambda pd: 3)])
    assert "in workflow step 'boom' (2 of 3)" in info.value.__notes__
    assert pd.steps["first"] == {"$return_value": 1} and "third" not in pd.steps


def test_exports_and_returns_must_be_json():
    with pytest.raises(TypeError, match="return value is not JSON"):
        Pipedream().run_workflow([("bad", lambda pd: {1, 2})])


def test_a_second_run_does_not_see_the_outputs_of_the_first():
    seen = []

    def first(pd):
        seen.append("second" in pd.steps)
        return 1

    pd = Pipedream(steps={"unrelated": {"$return_value": "kept"}})
    for _ in range(2):
        pd.run_workflow([("first", first), ("second", lambda pd: 2)])
    assert seen == [False, False]
    assert pd.steps["unrelated"] == {"$return_value": "kept"}


def test_step_files_load_fresh_and_relative_paths_start_at_base_dir(tmp_path):
    write_step(tmp_path / "wf" / "count" / "entry.py", "import os\nLOADED = os.getpid()\n"
               "def handler(pd):\n    return pd.steps['trigger']['event']['n'] + 1\n")  # fmt: skip
    pd = Pipedream(base_dir=tmp_path)
    assert pd.run_workflow(["wf/count"], event={"n": 1}).return_value == 2
    assert pd.run_workflow([tmp_path / "wf" / "count"], event={"n": 5}).return_value == 6
    assert pd.run_workflow([("renamed", "wf/count/entry.py")]).steps["renamed"].return_value == 6


RAN: list[str] = []


def first(pd):
    RAN.append("first")


@pytest.mark.parametrize(
    ("steps", "error", "message"),
    [
        ([], ValueError, "at least one step"),
        ("fetch.py", TypeError, "takes a list"),
        ([("first", first), lambda pd: 1], TypeError, "give a handler a step name"),
        ([("first", first), ("first", first)], ValueError, "two workflow steps are named 'first'"),
        ([("first", first), ("trigger", first)], ValueError, "cannot be named 'trigger'"),
        ([("first", first), ("my-step", first)], ValueError, "no spaces or dashes"),
        ([("first", first), ("a", first, "x")], TypeError, "pair is (name, handler or path)"),
        ([("first", first), "missing.py"], FileNotFoundError, "not found"),
        ([("first", first), "empty_dir"], FileNotFoundError, "has no entry.py"),
        ([("first", first), 42], TypeError, "a workflow step is a step file"),
    ],
)
def test_bad_step_lists_are_refused_before_anything_runs(tmp_path, steps, error, message):
    (tmp_path / "empty_dir").mkdir()
    RAN.clear()
    with pytest.raises(error, match=re.escape(message)):
        Pipedream(base_dir=tmp_path).run_workflow(steps)
    assert RAN == []


def test_run_workflow_in_a_real_pytest_run(pytester, run):
    """Step directories next to the test file, with pd_http and pd_tmp, as a user writes it."""
    for name, source in {
        "fetch": """
            import requests

            def handler(pd):
                response = requests.get("https://api.example.com/rows", timeout=10)
                response.raise_for_status()
                return response.json()
            """,
        "save": """
            import json

            def handler(pd):
                rows = pd.steps["fetch"]["$return_value"]
                with open("/tmp/rows.json", "w") as f:
                    json.dump(rows, f)
                pd.export("path", "/tmp/rows.json")
                if not rows:
                    return pd.flow.exit("no rows")
                return len(rows)
            """,
        "notify": """
            def handler(pd):
                pd.send.email(subject=f"{pd.steps['save']['$return_value']} rows saved")
            """,
    }.items():
        write_step(pytester.path / "workflow" / name / "entry.py", source)
    pytester.makepyfile(
        test_wf="""
        import json
        import pytest

        STEPS = ["workflow/fetch", "workflow/save", "workflow/notify"]

        def test_rows(pd, pd_http, pd_tmp):
            pd_http.get("https://api.example.com/rows", json=[{"a": 1}, {"a": 2}])
            result = pd.run_workflow(STEPS)
            assert list(result.steps) == ["fetch", "save", "notify"]
            assert result.steps["save"].exports == {"path": "/tmp/rows.json"}
            assert json.loads((pd_tmp / "rows.json").read_text()) == [{"a": 1}, {"a": 2}]
            assert [e.subject for e in result.emails] == ["2 rows saved"]

        def test_no_rows(pd, pd_http):
            pd_http.get("https://api.example.com/rows", json=[])
            result = pd.run_workflow(STEPS)
            assert result.exit_reason == "no rows" and result.skipped == ["notify"]

        def test_failure_names_the_step(pd, pd_http):
            pd_http.get("https://api.example.com/rows", status=500)
            pd.run_workflow(STEPS)
        """
    )
    result = run()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        ["*HTTPError: 500 Server Error*", "*in workflow step 'fetch' (1 of 3)"]
    )
