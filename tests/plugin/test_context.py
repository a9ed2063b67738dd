"""The fake pd used directly (no fixture): platform semantics, odd parts included."""

import json
import textwrap
from datetime import datetime

import pytest

from pytest_pdhttp import Email, Pipedream
from pytest_pdhttp._pd.flow import MAX_DELAY_MS

CONTEXT_KEYS = {
    "id", "ts", "workflow_id", "workflow_name", "deployment_id", "emitter_id", "owner_id",
    "platform_version", "replay", "trace_id",
}  # fmt: skip


def test_inputs_and_steps_are_plain_dicts_with_a_realistic_trigger():
    pd = Pipedream(inputs={"github": {"$auth": {"oauth_access_token": "t"}}})
    assert type(pd.inputs) is dict and type(pd.steps) is dict
    assert pd.steps["trigger"]["event"] == {}
    context = pd.steps["trigger"]["context"]
    assert set(context) == CONTEXT_KEYS
    assert datetime.fromisoformat(context["ts"].replace("Z", "+00:00"))
    assert context["replay"] is False
    assert pd.context["run"] == {"runs": 1}


def test_inputs_are_copied_from_what_was_given():
    given = {"app": {"$auth": {"api_key": "k"}}}
    pd = Pipedream(inputs=given)
    pd.inputs["app"]["$auth"]["api_key"] = "changed"
    assert given["app"]["$auth"]["api_key"] == "k"


def test_export_records_a_json_copy():
    pd = Pipedream()
    pd.export("pair", (1, 2))
    assert pd.exports == {"pair": [1, 2]}


def test_export_of_a_non_json_value_raises_type_error_naming_it():
    pd = Pipedream()
    with pytest.raises(TypeError, match="export 'when'"):
        pd.export("when", datetime(2024, 1, 1))
    assert pd.exports == {}


def test_flow_exit_does_not_raise_and_the_step_goes_on():
    def handler(pd):
        pd.flow.exit("no work")
        pd.export("after_exit", True)
        return "ran to the end"

    result = Pipedream().run(handler)
    assert result.exited and result.exit_reason == "no work"
    assert result.exports == {"after_exit": True}
    assert result.return_value == "ran to the end"


def test_return_flow_exit_stops_at_once():
    def handler(pd):
        return pd.flow.exit("stop")
        pd.export("never", True)  # noqa: unreachable on purpose

    result = Pipedream().run(handler)
    assert result.return_value is None and result.exports == {}
    assert [c.name for c in result.flow] == ["exit"]


def test_exit_reason_is_none_when_exit_was_not_called():
    result = Pipedream().run(lambda pd: 1)
    assert result.exit_reason is None and not result.exited


@pytest.mark.parametrize("call", ["delay", "suspend", "rerun"])
def test_pauses_return_resume_and_cancel_urls(call):
    pd = Pipedream()
    urls = {"delay": lambda: pd.flow.delay(1000), "suspend": lambda: pd.flow.suspend(),
            "rerun": lambda: pd.flow.rerun(1000, {"page": 2})}[call]()  # fmt: skip
    assert set(urls) == {"resume_url", "cancel_url"}
    assert urls["resume_url"] != urls["cancel_url"]
    assert pd.flow.calls[-1].name == call
    assert pd.flow.calls[-1].resume_url == urls["resume_url"]


def test_flow_arguments_are_recorded_with_defaults():
    pd = Pipedream()
    pd.flow.suspend()
    assert pd.flow.calls[0].arguments == {"timeout_ms": 24 * 60 * 60 * 1000}
    other = Pipedream()
    other.flow.rerun(500, context={"n": 1})
    assert other.flow.calls[0].arguments == {
        "delay_ms": 500,
        "context": {"n": 1},
        "max_retries": 10,
    }


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda f: f.delay(0), ValueError),
        (lambda f: f.delay(MAX_DELAY_MS + 1), ValueError),
        (lambda f: f.delay("1000"), TypeError),
        (lambda f: f.delay(True), TypeError),
        (lambda f: f.suspend(-5), ValueError),
        (lambda f: f.rerun(1000, max_retries=0), ValueError),
        (lambda f: f.rerun(1000, context=object()), TypeError),
        (lambda f: f.exit(42), TypeError),
    ],
)
def test_flow_arguments_are_validated(call, error):
    with pytest.raises(error):
        call(Pipedream().flow)


def test_a_step_pauses_only_once():
    pd = Pipedream()
    pd.flow.delay(1000)
    with pytest.raises(RuntimeError, match="only once"):
        pd.flow.suspend()


def test_respond_records_the_dict_as_given():
    result = Pipedream().run(lambda pd: pd.respond({"status": 201, "body": {"ok": True}}))
    assert result.responses == [{"status": 201, "body": {"ok": True}}]
    assert result.response == {"status": 201, "body": {"ok": True}}


def test_respond_keeps_headers():
    response = {"status": 200, "headers": {"Content-Type": "text/plain"}, "body": "hi"}
    assert Pipedream().run(lambda pd: pd.respond(response)).response == response


