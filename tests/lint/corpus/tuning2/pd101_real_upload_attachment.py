import json

import requests


def handler(pd: "pipedream"):
    path = pd.steps["download"]["$return_value"]["path"]
    token = pd.inputs["helpdesk_token"]
    r = requests.post("https://helpdesk.example.com/api/v2/uploads", params={"filename": "attachment.pdf"}, headers={"Authorization": f"Bearer {token}"}, files={"file": open(path, "rb")}, timeout=60)  # expect: PD101
    r.raise_for_status()
    meta = json.load(open("/tmp/meta.json"))  # expect: PD101
    log = open("/tmp/uploads.log", "a")  # expect: PD101
    log.write(json.dumps({"upload": r.json()["upload"]["token"], "meta": meta}) + "\n")
    log.close()
    return r.json()["upload"]["token"]
