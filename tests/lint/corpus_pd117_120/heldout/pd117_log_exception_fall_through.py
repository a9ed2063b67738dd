import logging

import requests


def handler(pd: "pipedream"):
    user = pd.steps["trigger"]["event"]["body"]["user"]
    try:
        r = requests.put(
            f"https://directory.example.com/users/{user['id']}",
            json={"title": user["title"]},
            timeout=10,
        )
        r.raise_for_status()
        return {"synced": True}
    except Exception:  # expect: PD117
        logging.exception("directory sync failed for %s", user["id"])
    return {"synced": False}
