import os

import requests


def handler(pd: "pipedream"):
    subdomain = pd.inputs["zendesk"]["$auth"]["subdomain"]
    channel = os.environ.get("SLACK_CHANNEL")
    print(f"Zendesk account {subdomain}, posting to {channel}")
    r = requests.get(
        f"https://{subdomain}.zendesk.example/api/v2/tickets/recent.json",
        headers={"Authorization": f"Bearer {pd.inputs['zendesk']['$auth']['oauth_access_token']}"},
        timeout=10,
    )
    r.raise_for_status()
    return {"subdomain": subdomain, "tickets": len(r.json()["tickets"])}
