import requests


def handler(pd: "pipedream"):
    s = requests.Session()
    s.headers["Authorization"] = f"Token {pd.inputs['crm']['$auth']['api_key']}"
    url = "https://crm.example.com/api/v1/companies?page_size=100"
    companies = []
    while url:
        r = s.get(url, timeout=10)
        r.raise_for_status()
        data = r.json()
        companies.extend(data["results"])
        url = data.get("next")
    return companies
