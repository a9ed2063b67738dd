import os

import requests


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    try:
        amount = float(event["body"]["amount"])
    except (KeyError, ValueError):
        amount = 0.0
    r = requests.post(
        "https://ledger.example.com/api/entries",
        json={"amount": amount, "ref": event["body"].get("ref")},
        headers={"X-Api-Key": os.environ["LEDGER_API_KEY"]},
        timeout=20,
    )
    r.raise_for_status()
    return r.json()
