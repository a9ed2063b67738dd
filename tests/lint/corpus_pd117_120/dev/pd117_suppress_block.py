from contextlib import suppress

import requests


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]["body"]
    with suppress(requests.RequestException):  # expect: PD117
        r = requests.post("https://analytics.example.com/track", json=event, timeout=5)
        r.raise_for_status()
    return {"tracked": event.get("name")}
