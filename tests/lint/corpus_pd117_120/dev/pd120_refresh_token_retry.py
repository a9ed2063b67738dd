import requests


def refresh(pd):
    data = pd.inputs["data_store"]
    r = requests.post("https://auth.example.com/oauth/token", data={"grant_type": "refresh_token", "refresh_token": data["refresh"]}, timeout=10)
    r.raise_for_status()
    data["access"] = r.json()["access_token"]
    return data["access"]


def handler(pd: "pipedream"):
    token = pd.inputs["data_store"]["access"]
    while True:  # expect: PD120
        r = requests.get("https://api.example.com/v1/reports", headers={"Authorization": f"Bearer {token}"}, timeout=10)
        if r.status_code == 401:
            token = refresh(pd)
            continue
        r.raise_for_status()
        return r.json()