@pytest.mark.parametrize(
    ("response", "message"),
    [
        ({"body": "x"}, "needs status"),
        ({"status": 200}, "needs body"),
        ({"status": "200", "body": ""}, "status must be an int"),
        ({"status": 99, "body": ""}, "status must be an int"),
        ({"status": 200, "body": b"bytes"}, "not JSON-serializable"),
        ({"status": 200, "body": "", "headers": {"X-N": 1}}, "headers must map str to str"),
        ({"status": 200, "body": "", "immediate": True}, "only status, body and headers"),
        ("not a dict", "takes a dict"),
    ],
)
def test_bad_responses_are_refused(response, message):
    with pytest.raises((TypeError, ValueError), match=message):
        Pipedream().respond(response)


def test_respond_after_delay_is_an_error():
    pd = Pipedream()
    pd.flow.delay(1000)
    with pytest.raises(RuntimeError, match="after pd.flow.delay"):
        pd.respond({"status": 200, "body": ""})


def test_respond_twice_is_an_error():
    pd = Pipedream()
    pd.respond({"status": 200, "body": ""})
    with pytest.raises(RuntimeError, match="already"):
        pd.respond({"status": 200, "body": ""})


def test_send_email_html_default_hides_text():
    def handler(pd):
        pd.send.email(subject="Report", text="plain body")
        pd.send.email(subject="Report", text="plain body", html=None)

    emails = Pipedream().run(handler).emails
    assert emails == [Email("Report", "plain body", ""), Email("Report", "plain body", None)]
    assert [e.shown for e in emails] == ["", "plain body"]


@pytest.mark.parametrize("name", ["http", "s3", "emit", "sse"])
def test_node_only_send_destinations_raise_attribute_error(name):
    with pytest.raises(AttributeError, match="does not exist in Python steps"):
        getattr(Pipedream().send, name)


@pytest.mark.parametrize("name", ["files", "service", "props"])
def test_node_only_pd_attributes_raise_attribute_error(name):
    with pytest.raises(AttributeError, match="does not exist in Python steps"):
        getattr(Pipedream(), name)


def test_return_value_is_a_json_copy():
    assert Pipedream().run(lambda pd: {"ids": (1, 2)}).return_value == {"ids": [1, 2]}


def test_non_json_return_value_raises_type_error():
    with pytest.raises(TypeError, match="return value is not JSON-serializable"):
        Pipedream().run(lambda pd: {1, 2})


def test_handler_exceptions_propagate_unchanged():
    error = LookupError("from the step")

    def handler(pd):
        raise error

    with pytest.raises(LookupError) as info:
        Pipedream().run(handler)
    assert info.value is error


def test_exports_are_emptied_at_the_start_of_each_run():
    pd = Pipedream()
    first = pd.run(lambda pd: pd.export("a", 1))
    second = pd.run(lambda pd: pd.export("b", 2))
    assert first.exports == {"a": 1}
    assert second.exports == {"b": 2} == pd.exports


def test_event_argument_replaces_the_trigger_event_and_stays():
    pd = Pipedream(event={"from": "constructor"})
    assert pd.run(lambda pd: pd.steps["trigger"]["event"]).return_value == {"from": "constructor"}
    assert pd.run(lambda pd: pd.steps["trigger"]["event"], event={"n": 1}).return_value == {"n": 1}
    assert pd.run(lambda pd: pd.steps["trigger"]["event"]).return_value == {"n": 1}


def test_steps_argument_adds_earlier_steps_and_keeps_the_trigger():
    pd = Pipedream()
    earlier = pd.run(lambda pd: (pd.export("name", "x"), 7)[1])
    result = pd.run(lambda pd: pd.steps["fetch"], steps={"fetch": earlier.as_step()})
    assert result.return_value == {"$return_value": 7, "name": "x"}
    assert "context" in pd.steps["trigger"]


@pytest.mark.parametrize("name", ["my step", "my-step"])
def test_step_names_have_no_spaces_or_dashes(name):
    with pytest.raises(ValueError, match="no spaces or dashes"):
        Pipedream(steps={name: {}})


def test_run_loads_a_step_file_fresh_each_time(tmp_path):
    step = tmp_path / "entry.py"
    step.write_text(
        textwrap.dedent(
            """
            LOADS = []
            LOADS.append(1)

            def handler(pd: "pipedream"):
                return {"loads": len(LOADS), "module": __name__}
            """
        )
    )
    pd = Pipedream()
    first, second = pd.run(step), pd.run(str(step))
    assert first.return_value["loads"] == second.return_value["loads"] == 1
    assert first.return_value["module"] != second.return_value["module"]


def test_run_resolves_relative_paths_from_the_base_dir(tmp_path):
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "s.py").write_text("def handler(pd):\n    return 'ok'\n")
    assert Pipedream(base_dir=tmp_path).run("steps/s.py").return_value == "ok"


def test_run_reports_a_missing_step_file_or_handler(tmp_path):
    (tmp_path / "nohandler.py").write_text("x = 1\n")
    with pytest.raises(FileNotFoundError):
        Pipedream(base_dir=tmp_path).run("missing.py")
    with pytest.raises(AttributeError, match="no top-level handler"):
        Pipedream(base_dir=tmp_path).run("nohandler.py")


def test_result_is_json_friendly():
    result = Pipedream().run(lambda pd: pd.flow.delay(5))
    json.dumps(result.return_value)
    assert result.flow[0].arguments == {"duration_ms": 5}
