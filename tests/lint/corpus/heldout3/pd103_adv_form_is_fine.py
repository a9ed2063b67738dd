import requests


def token(pd):
    r = requests.post(
        "https://login.example.com/oauth2/token",
        data={"grant_type": "client_credentials", "scope": "read"},
        auth=(pd.inputs["client_id"], pd.inputs["client_secret"]),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=20,
    )
    r.raise_for_status()
    return r.json()["access_token"]


def raw_csv(pd, text):
    r = requests.post("https://import.example.com/csv", data=text.encode("utf-8"), headers={"Content-Type": "text/csv"}, timeout=20)
    r.raise_for_status()


def nested(pd):
    r = requests.post("https://hooks.example.com/in", data={"user": {"id": 1, "name": pd.inputs["name"]}}, timeout=20)  # expect: PD103
    r.raise_for_status()
