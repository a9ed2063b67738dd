import json
import os

import requests


def card(title, facts):
    return {
        "@type": "MessageCard",
        "@context": "http://schema.org/extensions",
        "summary": title,
        "sections": [{"activityTitle": title, "facts": [{"name": k, "value": v} for k, v in facts.items()]}],
    }


def handler(pd: "pipedream"):
    order = pd.steps["trigger"]["event"]["body"]
    payload = json.dumps(card(f"New order {order['id']}", {"Customer": order["customer"], "Total": order["total"]}))
    r = requests.post(os.environ["TEAMS_WEBHOOK"], json=payload, headers={"Content-Type": "application/json"}, timeout=10)  # expect: PD111
    r.raise_for_status()
    return r.text
