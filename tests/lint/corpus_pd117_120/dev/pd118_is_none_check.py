import os

import requests


def handler(pd: "pipedream"):
    token = os.environ.get("AIRTABLE_TOKEN")
    print("token missing:", token is None)
    if not token:
        raise ValueError("set AIRTABLE_TOKEN in the project's environment variables")
    r = requests.get(
        "https://api.airtable.example/v0/meta/whoami",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["id"]
