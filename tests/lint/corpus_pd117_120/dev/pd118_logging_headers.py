import logging

import requests


def handler(pd: "pipedream"):
    headers = {
        "Authorization": f"Bearer {pd.inputs['asana']['$auth']['oauth_access_token']}",
        "Accept": "application/json",
    }
    logging.debug(f"request headers: {headers}")  # expect: PD118
    r = requests.get("https://app.asana.example/api/1.0/tasks", headers=headers, params={"assignee": "me"}, timeout=10)
    r.raise_for_status()
    return r.json()["data"]
