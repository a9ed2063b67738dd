# Turn the porch light on when the doorbell rings (Home Assistant REST API on the LAN).
import os

import requests

HASS = "http://192.168.1.20:8123"


def handler(pd: "pipedream"):
    token = os.environ["HASS_TOKEN"]
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    r = requests.post(  # expect: PD109
        f"{HASS}/api/services/light/turn_on",
        headers=headers,
        json={"entity_id": "light.porch", "brightness_pct": 80},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()
