import requests

BASE = "https://api.example.com/v2"
DEFAULT_SORT = "created"
PER_PAGE = 100


def next_page(page, tag):
    r = requests.get(f"{BASE}/posts?page={page + 1}&sort={DEFAULT_SORT}", timeout=5)  # expect: PD113
    r.raise_for_status()
    s = requests.get(f"{BASE}/tags?name={tag.lower()}", timeout=5)  # expect: PD113
    s.raise_for_status()
    return r.json(), s.json()


def constants_only():
    r = requests.get(f"{BASE}/posts?per_page={PER_PAGE}&sort={DEFAULT_SORT}", timeout=5)  # ok: PD113
    r.raise_for_status()
    return r.json()


def bound_first(user_id, since):
    endpoint = BASE + "/users/" + user_id + "/events?since=" + since  # expect: PD113
    r = requests.get(endpoint, timeout=5)
    r.raise_for_status()
    return r.json()


def per_item(ids):
    out = []
    for i in ids:
        r = requests.get(f"{BASE}/items?id={i}", timeout=5)  # expect: PD113
        r.raise_for_status()
        out.append(r.json())
    return out
