import time

import requests


def handler(pd: "pipedream"):
    run_url = pd.steps["start_run"]["$return_value"]["url"]
    status = requests.get(run_url, timeout=10).json()["status"]
    while status != "SUCCEEDED":  # expect: PD120
        time.sleep(3)
        status = requests.get(run_url, timeout=10).json()["status"]
    return {"run": run_url, "status": status}
