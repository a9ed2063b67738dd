import os

import requests


def handler(pd: "pipedream"):
    token = os.environ.get("NOTION_TOKEN")
    print(f"token length: {len(token or '')}")
    print("has token:", bool(token))
    print("token configured" if token else "token missing")
    r = requests.post(
        "https://api.notion.example/v1/search",
        headers={"Authorization": f"Bearer {token}", "Notion-Version": "2022-06-28"},
        json={"query": pd.steps["trigger"]["event"]["body"]["q"]},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["results"]
