from urllib.parse import urlencode

import requests

PAGE_SIZE = 50
API = "https://api.example.com/v1"


def augmented(q):
    url = API + "/search"
    url += "?q=" + q  # expect: PD113
    r = requests.get(url, timeout=5)
    r.raise_for_status()


def percent(item_id):
    r = requests.get("https://api.example.com/v1/items?id=%s" % item_id, timeout=5)  # expect: PD113
    r.raise_for_status()


def dot_format(q, page):
    url = "https://api.example.com/v1/search?q={}&page={}".format(q, page)  # expect: PD113
    r = requests.request("GET", url=url, timeout=5)
    r.raise_for_status()


def session_call(session_token, cursor):
    s = requests.Session()
    r = s.get(f"{API}/events?cursor={cursor}", headers={"Authorization": session_token}, timeout=5)  # expect: PD113
    r.raise_for_status()


def fine(params, user):
    a = requests.get(f"{API}/search?{urlencode(params)}", timeout=5)  # ok: PD113 (encoded query)
    b = requests.get(f"{API}/items?limit={PAGE_SIZE}&sort=asc", timeout=5)  # ok: PD113 (constant)
    c = requests.get(f"{API}/users/{user}/items?sort=asc&limit=50", timeout=5)  # ok: PD113 (path only)
    message = "retrying " + API + "/search?q=" + user  # ok: PD113 (never a request URL)
    print(message)
    for r in (a, b, c):
        r.raise_for_status()
