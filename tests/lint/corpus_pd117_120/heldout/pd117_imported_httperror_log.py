import logging

import requests
from requests.exceptions import HTTPError

log = logging.getLogger("crm-sync")


def handler(pd: "pipedream"):
    deal = pd.steps["trigger"]["event"]["body"]["deal"]
    try:
        resp = requests.patch(
            f"https://crm.example.com/api/deals/{deal['id']}",
            json={"stage": deal["stage"]},
            timeout=15,
        )
        resp.raise_for_status()
    except HTTPError as err:  # expect: PD117
        log.error("deal %s not updated: %s", deal["id"], err)
        return {"status": "failed", "deal": deal["id"]}
    return {"status": "updated", "deal": deal["id"]}
