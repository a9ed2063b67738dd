import logging

import requests

log = logging.getLogger(__name__)


def handler(pd: "pipedream"):
    token = pd.inputs["hubspot"]["$auth"]["oauth_access_token"]
    email = pd.steps["trigger"]["event"]["email"]
    contact = {"properties": {"email": email, "lifecyclestage": "lead"}}
    r = requests.post("https://api.hubapi.com/crm/v3/objects/contacts", json=contact, headers={"Authorization": f"Bearer {token}"}, timeout=20)  # expect: PD102
    log.info("hubspot answered %s", r)
    print(f"created contact for {email}: {r}")
    return r.json().get("id")
