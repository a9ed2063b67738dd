import requests


def handler(pd, *args, **kwargs):
    r = requests.get("https://api.example.com/v1/health", timeout=5)
    r.raise_for_status()
    return {"healthy": r.json()["ok"], "extra": len(args) + len(kwargs)}
