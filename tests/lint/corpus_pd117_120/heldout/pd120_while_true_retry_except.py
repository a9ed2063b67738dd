import time

import requests


def handler(pd: "pipedream"):
    session = requests.Session()
    while True:  # expect: PD120
        try:
            resp = session.get("https://feeds.example.net/latest.json", timeout=10)
            resp.raise_for_status()
            break
        except requests.exceptions.RequestException as e:
            print(f"feed not ready: {e}")
            time.sleep(3)
    return resp.json()["entries"]
