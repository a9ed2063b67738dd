import logging

import requests


def handler(pd: "pipedream"):
    payload = pd.steps["map_fields"]["$return_value"]
    try:
        r = requests.put("https://hr.example.com/api/employees", json=payload, timeout=20)
        r.raise_for_status()
    except Exception:
        logging.exception("HR update failed for %s", payload.get("employee_id"))
        raise
    return r.json()
