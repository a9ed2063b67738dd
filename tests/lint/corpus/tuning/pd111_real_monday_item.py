import json
import os

import requests

MONDAY = "https://api.monday.com/v2"
CREATE = """
mutation ($board: ID!, $name: String!, $values: JSON!) {
  create_item (board_id: $board, item_name: $name, column_values: $values) { id }
}
"""


def handler(pd: "pipedream"):
    lead = pd.steps["trigger"]["event"]["body"]
    values = {"email": {"email": lead["email"], "text": lead["email"]}, "status": {"label": "New"}}
    body = {
        "query": CREATE,
        "variables": {"board": os.environ["LEADS_BOARD"], "name": lead["name"], "values": json.dumps(values)},  # ok: PD111 (a field that holds JSON text)
    }
    r = requests.post(
        MONDAY,
        json=json.dumps(body),  # expect: PD111
        headers={"Authorization": os.environ["MONDAY_TOKEN"], "API-Version": "2024-01"},
        timeout=20,
    )
    r.raise_for_status()
    return r.json()
