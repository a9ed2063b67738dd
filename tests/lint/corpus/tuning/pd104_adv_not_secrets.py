# Hard negatives for PD104: names, templates, masks, public keys, pagination and cache keys.
import os
import re

import requests

TOKEN_HEADER = "X-Auth-Token"  # ok: PD104 (names a header)
PASSWORD_FIELD = "password"  # ok: PD104
API_KEY_ENV = "BILLING_API_KEY"  # ok: PD104
STRIPE_PUBLISHABLE_KEY = "pk_live_51Hx9QmR2Lk7Tn4Vb8Wz3Yc6Pd"  # ok: PD104 (publishable)
GITHUB_TOKEN_RE = re.compile(r"ghp_[A-Za-z0-9]{36}")  # ok: PD104 (a regular expression)
KEY_FILE = "/tmp/service-account.json"  # ok: PD104 (a path)
NO_AUTH = "NO_AUTH"  # ok: PD104


def handler(pd: "pipedream"):
    token = pd.inputs["billing"]["$auth"]["api_key"]
    headers = {
        TOKEN_HEADER: token,
        "Authorization": f"Bearer {token}",  # ok: PD104
        "X-Trace": "{{steps.trigger.event.headers.traceparent}}",
    }
    legacy = {"Authorization": "Bearer %s" % token}  # ok: PD104
    form_labels = {"username": "Username", "password": "Password"}  # ok: PD104 (display labels)
    masked = {"api_key": "********"}  # ok: PD104
    sort_key = "created_at"
    cache_key = f"invoices:{pd.inputs['customer']}"

    if token == "YOUR_API_KEY":  # ok: PD104 (a placeholder guard)
        raise ValueError("connect the billing account first")

    page_token = ""
    invoices = []
    while True:
        r = requests.get(
            "https://billing.example.com/v1/invoices",
            headers=headers,
            params={"pageToken": page_token, "sort": sort_key},  # ok: PD104
            timeout=20,
        )
        r.raise_for_status()
        body = r.json()
        invoices.extend(body["items"])
        page_token = body.get("next_page_token") or ""
        if not page_token:
            break
    return {"count": len(invoices), "cache": cache_key, "labels": form_labels, "m": masked,  # expect: PD118
            "legacy": legacy, "env": os.environ.get(API_KEY_ENV)}
