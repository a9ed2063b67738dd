import os

import requests


def handler(pd: "pipedream"):
    token_url = os.environ.get("TOKEN_URL", "https://login.example.com/oauth/token")
    print("token endpoint:", token_url)
    print("auth header name:", os.environ.get("AUTH_HEADER_NAME", "Authorization"))
    r = requests.post(
        token_url,
        data={"grant_type": "client_credentials", "client_id": os.environ["CLIENT_ID"], "client_secret": os.environ["CLIENT_SECRET"]},
        timeout=10,
    )
    r.raise_for_status()
    return {"expires_in": r.json()["expires_in"]}
