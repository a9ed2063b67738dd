# PD102 shapes from issue 15: walrus checks, a status held in a name, tuple and conditional binds,
# and a response that is only logged.
import logging

import requests

log = logging.getLogger(__name__)


def walrus_ok(url):
    if (r := requests.get(url, timeout=5)).ok:  # ok: PD102
        return r.json()
    return None


def walrus_in_comprehension(session, urls):
    return [r.json() for u in urls if (r := session.get(u, timeout=10)).ok]  # ok: PD102


def status_in_a_name(url):
    r = requests.get(url, timeout=5)  # ok: PD102
    status = r.status_code
    if status >= 400:
        raise RuntimeError(f"upstream said {status}")
    return r.json()


def two_at_once(x, y):
    a, b = requests.get(x, timeout=5), requests.get(y, timeout=5)  # expect: PD102, PD102
    return a.json(), b.json()


def maybe(url, enabled):
    r = requests.get(url, timeout=5) if enabled else None  # expect: PD102
    if r is None:
        return {}
    return r.json()


def only_logged(url, payload):
    r = requests.post(url, json=payload, timeout=5)  # expect: PD102
    log.info("posted: %s", r)


def only_printed(url):
    r = requests.delete(url, timeout=5)  # expect: PD102
    print(f"deleted -> {r}")
