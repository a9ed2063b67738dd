import os

import requests

BOARD_TOKEN = os.environ.get("BOARD_TOKEN")
CHANNEL = os.environ.get("BOARD_CHANNEL_SLUG")


def handler(pd, steps):  # expect: PD119
    headers = {"Authorization": f"Bearer {BOARD_TOKEN}"}
    print(f"Checking channel {CHANNEL}")
    r = requests.get(f"https://api.boards.example/v2/channels/{CHANNEL}/contents", headers=headers, timeout=10)
    r.raise_for_status()
    for block in r.json().get("contents", []):
        yield {"id": block["id"], "title": block.get("title") or "Untitled"}
