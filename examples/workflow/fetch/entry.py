"""Fetch the issues of a repository closed since the date in the trigger event."""

import requests

API = "https://api.github.com"


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    response = requests.get(
        f"{API}/repos/{event['repo']}/issues",
        headers={"Authorization": f"Bearer {token}", "Accept": "application/vnd.github+json"},
        params={"state": "closed", "since": event["since"], "per_page": 100},
        timeout=10,
    )
    response.raise_for_status()
    # GitHub's `since` filters on the last update, and the list holds pull requests too
    issues = [
        {
            "number": item["number"],
            "title": item["title"],
            "labels": [label["name"] for label in item["labels"]],
            "closed_at": item["closed_at"],
        }
        for item in response.json()
        if "pull_request" not in item and (item["closed_at"] or "") >= event["since"]
    ]
    if not issues:
        return pd.flow.exit(f"no issues closed in {event['repo']} since {event['since']}")
    pd.export("repo", event["repo"])
    return issues
