import requests


def handler(pd: "pipedream"):
    token = pd.inputs["slack"]["$auth"]["oauth_access_token"]
    members = []
    cursor = None
    while True:
        r = requests.get(
            "https://slack.example.com/api/users.list",
            headers={"Authorization": f"Bearer {token}"},
            params={"limit": 200, "cursor": cursor},
            timeout=10,
        )
        r.raise_for_status()
        body = r.json()
        members.extend(m["id"] for m in body["members"])
        cursor = body.get("response_metadata", {}).get("next_cursor")
        if not cursor:
            break
    return members
