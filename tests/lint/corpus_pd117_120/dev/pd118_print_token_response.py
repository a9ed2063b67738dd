import requests


def handler(pd: "pipedream"):
    app = pd.inputs["zoho"]["$auth"]
    r = requests.post(
        "https://accounts.zoho.example/oauth/v2/token",
        params={
            "grant_type": "refresh_token",
            "refresh_token": app["refresh_token"],
            "client_id": app["client_id"],
            "client_secret": app["client_secret"],
        },
        timeout=10,
    )
    r.raise_for_status()
    print(r.json())  # expect: PD118
    return {"expires_in": r.json()["expires_in"]}
