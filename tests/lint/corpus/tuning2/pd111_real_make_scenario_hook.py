import json

import requests


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    body = json.dumps({"id": event["id"], "email": event["email"]})
    r = requests.post(pd.inputs["make_hook"], json=body, timeout=15)  # expect: PD111
    r.raise_for_status()
    audit = requests.post(pd.inputs["audit_url"], json={"raw": json.dumps(event), "source": "pipedream"}, timeout=15)
    audit.raise_for_status()
    return {"sent": True}
