import json

import requests

import cred

BOARD_ID = "7198467067"

url = "https://api.monday.com/v2"
headers = {"Authorization": cred.API_TOKEN, "Content-Type": "application/json"}

column_values = {
    "text_1__1": "H-184",
    "status": {"label": "Completed"},
    "date_column": "2024-08-12",
}
item_name = "Botanical Garden Brochure"

# expect-next-line: PD114
query = """
mutation {
  create_item (
    board_id: %s,
    item_name: "%s",
    column_values: %s
  ) { id }
}
""" % (BOARD_ID, item_name, json.dumps(json.dumps(column_values)))

response = requests.post(url, headers=headers, json={"query": query})  # expect: PD102, PD105
print(response.json())
