import requests


def handler(pd: "pipedream"):
    creds = pd.inputs["mailgun"]["$auth"]
    r = requests.post(
        f"https://api.mailgun.example/v3/{creds['domain']}/messages",
        auth=("api", creds["api_key"]),
        data={"from": "bot@example.com", "to": "ops@example.com", "subject": "Daily", "text": "ok"},
        timeout=10,
    )
    r.raise_for_status()
    print("sent via", creds["domain"])
    return {"id": r.json()["id"]}
