import logging
import os

import requests

logger = logging.getLogger(__name__)


def handler(pd: "pipedream"):
    api_key = os.getenv("SENDGRID_API_KEY")
    logger.info("sending with key %s", api_key)  # expect: PD118
    body = pd.steps["render"]["$return_value"]
    r = requests.post(
        "https://api.sendgrid.example/v3/mail/send",
        headers={"Authorization": f"Bearer {api_key}"},
        json=body,
        timeout=10,
    )
    r.raise_for_status()
    return {"status": r.status_code}
