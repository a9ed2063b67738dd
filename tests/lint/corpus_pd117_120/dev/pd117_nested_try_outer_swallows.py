import requests


def handler(pd: "pipedream"):
    invoice = pd.steps["trigger"]["event"]["body"]
    try:
        try:
            r = requests.post("https://billing.example.com/api/invoices", json=invoice, timeout=15)
            r.raise_for_status()
        except requests.HTTPError:
            print("billing said", r.status_code, r.text[:200])
            raise
        return r.json()
    except Exception as e:  # expect: PD117
        return {"failed": True, "reason": str(e)}
