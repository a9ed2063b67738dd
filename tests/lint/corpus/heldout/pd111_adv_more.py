import json as js

import requests


def module_alias(url, obj):
    r = requests.post(url, json=js.dumps(obj, indent=2), timeout=5)  # expect: PD111
    r.raise_for_status()


def session_put(url, obj):
    with requests.Session() as s:
        encoded = js.dumps(obj)
        r = s.put(url, json=encoded, timeout=5)  # expect: PD111
        r.raise_for_status()


def list_of_json_strings(url, a, b):
    r = requests.post(url, json=[js.dumps(a), js.dumps(b)], timeout=5)  # ok: PD111
    r.raise_for_status()


def rebound_before_use(url, obj):
    body = js.dumps(obj)
    body = js.loads(body)
    r = requests.post(url, json=body, timeout=5)  # ok: PD111 (an object again)
    r.raise_for_status()
