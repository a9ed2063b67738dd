"""The weekly report workflow (examples/workflow): fetch -> transform -> upload, run as one.

The happy path replays a cassette, cassettes/test_weekly_report/weekly_report.yaml, recorded once
with `pytest --pd-record`. Credentials are redacted from it, so it replays with any token, such as
the random ones used below. To record it again against the real APIs (after changing what the
steps send), give real tokens through the environment:

    GITHUB_TOKEN=... DROPBOX_TOKEN=... pytest --pd-record tests/test_weekly_report.py -k built

(The committed one was recorded against a local stand-in of the two APIs.)
"""

import os
import secrets

import pytest
import requests
from responses import matchers

WORKFLOW = ["../workflow/fetch", "../workflow/transform", "../workflow/upload"]
ISSUES_URL = "https://api.github.com/repos/octo-org/hello/issues"
UPLOAD_URL = "https://content.dropboxapi.com/2/files/upload"
EVENT = {"repo": "octo-org/hello", "since": "2024-05-06T00:00:00Z"}


def token(variable):
    """A real token from the environment when recording, else a random stand-in."""
    return os.environ.get(variable) or secrets.token_urlsafe(16)


pytestmark = pytest.mark.pd(
    inputs={
        "github": {"$auth": {"oauth_access_token": token("GITHUB_TOKEN")}},
        "dropbox": {"$auth": {"oauth_access_token": token("DROPBOX_TOKEN")}},
    },
    event=EVENT,
)


def issue(number, title, labels, closed_at="2024-05-08T10:00:00Z", **extra):
    labels = [{"name": name} for name in labels]
    return {"number": number, "title": title, "labels": labels, "closed_at": closed_at, **extra}


@pytest.mark.pd_http(cassette="weekly_report")
def test_the_report_is_built_and_uploaded(pd, pd_http, pd_tmp):
    result = pd.run_workflow(WORKFLOW)

    assert list(result.steps) == ["fetch", "transform", "upload"]
    assert not result.exited
    assert [i["number"] for i in result.steps["fetch"].return_value] == [44, 42, 41]
    assert result.steps["transform"].exports == {"by_label": {"bug": 2, "docs": 1}}
    assert result.return_value == {
        "path": "/reports/octo-org-hello/closed-since-2024-05-06.csv",
        "size": len((pd_tmp / "closed_issues.csv").read_bytes()),
        "rows": 3,
    }
    report = (pd_tmp / "closed_issues.csv").read_text(encoding="utf-8").splitlines()
    assert report[0] == "number,title,labels,closed_at"
    assert report[1] == "41,Crash on start,bug,2024-05-07T09:12:44Z"
    fetch, upload = pd_http.requests
    github_token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    dropbox_token = pd.inputs["dropbox"]["$auth"]["oauth_access_token"]
    assert fetch.headers["Authorization"] == f"Bearer {github_token}"
    assert upload.headers["Authorization"] == f"Bearer {dropbox_token}"
    assert upload.body == (pd_tmp / "closed_issues.csv").read_bytes()


def test_a_quiet_week_stops_after_fetch(pd, pd_http, pd_tmp):
    pd_http.get(
        ISSUES_URL,
        json=[
            issue(50, "Bump a dependency", [], pull_request={"url": "https://github.test/pr/50"}),
            issue(12, "Old issue touched this week", ["bug"], closed_at="2024-01-02T00:00:00Z"),
        ],
        match=[
            matchers.query_param_matcher(
                {"state": "closed", "since": EVENT["since"], "per_page": "100"}
            )
        ],
    )

    result = pd.run_workflow(WORKFLOW)

    assert result.exited and result.exited_at == "fetch"
    assert result.exit_reason == "no issues closed in octo-org/hello since 2024-05-06T00:00:00Z"
    assert result.skipped == ["transform", "upload"]
    assert list(pd_tmp.iterdir()) == []


def test_a_rejected_upload_fails_the_run(pd, pd_http):
    pd_http.get(ISSUES_URL, json=[issue(7, "Typo in README", ["docs"])])
    pd_http.post(UPLOAD_URL, status=409, json={"error_summary": "path/conflict/file/"})

    with pytest.raises(requests.HTTPError, match="409"):
        pd.run_workflow(WORKFLOW)

    assert pd.steps["transform"]["$return_value"] == {"path": "/tmp/closed_issues.csv", "rows": 1}
