import requests

API = "https://api.github.com"


def handler(pd: "pipedream"):
    token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    headers = {"Authorization": f"token {token}", "Accept": "application/vnd.github+json"}
    repo = pd.inputs["repo"]
    if not (found := requests.get(f"{API}/repos/{repo}", headers=headers, timeout=15)).ok:  # ok: PD102 (walrus test)
        raise RuntimeError(f"repo {repo} not reachable: {found.status_code}")
    created = requests.post(f"{API}/repos/{repo}/issues", headers=headers, json={"title": pd.inputs["title"], "body": pd.inputs["body"]}, timeout=15)  # ok: PD102 (status held in a name)
    status = created.status_code
    if status >= 300:
        raise RuntimeError(created.text)
    return created.json()["html_url"]
