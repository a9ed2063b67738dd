import requests


def handler(pd: "pipedream"):
    base_id = pd.inputs["base_id"]
    table = pd.inputs["table"]
    token = pd.inputs["airtable"]["$auth"]["oauth_access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    records = []
    offset = None
    for _ in range(20):
        params = {"pageSize": 100}
        if offset:
            params["offset"] = offset
        resp = requests.get(f"https://api.airtable.com/v0/{base_id}/{table}", headers=headers, params=params, timeout=20)  # expect: PD102
        page = resp.json()
        records.extend(page.get("records", []))
        offset = page.get("offset")
        if not offset:
            break
    return records
