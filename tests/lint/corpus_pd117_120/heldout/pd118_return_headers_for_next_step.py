import requests


def handler(pd: "pipedream"):
    headers = {
        "Authorization": f"Bearer {pd.inputs['hubspot']['$auth']['oauth_access_token']}",
        "Content-Type": "application/json",
    }
    r = requests.get("https://api.hubapi.com/crm/v3/objects/contacts", headers=headers, timeout=10)
    r.raise_for_status()
    contacts = r.json()["results"]
    return {"headers": headers, "count": len(contacts)}  # expect: PD118
