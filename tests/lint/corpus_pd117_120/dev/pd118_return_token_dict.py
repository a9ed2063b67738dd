import os

import requests


def handler(pd: "pipedream"):
    r = requests.post(
        "https://auth.example-ads.com/oauth2/v3/token",
        data={
            "grant_type": "refresh_token",
            "client_id": os.environ["ADS_CLIENT_ID"],
            "client_secret": os.environ["ADS_CLIENT_SECRET"],
            "refresh_token": os.environ["ADS_REFRESH_TOKEN"],
        },
        timeout=10,
    )
    r.raise_for_status()
    token = r.json()["access_token"]
    return {"token": token, "expires_in": r.json()["expires_in"]}  # expect: PD118
