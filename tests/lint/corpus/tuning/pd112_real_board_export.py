import json
import os

import requests


def handler(pd: "pipedream"):
    r = requests.post(
        "https://api.monday.com/v2",
        json={"query": "{ boards(limit: 5) { id name } }"},
        headers={"Authorization": os.environ["MONDAY_TOKEN"]},
        timeout=20,
    )
    r.raise_for_status()
    boards = r.json()["data"]["boards"]

    with open("/data/monday/boards.json", "w") as f:  # expect: PD112
        json.dump(boards, f, indent=2)
    with open("exports/boards.json", "w") as f:  # ok: PD112 (relative)
        json.dump(boards, f)
    return boards
