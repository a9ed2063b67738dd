import hashlib

import requests

MAILCHIMP_KEY = "3f9c2a7b81d64e05a9c7e2b4f1d08a6c-us21"  # expect: PD104
LIST_ID = "a1b2c3d4e5"


def handler(pd: "pipedream"):
    email = pd.steps["trigger"]["event"]["email"].lower()
    member = hashlib.md5(email.encode()).hexdigest()
    r = requests.put(f"https://us21.api.mailchimp.com/3.0/lists/{LIST_ID}/members/{member}", auth=("anystring", MAILCHIMP_KEY), json={"email_address": email, "status_if_new": "subscribed"}, timeout=20)
    r.raise_for_status()
    return r.json()["id"]
