import time

import requests

API = "https://transcribe.example.ai/v1"


def job_state(job_id):
    r = requests.get(f"{API}/jobs/{job_id}", timeout=10)
    r.raise_for_status()
    return r.json()["state"]


def handler(pd: "pipedream"):
    job_id = pd.steps["submit"]["$return_value"]["job_id"]
    while True:  # expect: PD120
        state = job_state(job_id)
        if state in ("done", "failed"):
            break
        time.sleep(2)
    return {"job": job_id, "state": state}
