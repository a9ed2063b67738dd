import time

import requests


def check(batch_id):
    r = requests.get(f"https://mail.example.com/v1/batches/{batch_id}", timeout=10)
    r.raise_for_status()
    return r.json()["status"]


def handler(pd: "pipedream"):
    batch = pd.steps["send"]["$return_value"]["batch_id"]
    status = check(batch)
    while status != "complete":  # expect: PD120
        time.sleep(10)
        status = check(batch)
    return {"batch": batch}
