import itertools
import time

import requests


def handler(pd: "pipedream"):
    for attempt in itertools.count(1):  # expect: PD120
        r = requests.post("https://api.example.com/v1/locks", json={"name": "nightly"}, timeout=10)
        if r.status_code != 409:
            break
        time.sleep(attempt)
    r.raise_for_status()
    return r.json()["lock_id"]
