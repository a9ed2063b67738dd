import os

import requests

BASE = "https://orders.example-shop.com/admin/api/2024-01"


def fetch_orders(since):
    r = requests.get(
        f"{BASE}/orders.json",
        params={"created_at_min": since, "status": "any"},
        headers={"X-Shop-Access-Token": os.environ["SHOP_ACCESS_TOKEN"]},
        timeout=20,
    )
    r.raise_for_status()
    return r.json()["orders"]


def handler(pd: "pipedream"):
    since = pd.steps["trigger"]["event"]["timestamp"]
    try:
        orders = fetch_orders(since)
    except Exception as exc:  # expect: PD117
        print("order fetch failed:", exc)
        return []
    return [o["id"] for o in orders]
