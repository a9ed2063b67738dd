import json

import requests


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    s = requests.Session()
    s.headers.update({"X-Bridge": "pipedream"})
    r = s.post(pd.inputs["n8n_url"], json=json.dumps(event, default=str), timeout=20)  # expect: PD111
    r.raise_for_status()
    echo = s.post(pd.inputs["echo_url"], json=json.loads(json.dumps(event, default=str)), timeout=20)
    echo.raise_for_status()
    return r.json(), echo.json()
