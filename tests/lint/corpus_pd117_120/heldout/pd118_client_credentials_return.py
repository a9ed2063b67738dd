import requests

TOKEN_URL = "https://login.example-erp.com/oauth2/token"


def handler(pd: "pipedream"):
    creds = pd.inputs["erp"]["$auth"]
    r = requests.post(
        TOKEN_URL,
        data={
            "grant_type": "client_credentials",
            "client_id": creds["client_id"],
            "client_secret": creds["client_secret"],
        },
        timeout=15,
    )
    r.raise_for_status()
    token = r.json()["access_token"]
    return token  # expect: PD118
