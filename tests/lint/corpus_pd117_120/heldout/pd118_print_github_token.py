import requests


def handler(pd: "pipedream"):
    token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    print(f"Using token {token}")  # expect: PD118
    r = requests.get(
        "https://api.github.com/user/repos",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    r.raise_for_status()
    return [repo["full_name"] for repo in r.json()]
