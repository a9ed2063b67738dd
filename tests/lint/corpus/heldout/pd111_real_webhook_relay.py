import json
from datetime import datetime

import requests


def relay(target, event):
    envelope = {"received_at": datetime.utcnow().isoformat(), "event": event}
    body = json.dumps(envelope, default=str)
    resp = requests.post(target, json=body, timeout=10)  # expect: PD111
    resp.raise_for_status()
    return resp.status_code


def handler(pd: "pipedream"):
    return relay(pd.inputs["target_url"], pd.steps["trigger"]["event"])
