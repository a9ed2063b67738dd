import logging

import requests


def get_profile(user_id, token):
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {token}"})
    try:
        r = s.get(f"https://id.example.com/api/users/{user_id}", timeout=10)
        r.raise_for_status()
        return r.json()
    except Exception as exc:  # expect: PD117
        logging.warning("profile lookup failed: %s", exc)
        return None


def handler(pd: "pipedream"):
    token = pd.inputs["idp"]["$auth"]["oauth_access_token"]
    return get_profile(pd.steps["trigger"]["event"]["body"]["user_id"], token)
