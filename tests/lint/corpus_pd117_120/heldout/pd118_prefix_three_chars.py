import requests


def handler(pd: "pipedream"):
    api_key = pd.inputs["airtable"]["$auth"]["api_key"]
    print(f"key: {api_key[:3]}***")
    r = requests.get(
        "https://api.airtable.example/v0/appX/Tasks",
        headers={"Authorization": f"Bearer {api_key}"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["records"]
