import time

import requests


def handler(pd: "pipedream"):
    body = pd.steps["trigger"]["event"]["body"]
    for attempt in range(5):
        r = requests.post("https://api.example-sms.com/v1/messages", json=body, timeout=10)
        if r.status_code != 503:
            break
        time.sleep(2 ** attempt)
    r.raise_for_status()
    return r.json()["sid"]
