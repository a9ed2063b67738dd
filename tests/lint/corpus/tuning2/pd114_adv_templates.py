import requests

VIEWER_FIELDS = "fragment ViewerFields on User { login name }"
REPO_QUERY = "query { repository(owner: \"%s\", name: \"%s\") { stargazerCount } }"


def stars(owner, name, token):
    doc = REPO_QUERY % (owner, name)  # expect: PD114
    r = requests.post("https://api.github.com/graphql", json={"query": doc}, headers={"Authorization": f"Bearer {token}"}, timeout=15)
    r.raise_for_status()
    return r.json()["data"]["repository"]["stargazerCount"]


def viewer(token):
    doc = f"query {{ viewer {{ ...ViewerFields }} }} {VIEWER_FIELDS}"
    r = requests.post("https://api.github.com/graphql", json={"query": doc}, headers={"Authorization": f"Bearer {token}"}, timeout=15)
    r.raise_for_status()
    return r.json()["data"]["viewer"]


def board_items(board_id, token):
    doc = "query($id: [ID!]) { boards(ids: $id) { items_page { items { id name } } } }"
    r = requests.post("https://api.monday.com/v2", json={"query": doc, "variables": {"id": [board_id]}}, headers={"Authorization": token}, timeout=15)
    r.raise_for_status()
    log_line = f"query failed for board {board_id}"
    return r.json()["data"], log_line


def handler(pd: "pipedream"):
    token = pd.inputs["github_token"]
    return stars("psf", "requests", token), viewer(token), board_items(pd.inputs["board"], pd.inputs["monday_token"])
