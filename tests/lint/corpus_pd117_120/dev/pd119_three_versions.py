import requests


def handler(pd: "pipedream"):
    return {"version": 1}


def handler(pd: "pipedream"):  # expect: PD119
    return {"version": 2}


def handler(pd: "pipedream"):  # expect: PD119
    r = requests.get("https://api.example.com/v1/version", timeout=5)
    r.raise_for_status()
    return r.json()
