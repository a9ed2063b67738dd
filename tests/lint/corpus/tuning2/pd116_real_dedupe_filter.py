import requests


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    if event.get("type") != "invoice.paid":
        pd.flow.exit("not a paid invoice")
        return
    seen = pd.inputs["data_store"]
    if seen.get(event["id"]):
        pd.flow.exit(f"duplicate {event['id']}")  # expect: PD116
    seen[event["id"]] = True
    r = requests.post(pd.inputs["erp_url"], json={"invoice": event["id"]}, timeout=20)
    r.raise_for_status()
    return r.json()
