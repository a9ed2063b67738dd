import requests


def handler(pd: "pipedream", page_size=50):
    r = requests.get(
        "https://api.example.com/v1/orders",
        params={"limit": page_size, "status": pd.steps["trigger"]["event"]["query"].get("status", "open")},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["orders"]
