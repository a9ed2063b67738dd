import time

import requests


def handler(pd: "pipedream"):
    start = time.time()
    while True:
        r = requests.get("https://builds.example.dev/api/builds/latest", timeout=10)
        r.raise_for_status()
        if r.json()["finished"]:
            return r.json()["result"]
        elapsed = time.time() - start
        if elapsed > 25:
            return pd.flow.exit("build still running after 25 s")
        time.sleep(5)
