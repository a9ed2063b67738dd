import requests


def handler(pd: "pipedream"):
    sub = pd.inputs["zendesk_subdomain"]
    auth = (f"{pd.inputs['zendesk_email']}/token", pd.inputs["zendesk_token"])
    response = requests.get(f"https://{sub}.zendesk.com/api/v2/tickets.json", auth=auth, timeout=30)
    if response.status_code != 200:
        pd.flow.exit(f"zendesk answered {response.status_code}")  # expect: PD116
    data = response.json()
    ids = [t["id"] for t in data["tickets"]]
    nxt = requests.get(data["next_page"], auth=auth, timeout=30) if data.get("next_page") else None  # expect: PD102
    if nxt is not None:
        ids += [t["id"] for t in nxt.json()["tickets"]]
    return ids
