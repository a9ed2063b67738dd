import time

import requests


def handler(pd: "pipedream"):
    s = requests.Session()
    s.headers["x-api-key"] = pd.inputs["scraper"]["$auth"]["api_key"]
    job = s.post("https://scrape.example.io/v1/jobs", json={"url": pd.steps["trigger"]["event"]["body"]["url"]}, timeout=10).json()
    while job["status"] in ("queued", "running"):  # expect: PD120
        time.sleep(4)
        job = s.get(f"https://scrape.example.io/v1/jobs/{job['id']}", timeout=10).json()
    return job["result"]
