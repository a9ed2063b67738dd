import json
import os

import requests

SUBDOMAIN = "acme-support"


def handler(pd: "pipedream"):
    form = pd.steps["trigger"]["event"]["body"]
    ticket = {
        "ticket": {
            "subject": form["subject"],
            "comment": {"body": form["message"]},
            "requester": {"name": form["name"], "email": form["email"]},
            "tags": ["web_form"],
        }
    }
    email = os.environ["ZENDESK_EMAIL"]
    r = requests.post(
        f"https://{SUBDOMAIN}.zendesk.com/api/v2/tickets.json",
        data=json.dumps(ticket),  # expect: PD103
        headers={"Content-Type": "application/json"},
        auth=(f"{email}/token", os.environ["ZENDESK_TOKEN"]),
        timeout=20,
    )
    if r.status_code != 201:
        raise Exception(f"Zendesk error {r.status_code}: {r.text}")
    return r.json()["ticket"]["id"]
