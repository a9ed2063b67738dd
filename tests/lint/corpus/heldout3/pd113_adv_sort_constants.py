import requests

ORDER = "desc"
BASE = "https://api.example.com/v1/events"


def recent(pd):
    r = requests.get(f"{BASE}?order={ORDER}&limit=25", timeout=10)
    r.raise_for_status()
    return r.json()


def since(pd):
    r = requests.get(BASE + "?since=" + pd.inputs["since"], timeout=10)  # expect: PD113
    r.raise_for_status()
    return r.json()


def filtered(pd):
    r = requests.get(BASE, params={"type": pd.inputs["type"], "order": ORDER}, timeout=10)
    r.raise_for_status()
    return r.json()
