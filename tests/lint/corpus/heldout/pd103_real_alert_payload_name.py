import json
import os
from datetime import datetime, timezone

import requests

ROUTING_KEY = os.environ["ALERTS_ROUTING_KEY"]


def handler(pd: "pipedream"):
    check = pd.steps["trigger"]["event"]
    event = {
        "routing_key": ROUTING_KEY,
        "event_action": "trigger",
        "payload": {
            "summary": f"{check['name']} is failing",
            "source": check["host"],
            "severity": "critical",
            "timestamp": datetime.now(timezone.utc).isoformat(),
        },
    }
    encoded = json.dumps(event)
    r = requests.post(
        "https://events.alerting.example.com/v2/enqueue",
        data=encoded,  # expect: PD103
        headers={"Content-Type": "application/json"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["dedup_key"]
