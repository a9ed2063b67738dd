import requests


def handler(pd: "pipedream"):
    token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    repo = pd.steps["trigger"]["event"]["body"]["repository"]["full_name"]
    try:
        r = requests.get(
            f"https://api.github.com/repos/{repo}/topics",
            headers={"Authorization": f"Bearer {token}"},
            timeout=15,
        )
        r.raise_for_status()
    except requests.HTTPError as e:
        if e.response is not None and e.response.status_code == 404:
            return {"topics": []}
        raise
    return {"topics": r.json()["names"]}
