import time

import requests


def requests_get(url, depth=10):
    for _ in range(depth):
        res = requests.get(url, timeout=10)
        if res.status_code != 500:
            return res
        time.sleep(1)
    raise RuntimeError(f"Failed to get data from the server for {url}")
