"""A step as it is often first written: it works on the happy path and breaks in production.

`pdlint examples/` reports what is wrong here; `pdlint --fix --unsafe-fixes` repairs most of it.
"""
import json

import requests


def handler(pd: "pipedream"):
    contacts = pd.steps["fetch_contacts"]["$return_value"]
    if not contacts:
        pd.flow.exit("nothing to sync")

    headers = {"Content-Type": "application/json", "X-API-Key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc"}
    r = requests.post(
        "https://crm.example.com/api/contacts/bulk",
        headers=headers,
        data=json.dumps({"contacts": contacts}),
    )
    summary = r.json()

    log = open("/tmp/sync.log", "a")
    log.write(f"synced {len(contacts)} contacts\n")
    log.close()
    return summary
