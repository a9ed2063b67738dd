import requests


def handler(pd, options=None):
    options = options or {"limit": 20}
    r = requests.get("https://api.example.com/v1/posts", params=options, timeout=10)
    r.raise_for_status()
    return r.json()
