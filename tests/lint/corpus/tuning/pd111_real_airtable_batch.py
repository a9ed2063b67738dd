import json
import os

import requests

BASE = os.environ["AIRTABLE_BASE"]
URL = f"https://api.airtable.com/v0/{BASE}/Contacts"
HEADERS = {"Authorization": f"Bearer {os.environ['AIRTABLE_TOKEN']}", "Content-Type": "application/json"}


def update(records):
    for i in range(0, len(records), 10):
        batch = {"records": records[i:i + 10], "typecast": True}
        r = requests.patch(URL, headers=HEADERS, data=json.dumps(batch), timeout=30)  # expect: PD103
        r.raise_for_status()


def create(rows):
    r = requests.post(URL, headers=HEADERS, json={"records": [{"fields": row} for row in rows]}, timeout=30)  # ok: PD111
    r.raise_for_status()
    return [rec["id"] for rec in r.json()["records"]]


def handler(pd: "pipedream"):
    rows = pd.steps["transform"]["$return_value"]
    ids = create([r for r in rows if not r.get("id")])
    update([{"id": r["id"], "fields": r["fields"]} for r in rows if r.get("id")])
    return ids
