import json

import requests


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    payload = json.dumps({"order": event["body"]["id"], "total": event["body"]["total"]})
    hook = pd.inputs["target_webhook"]
    out = requests.post(hook, data=payload, headers={"Content-Type": "application/json"}, timeout=15)  # expect: PD103
    out.raise_for_status()
    form = {"order_id": event["body"]["id"], "lines": [{"sku": l["sku"], "qty": l["qty"]} for l in event["body"]["lines"]]}
    legacy = requests.post(pd.inputs["legacy_url"], data=form, timeout=15)  # expect: PD103
    legacy.raise_for_status()
    return {"ok": True}
