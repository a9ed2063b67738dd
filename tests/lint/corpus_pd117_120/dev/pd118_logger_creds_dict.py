import logging

import requests

log = logging.getLogger("twilio-step")


def handler(pd: "pipedream"):
    creds = pd.inputs["twilio"]["$auth"]
    r = requests.post(
        f"https://api.twilio.example/2010-04-01/Accounts/{creds['account_sid']}/Messages.json",
        auth=(creds["account_sid"], creds["auth_token"]),
        data={"To": pd.steps["trigger"]["event"]["body"]["phone"], "From": "+15550100", "Body": "hi"},
        timeout=10,
    )
    if r.status_code >= 400:
        log.warning("twilio refused with creds %s: %s", creds, r.text)  # expect: PD118
    r.raise_for_status()
    return r.json()["sid"]
