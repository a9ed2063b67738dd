import json

import requests


def handler(pd: "pipedream"):
    answers = pd.steps["trigger"]["event"]["form_response"]["answers"]
    record = {a["field"]["ref"]: a.get("text") or a.get("email") for a in answers}
    encoded = json.dumps({"fields": record})
    r = requests.post("https://api.airtable.com/v0/appX1/Leads", headers={"Authorization": f"Bearer {pd.inputs['airtable_token']}", "Content-Type": "application/json"}, data=encoded, timeout=20)  # expect: PD103
    r.raise_for_status()
    return r.json()["id"]
