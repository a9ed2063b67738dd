import json

import requests

NOTION_TOKEN = "secret_Qw7TzR2kLm9Vx4Bn8Hj3Yp6Sd1Fg5Ac0Ue2Io"  # expect: PD104
DATABASE = "5b1f0c9e2d7a4e8f9a3b6c2d1e0f7a8b"


def handler(pd: "pipedream"):
    headers = {
        "Authorization": f"Bearer {NOTION_TOKEN}",
        "Notion-Version": "2022-06-28",
        "Content-Type": "application/json",
    }
    query = {"filter": {"property": "Status", "select": {"equals": "Ready"}}, "page_size": 50}
    resp = requests.post(f"https://api.notion.com/v1/databases/{DATABASE}/query", headers=headers, data=json.dumps(query), timeout=30)  # expect: PD103
    resp.raise_for_status()
    return [row["id"] for row in resp.json()["results"]]
