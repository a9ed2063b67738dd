import time

import requests


def handler(pd: "pipedream"):
    url = "https://api.example-social.com/v2/posts"
    headers = {"Authorization": f"Bearer {pd.inputs['social']['$auth']['oauth_access_token']}"}
    r = requests.get(url, headers=headers, timeout=10)
    while r.status_code == 429:  # expect: PD120
        time.sleep(int(r.headers.get("Retry-After", "1")))
        r = requests.get(url, headers=headers, timeout=10)
    r.raise_for_status()
    return r.json()["data"]
