import os

import requests


def get_access_token():
    resp = requests.post(
        "https://accounts.example-media.com/oauth/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": os.environ["MEDIA_REFRESH_TOKEN"],
            "client_id": os.environ["MEDIA_CLIENT_ID"],
        },
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def handler(pd: "pipedream"):
    token = get_access_token()
    print("token:", token)  # expect: PD118
    r = requests.get(
        "https://api.example-media.com/v1/me/playlists",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    r.raise_for_status()
    return [p["name"] for p in r.json()["items"]]
