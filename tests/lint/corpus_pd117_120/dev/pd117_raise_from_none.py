import requests


def handler(pd: "pipedream"):
    try:
        r = requests.get("https://geo.example.com/v1/ip", params={"ip": pd.steps["trigger"]["event"]["client_ip"]}, timeout=5)
        r.raise_for_status()
    except requests.exceptions.HTTPError as err:
        raise ValueError(f"geo lookup failed with {err.response.status_code}") from None
    return r.json()["country"]
