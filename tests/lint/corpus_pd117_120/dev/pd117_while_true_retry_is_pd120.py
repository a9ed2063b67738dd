import time

import requests


def handler(pd: "pipedream"):
    while True:  # expect: PD120
        try:
            r = requests.get("https://queue.example.com/api/next", timeout=10)
            r.raise_for_status()
            return r.json()
        except Exception as e:
            print("queue not reachable", e)
            time.sleep(5)
