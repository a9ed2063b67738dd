import os

import requests

PASSWORD_FIELD = "password"  # ok: PD104 (a field name)
API_KEY_ENV = "WEATHER_API_KEY"  # ok: PD104 (an environment variable name)
FORM_LABELS = {"password": "Password", "token": "Token"}  # ok: PD104 (display labels)
NEXT = {"next_page_token": "CAESBggBEAEYAQ"}  # ok: PD104 (a pagination token)


def handler(pd: "pipedream"):
    key = os.environ[API_KEY_ENV]
    r = requests.get("https://api.weather.example.com/v1/now", params={"key": key, "q": pd.inputs["city"]}, timeout=10)
    r.raise_for_status()
    body = {"template": "{{steps.trigger.event.token}}", "labels": FORM_LABELS, "field": PASSWORD_FIELD}
    return r.json(), body, NEXT
