import json

import requests


def handler(pd: "pipedream"):
    try:
        with open("/tmp/last_sync.json") as f:
            state = json.load(f)
    except Exception:
        state = {"cursor": None}
    r = requests.get(
        "https://api.example.com/v1/changes",
        params={"cursor": state["cursor"]},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()
