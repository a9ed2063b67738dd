import requests


def maybe_profile(pd):
    uid = pd.inputs.get("user_id")
    r = requests.get(f"https://api.example.com/users/{uid}", timeout=5) if uid else None  # expect: PD102
    return r.json() if r is not None else {}


def healthy_hosts(pd):
    session = requests.Session()
    urls = pd.inputs["health_urls"]
    return [r.json() for u in urls if (r := session.get(u, timeout=10)).ok]  # ok: PD102 (walrus test in the comprehension)


def fetch_all(urls):
    return [requests.get(u, timeout=10) for u in urls]  # ok: PD102 (returned to the caller)


def first_ok(urls):
    for u in urls:
        reply = requests.head(u, timeout=3)
        if reply.status_code == 200:
            return u
    return None
