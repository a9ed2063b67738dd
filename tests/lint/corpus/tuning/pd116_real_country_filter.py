import requests


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    country = (event.get("headers", {}).get("cf-ipcountry") or "").upper()
    if country != "US":
        pd.flow.exit(f"ignoring request from {country or 'unknown'}")  # expect: PD116

    token = pd.inputs["segment"]["$auth"]["write_key"]
    r = requests.post(
        "https://api.segment.io/v1/track",
        auth=(token, ""),
        json={"userId": event["body"]["user_id"], "event": "Signed Up"},
        timeout=10,
    )
    r.raise_for_status()
    return {"tracked": True}
