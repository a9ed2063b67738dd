import json
from json import dumps

import httpx
import requests


def imported_name(url, obj):
    r = requests.put(url, json=dumps(obj), timeout=5)  # expect: PD111
    r.raise_for_status()


def session_with_kwargs(url, obj):
    s = requests.Session()
    r = s.post(url, json=json.dumps(obj, default=str), timeout=5)  # expect: PD111
    r.raise_for_status()


def fine(url, text, event):
    a = requests.post(url, json=json.loads(text), timeout=5)  # ok: PD111
    b = requests.post(url, json={"raw": json.dumps(event)}, timeout=5)  # ok: PD111
    for r in (a, b):
        r.raise_for_status()


def other_client(url, obj):
    with httpx.Client() as client:
        r = client.post(url, json=json.dumps(obj))  # ok: PD111 (not requests)
        r.raise_for_status()


def via_request(url, obj):
    payload = json.dumps(obj)
    r = requests.request("POST", url, json=payload, timeout=5)  # expect: PD111
    r.raise_for_status()
