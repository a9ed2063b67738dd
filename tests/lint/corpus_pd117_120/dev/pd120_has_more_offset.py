import requests


def handler(pd: "pipedream"):
    key = pd.inputs["crm"]["$auth"]["api_key"]
    offset, limit, has_more = 0, 100, True
    deals = []
    while has_more:
        r = requests.get(
            "https://crm.example.com/v1/deals",
            params={"start": offset, "limit": limit, "api_token": key},
            timeout=10,
        )
        r.raise_for_status()
        body = r.json()
        deals.extend(body["data"] or [])
        has_more = body["additional_data"]["pagination"]["more_items_in_collection"]
        offset += limit
    return deals
