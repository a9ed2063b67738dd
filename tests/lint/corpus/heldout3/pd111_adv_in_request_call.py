import json

import requests


def handler(pd: "pipedream"):
    payload = {"ids": pd.inputs["ids"]}
    blob = json.dumps(payload)
    r = requests.request("PATCH", pd.inputs["url"], json=blob, timeout=20)  # expect: PD111
    r.raise_for_status()
    q = requests.post(pd.inputs["queue_url"], json={"message": json.dumps(payload)}, timeout=20)
    q.raise_for_status()
    return r.status_code, q.status_code
