import os
import time

import requests

TOKEN_URL = "https://login.partner-api.example.com/oauth2/token"
_cache = {"token": None, "expires": 0}


def access_token():
    if _cache["token"] and _cache["expires"] > time.time() + 60:
        return _cache["token"]
    r = requests.post(
        TOKEN_URL,
        data={"grant_type": "client_credentials", "scope": "orders.read"},  # expect: PD115
        auth=(os.environ["PARTNER_CLIENT_ID"], os.environ["PARTNER_CLIENT_SECRET"]),
        timeout=15,
    )
    r.raise_for_status()
    body = r.json()
    _cache.update(token=body["access_token"], expires=time.time() + body["expires_in"])
    return body["access_token"]


def refresh_google(refresh_token):
    form = {
        "client_id": os.environ["GOOGLE_CLIENT_ID"],
        "client_secret": os.environ["GOOGLE_CLIENT_SECRET"],
        "refresh_token": refresh_token,
        "grant_type": "refresh_token",
    }
    r = requests.post(
        "https://oauth2.googleapis.com/token",
        data=form,  # ok: PD115 (the form type is declared)
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=15,
    )
    r.raise_for_status()
    return r.json()["access_token"]


def handler(pd: "pipedream"):
    token = access_token()
    r = requests.get("https://api.partner-api.example.com/v1/orders", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    r.raise_for_status()
    return r.json()
