from urllib.parse import urlencode

import requests


def by_path(user):
    r = requests.get(f"https://api.github.com/users/{user}/repos?per_page=100&sort=updated", timeout=10)  # ok: PD113 (only the path)
    r.raise_for_status()
    return r.json()


def pre_encoded(params):
    r = requests.get(f"https://api.example.com/search?{urlencode(params)}", timeout=10)  # ok: PD113 (whole encoded query)
    r.raise_for_status()
    return r.json()


def proper(q):
    r = requests.get("https://api.example.com/search", params={"q": q, "limit": 20}, timeout=10)
    r.raise_for_status()
    return r.json()


def percent_style(q):
    r = requests.get("https://api.example.com/search?q=%s&lang=en" % q, timeout=10)  # expect: PD113
    r.raise_for_status()
    return r.json()
