import requests

NOTION = "https://api.notion.com/v1"


def all_pages(token, database_id):
    headers = {
        "Authorization": f"Bearer {token}",
        "Notion-Version": "2022-06-28",
        "Content-Type": "application/json",
    }
    pages, cursor = [], None
    while True:
        body = {"page_size": 100}
        if cursor:
            body["start_cursor"] = cursor
        res = requests.post(f"{NOTION}/databases/{database_id}/query", headers=headers, json=body, timeout=30).json()  # expect: PD102
        pages.extend(res["results"])
        if not res.get("has_more"):
            return pages
        cursor = res["next_cursor"]


def handler(pd: "pipedream"):
    token = pd.inputs["notion"]["$auth"]["oauth_access_token"]
    pages = all_pages(token, pd.inputs["database_id"])
    return [p["id"] for p in pages if not p.get("archived")]
