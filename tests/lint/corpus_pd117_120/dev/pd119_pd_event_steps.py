import requests


def handler(pd, event, steps):  # expect: PD119
    r = requests.post("https://api.example.com/v1/notify", json={"event": event}, timeout=10)
    r.raise_for_status()
    return steps
