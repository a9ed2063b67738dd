import os

import requests

DOMAIN = "mg.example-shop.com"


def send_simple_message(to, subject, text):
    return requests.post(
        f"https://api.eu.mailgun.net/v3/{DOMAIN}/messages",
        auth=("api", os.environ["MAILGUN_API_KEY"]),
        data={  # expect: PD115
            "from": f"Example Shop <orders@{DOMAIN}>",
            "to": [to, "archive@example-shop.com"],
            "subject": subject,
            "text": text,
        },
        timeout=20,
    )


def handler(pd: "pipedream"):
    order = pd.steps["trigger"]["event"]["body"]
    r = send_simple_message(order["email"], f"Order {order['id']} received", "Thanks!")
    r.raise_for_status()
    return r.json()["id"]
