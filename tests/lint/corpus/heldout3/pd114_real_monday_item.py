import json

import requests


def handler(pd: "pipedream"):
    board = pd.inputs["board_id"]
    name = pd.steps["trigger"]["event"]["subject"]
    values = json.dumps({"status": {"label": "New"}})
    mutation = 'mutation { create_item (board_id: %s, item_name: "%s", column_values: %s) { id } }' % (board, name, json.dumps(values))  # expect: PD114
    r = requests.post("https://api.monday.com/v2", json={"query": mutation}, headers={"Authorization": pd.inputs["monday_token"]}, timeout=20)
    r.raise_for_status()
    return r.json()["data"]["create_item"]["id"]
