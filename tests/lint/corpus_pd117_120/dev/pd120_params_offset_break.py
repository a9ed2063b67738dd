import requests


def handler(pd: "pipedream"):
    params = {"offset": 0, "limit": 100}
    events = []
    while True:
        r = requests.get("https://events.example.com/api/events", params=params, timeout=10)
        r.raise_for_status()
        batch = r.json()["events"]
        if not batch:
            break
        events.extend(batch)
        params["offset"] += 100
    return events
