import requests


def handler(pd: "pipedream", event):  # expect: PD119
    r = requests.post("https://api.example.com/v1/events", json=event, timeout=10)
    r.raise_for_status()
    return r.json()
