import os

import requests

BOARD_TOKEN = os.environ.get("BOARD_TOKEN")


def handler(pd, steps):  # expect: PD119
    headers = {"Authorization": f"Bearer {BOARD_TOKEN}"}
    r = requests.get("https://api.boards.example/v2/channels/inbox", headers=headers, timeout=10)
    r.raise_for_status()
    seen = pd.inputs["data_store"].get("seen", [])
    fresh = [b for b in r.json()["contents"] if b["id"] not in seen]
    pd.inputs["data_store"]["seen"] = seen + [b["id"] for b in fresh]
    return fresh
