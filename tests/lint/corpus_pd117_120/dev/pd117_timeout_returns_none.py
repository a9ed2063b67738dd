import requests


def lookup_company(domain):
    try:
        r = requests.get("https://enrich.example.com/v1/companies", params={"domain": domain}, timeout=5)
        r.raise_for_status()
        return r.json()
    except requests.exceptions.Timeout:  # expect: PD117
        return None


def handler(pd: "pipedream"):
    email = pd.steps["trigger"]["event"]["body"]["email"]
    company = lookup_company(email.split("@")[1])
    return {"email": email, "company": company}
