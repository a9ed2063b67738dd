import requests


def handler(pd: "pipedream"):
    page, total_pages = 1, 1
    rows = []
    while page <= total_pages:
        r = requests.get("https://api.example.com/v2/customers", params={"page": page}, timeout=10)
        r.raise_for_status()
        data = r.json()
        total_pages = data["meta"]["total_pages"]
        rows.extend(data["customers"])
        page += 1
    return rows
