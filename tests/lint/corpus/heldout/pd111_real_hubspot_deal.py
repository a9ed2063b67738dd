import json
import requests

def handler(pd: "pipedream"):
  token = pd.inputs["hubspot"]["$auth"]["oauth_access_token"]
  deal_id = pd.steps["find_deal"]["$return_value"]["id"]
  properties = {"properties": {"dealstage": "closedwon", "amount": str(pd.inputs["amount"])}}

  r = requests.patch(
    f"https://api.hubapi.com/crm/v3/objects/deals/{deal_id}",
    headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    json=json.dumps(properties),  # expect: PD111
    timeout=20,
  )
  r.raise_for_status()
  return r.json()
