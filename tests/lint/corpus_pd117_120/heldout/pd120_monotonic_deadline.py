import time

import requests


def handler(pd: "pipedream"):
    export_id = pd.steps["start_export"]["$return_value"]["id"]
    deadline = time.monotonic() + 50
    while time.monotonic() < deadline:
        r = requests.get(f"https://bi.example.com/api/exports/{export_id}", timeout=10)
        r.raise_for_status()
        if r.json()["state"] == "ready":
            return r.json()["download_url"]
        time.sleep(3)
    return pd.flow.rerun(30_000, None, 10)
