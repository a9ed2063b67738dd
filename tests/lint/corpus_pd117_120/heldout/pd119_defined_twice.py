import requests


def handler(pd: "pipedream"):
    return requests.get("https://api.example.com/v1/ping", timeout=5).json()


def handler(pd: "pipedream"):  # expect: PD119
    r = requests.get("https://api.example.com/v1/items", timeout=10)
    r.raise_for_status()
    return r.json()["items"]
