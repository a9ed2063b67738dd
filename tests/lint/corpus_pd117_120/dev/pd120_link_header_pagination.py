import requests


def handler(pd: "pipedream"):
    token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    url = "https://api.github.com/orgs/example/repos?per_page=100"
    repos = []
    while url:
        r = requests.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
        r.raise_for_status()
        repos.extend(x["name"] for x in r.json())
        url = r.links.get("next", {}).get("url")
    return repos
