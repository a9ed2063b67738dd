import secrets

import pytest
import requests
from responses import matchers

STEP = "../steps/github_issues.py"
ISSUES_URL = "https://api.github.com/repos/octo-org/hello/issues"

pytestmark = pytest.mark.pd(
    inputs={"github": {"$auth": {"oauth_access_token": secrets.token_urlsafe(16)}}},
    env={"GITHUB_REPO": "octo-org/hello"},
)


def test_lists_open_issues_with_the_connected_account(pd, pd_http):
    token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    pd_http.get(
        ISSUES_URL,
        json=[{"number": 7, "title": "Crash on start", "state": "open"}],
        match=[
            matchers.header_matcher({"Authorization": f"Bearer {token}"}),
            matchers.query_param_matcher({"state": "open", "per_page": "50"}),
        ],
    )

    result = pd.run(STEP)

    assert result.return_value == [{"number": 7, "title": "Crash on start"}]
    assert result.exports == {"count": 1}


def test_a_revoked_token_fails_the_step(pd, pd_http):
    pd_http.get(ISSUES_URL, status=401, json={"message": "Bad credentials"})

    with pytest.raises(requests.HTTPError, match="401"):
        pd.run(STEP)
