import urllib.request

import httpx
import requests
import requests as rq
from requests import post as send

NO_LIMIT = None


def via_alias(url):
    r = rq.request("PATCH", url, json={"a": 1})  # expect: PD105
    r.raise_for_status()


def via_imported_function(url, body):
    r = send(url, json=body)  # expect: PD105
    r.raise_for_status()


def via_with_session(url):
    with requests.Session() as s:
        r = s.put(url, data=b"x")  # expect: PD105
        r.raise_for_status()


def explicit_none(url):
    r = requests.options(url, timeout=None)  # expect: PD105
    r.raise_for_status()


def none_through_a_name(url):
    r = requests.head(url, timeout=NO_LIMIT)  # expect: PD105
    r.raise_for_status()


def fine(url, cfg, opts):
    a = requests.get(url, timeout=(3.05, 27))  # ok: PD105
    b = requests.get(url, timeout=cfg["timeout"])  # ok: PD105
    c = requests.get(url, **opts)  # ok: PD105
    for resp in (a, b, c):
        resp.raise_for_status()


def other_clients(url):
    h = httpx.get(url)  # ok: PD105 (httpx has a default timeout; not requests)
    h.raise_for_status()
    with urllib.request.urlopen(url) as u:  # ok: PD105 (not requests)
        return u.read()
