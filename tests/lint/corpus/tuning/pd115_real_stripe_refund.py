import requests

def handler(pd: "pipedream"):
  secret = pd.inputs["stripe"]["$auth"]["api_key"]
  charge = pd.steps["trigger"]["event"]["body"]["charge_id"]

  refund = requests.post(
    "https://api.stripe.com/v1/refunds",
    auth=(secret, ""),
    data={"charge": charge, "reason": "requested_by_customer"},  # expect: PD115
    timeout=30,
  )
  refund.raise_for_status()

  note = requests.post(
    f"https://api.stripe.com/v1/charges/{charge}",
    auth=(secret, ""),
    data={"metadata[refunded_by]": "pipedream"},  # expect: PD115
    timeout=30,
  )
  note.raise_for_status()
  return refund.json()["id"]
