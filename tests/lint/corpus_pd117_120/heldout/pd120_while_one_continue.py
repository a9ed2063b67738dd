import time

import requests


def handler(pd: "pipedream"):
    doc = pd.steps["trigger"]["event"]["body"]
    while 1:  # expect: PD120
        r = requests.post("https://search.example.io/indexes/docs/documents", json=[doc], timeout=10)
        if r.status_code >= 500:
            time.sleep(5)
            continue
        r.raise_for_status()
        return r.json()["taskUid"]
