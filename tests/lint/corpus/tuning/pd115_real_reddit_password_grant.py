import os

import requests
from requests.auth import HTTPBasicAuth

USER_AGENT = "pd-digest/0.3 by u/acme_bot"


def token():
    r = requests.post(
        "https://www.reddit.com/api/v1/access_token",
        auth=HTTPBasicAuth(os.environ["REDDIT_CLIENT_ID"], os.environ["REDDIT_SECRET"]),
        data={"grant_type": "password", "username": os.environ["REDDIT_USER"], "password": os.environ["REDDIT_PASS"]},  # expect: PD115
        headers={"User-Agent": USER_AGENT},
        timeout=15,
    )
    r.raise_for_status()
    return r.json()["access_token"]


def handler(pd: "pipedream"):
    headers = {"Authorization": f"bearer {token()}", "User-Agent": USER_AGENT}
    r = requests.get("https://oauth.reddit.com/r/python/top", headers=headers, params={"t": "day", "limit": 10}, timeout=15)
    r.raise_for_status()
    return [p["data"]["title"] for p in r.json()["data"]["children"]]
