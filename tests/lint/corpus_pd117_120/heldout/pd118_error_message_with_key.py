import os

import requests

PARTNER_KEY = os.environ["PARTNER_API_KEY"]


def handler(pd: "pipedream"):
    r = requests.get(
        "https://partner.example.com/api/orders",
        params={"key": PARTNER_KEY, "since": pd.steps["trigger"]["event"]["timestamp"]},
        timeout=10,
    )
    if r.status_code == 401:
        raise Exception(f"partner API refused key {PARTNER_KEY}")  # expect: PD118
    r.raise_for_status()
    return r.json()["orders"]
