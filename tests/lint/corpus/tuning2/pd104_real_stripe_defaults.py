import requests


def handler(pd: "pipedream"):
    secret = pd.inputs.get("stripe_secret_key", "sk_test_51HcQ2eLm8Rt4Vb8Nz3Wc6Yp1Sd7Fg0Aa")  # expect: PD104
    customer = pd.steps["trigger"]["event"]["body"]["customer"]
    r = requests.get(f"https://api.stripe.com/v1/customers/{customer}/invoices", auth=(secret, ""), params={"limit": 10}, timeout=20)
    r.raise_for_status()
    return [inv["id"] for inv in r.json()["data"]]
