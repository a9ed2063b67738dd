import json as j
from json import dumps as to_json

import requests

JSONAPI = {"content-type": "application/vnd.api+json; charset=utf-8"}


def alias_module(url, obj):
    r = requests.post(url, data=j.dumps(obj), timeout=5)  # expect: PD103
    r.raise_for_status()


def alias_function(url, obj):
    r = requests.put(url, data=to_json(obj), timeout=5)  # expect: PD103
    r.raise_for_status()


def dict_with_json_type(url, name):
    body = {"data": "x", "name": name}
    r = requests.patch(url, data=body, headers=JSONAPI, timeout=5)  # expect: PD103
    r.raise_for_status()


def upper_case_header(url):
    r = requests.post(url, data={"a": 1}, headers={"CONTENT-TYPE": "Application/JSON"}, timeout=5)  # expect: PD103
    r.raise_for_status()


def encoded_elsewhere(url, encoded):
    # the string was built by the caller: not this scope's json.dumps
    r = requests.post(url, data=encoded, headers={"Content-Type": "application/json"}, timeout=5)  # ok: PD103
    r.raise_for_status()


def form_on_purpose(url, user):
    form = {"username": user, "remember": "1"}
    r = requests.post(url, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=5)  # ok: PD103
    r.raise_for_status()


def not_requests(cache, key, obj):
    cache.set(key, j.dumps(obj))  # ok: PD103 (not a request)


def raw_bytes(url):
    r = requests.post(url, data=b"\x00\x01", headers={"Content-Type": "application/octet-stream"}, timeout=5)  # ok: PD103
    r.raise_for_status()
