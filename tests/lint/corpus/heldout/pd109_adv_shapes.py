import os

import requests

LEGACY = "http://erp.legacy.example.com"
PUBLIC_FEED = "http://feeds.example.org/rss/latest.xml"


def constant_base(order_filter):
    r = requests.get(f"{LEGACY}/orders", params=order_filter, auth=("erp", os.environ["ERP_PW"]), timeout=20)  # expect: PD109
    r.raise_for_status()


def session_level_auth():
    s = requests.Session()
    s.auth = (os.environ["ERP_USER"], os.environ["ERP_PW"])
    r = s.get("http://erp.legacy.example.com/api/stock", timeout=20)  # expect: PD109
    r.raise_for_status()


def session_level_header():
    s = requests.Session()
    s.headers["Authorization"] = "Bearer " + os.environ["ERP_TOKEN"]
    r = s.get("http://erp.legacy.example.com/api/prices", timeout=20)  # expect: PD109
    r.raise_for_status()


def header_added_later(url_id):
    headers = {"Accept": "application/json"}
    headers["X-API-Key"] = os.environ["INV_KEY"]
    r = requests.get("http://inventory.example.net/items/" + url_id, headers=headers, timeout=20)  # expect: PD109
    r.raise_for_status()


def key_in_params():
    r = requests.get("http://geo.example.net/lookup", params={"api_key": os.environ["GEO_KEY"], "q": "Porto"}, timeout=20)  # expect: PD109
    r.raise_for_status()


def password_in_body(user):
    r = requests.post("http://auth.example.net/login", json={"user": user, "password": os.environ["PW"]}, timeout=20)  # expect: PD109
    r.raise_for_status()


def harmless():
    feed = requests.get(PUBLIC_FEED, timeout=20)  # ok: PD109 (no credentials)
    feed.raise_for_status()
    a = requests.get("http://127.0.0.1:5000/admin", auth=("admin", os.environ["PW"]), timeout=5)  # ok: PD109
    b = requests.get("http://[::1]:8080/metrics", headers={"Authorization": os.environ["T"]}, timeout=5)  # ok: PD109
    c = requests.get("http://grafana.localhost/api/health", auth=("u", os.environ["PW"]), timeout=5)  # ok: PD109
    d = requests.get("https://api.example.net/v1/me", auth=("u", os.environ["PW"]), proxies={"http": "http://proxy.example.net:3128"}, timeout=5)  # ok: PD109
    for resp in (a, b, c, d):
        resp.raise_for_status()


def host_not_written(host):
    r = requests.get(f"http://{host}/status", auth=("u", os.environ["PW"]), timeout=5)  # ok: PD109 (host unknown)
    r.raise_for_status()
