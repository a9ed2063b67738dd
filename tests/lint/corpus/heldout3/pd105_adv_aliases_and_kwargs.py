import requests as rq
from requests import post as send

TIMEOUT = None


def a(url):
    r = rq.get(url, timeout=TIMEOUT)  # expect: PD105
    r.raise_for_status()
    return r.json()


def b(url, payload):
    r = send(url, json=payload)  # expect: PD105
    r.raise_for_status()
    return r.json()


def c(url, **kwargs):
    r = rq.get(url, **kwargs)
    r.raise_for_status()
    return r.json()


def d(url):
    with rq.Session() as s:
        r = s.get(url, timeout=(3.05, 27))
        r.raise_for_status()
        return r.json()
