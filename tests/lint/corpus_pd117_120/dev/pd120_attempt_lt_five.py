import time

import requests


def handler(pd: "pipedream"):
    attempt = 0
    r = None
    while attempt < 5:
        attempt += 1
        r = requests.get("https://api.example.com/v1/ready", timeout=5)
        if r.ok:
            break
        time.sleep(attempt)
    return {"ready": bool(r and r.ok), "attempts": attempt}
