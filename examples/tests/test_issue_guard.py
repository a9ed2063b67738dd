import pytest

STEP = "../steps/issue_guard.py"
ISSUE = {"number": 12, "title": "Docs typo", "user": {"login": "ada"}}


@pytest.mark.pd(
    event={"headers": {"x-github-event": "issues"}, "body": {"action": "opened", "issue": ISSUE}}
)
def test_an_opened_issue_goes_on(pd):
    result = pd.run(STEP)

    assert result.exit_reason is None
    assert result.return_value == {"number": 12, "title": "Docs typo", "author": "ada"}


@pytest.mark.parametrize(
    ("kind", "action"),
    [("issues", "closed"), ("issues", "edited"), ("push", None), ("issue_comment", "opened")],
)
def test_anything_else_ends_the_workflow(pd, kind, action):
    result = pd.run(STEP, event={"headers": {"x-github-event": kind}, "body": {"action": action}})

    assert result.exited
    assert result.exit_reason == f"ignoring {kind} {action} events"
    assert result.return_value is None
