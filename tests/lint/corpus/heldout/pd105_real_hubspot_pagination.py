import requests


def handler(pd: "pipedream"):
    token = pd.inputs["hubspot"]["$auth"]["oauth_access_token"]
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}"})

    contacts, after = [], None
    while True:
        params = {"limit": 100, "properties": "email,firstname,lastname"}
        if after:
            params["after"] = after
        page = session.get("https://api.hubapi.com/crm/v3/objects/contacts", params=params)  # expect: PD105
        page.raise_for_status()
        data = page.json()
        contacts.extend(data["results"])
        after = data.get("paging", {}).get("next", {}).get("after")
        if not after:
            break

    return [c["properties"]["email"] for c in contacts if c["properties"].get("email")]
