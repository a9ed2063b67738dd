import requests


def call_crm(pd):
    headers = {"X-API-Key": "[Enter API KEY]"}  # expect: PD104
    r = requests.get("https://crm.example.com/api/leads", headers=headers, timeout=10)
    r.raise_for_status()
    return r.json()


def call_legacy(pd):
    s = requests.Session()
    s.auth = ("svc-reports", "Winter2024!")  # expect: PD104
    r = s.get("https://reports.example.com/api/daily", timeout=10)
    r.raise_for_status()
    return r.text


def call_oauth1(pd):
    headers = {"Authorization": f"OAuth {'oauth_consumer_key=ck_9f2b7c1d3e'}"}  # expect: PD104
    r = requests.get("https://api.example.com/v1/me", headers=headers, timeout=10)
    r.raise_for_status()
    return r.json()


def handler(pd: "pipedream"):
    if pd.inputs.get("api_key") == "YOUR_API_KEY":
        raise ValueError("set the api_key prop first")
    return call_crm(pd), call_legacy(pd), call_oauth1(pd)
