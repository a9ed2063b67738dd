import time

import requests


def handler(pd: "pipedream"):
    headers = {"Authorization": f"Bearer {pd.inputs['shopify']['$auth']['oauth_access_token']}"}
    while True:  # expect: PD120
        r = requests.get("https://shop.example.com/admin/api/2024-01/products.json", headers=headers, timeout=10)
        if r.status_code == 429 or r.status_code >= 500:
            time.sleep(float(r.headers.get("Retry-After", 2)))
            continue
        r.raise_for_status()
        break
    return r.json()["products"]
