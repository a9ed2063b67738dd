"""List the open issues of a repository with the connected GitHub account."""

import os

import requests

API = "https://api.github.com"


def handler(pd: "pipedream"):
    token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    repo = os.environ["GITHUB_REPO"]
    response = requests.get(
        f"{API}/repos/{repo}/issues",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"},
        params={"state": "open", "per_page": 50},
        timeout=10,
    )
    response.raise_for_status()
    issues = [{"number": i["number"], "title": i["title"]} for i in response.json()]
    pd.export("count", len(issues))
    return issues
