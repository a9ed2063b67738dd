import time

import requests


def handler(pd: "pipedream"):
    job = requests.post(
        "https://render.example.com/api/jobs",
        json={"template": "invoice", "data": pd.steps["trigger"]["event"]["body"]},
        timeout=10,
    )
    job.raise_for_status()
    status_url = job.json()["status_url"]
    while True:  # expect: PD120
        r = requests.get(status_url, timeout=10)
        r.raise_for_status()
        if r.json()["status"] == "completed":
            break
        time.sleep(5)
    return r.json()["file_url"]
