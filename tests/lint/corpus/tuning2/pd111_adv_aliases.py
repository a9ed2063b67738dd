from json import dumps as to_json

import requests as http


def push(url, record):
    s = http.Session()
    r = s.put(url, json=to_json(record), timeout=10)  # expect: PD111
    r.raise_for_status()
    return r.status_code


def handler(pd: "pipedream"):
    return push(pd.inputs["url"], {"k": pd.inputs["v"]})
