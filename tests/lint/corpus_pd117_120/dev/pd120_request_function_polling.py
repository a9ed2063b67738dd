import time

import requests


def handler(pd: "pipedream"):
    task = pd.steps["start"]["$return_value"]["task_id"]
    while True:  # expect: PD120
        r = requests.request("GET", f"https://ocr.example.com/v1/tasks/{task}", timeout=10)
        r.raise_for_status()
        if r.json()["status"] in {"succeeded", "failed"}:
            return r.json()
        time.sleep(2)
