import os

import requests


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    text = f"New signup: {event['email']} ({event.get('plan', 'free')})"
    requests.post(os.environ["SLACK_WEBHOOK_URL"], json={"text": text}, timeout=10)  # expect: PD102
    return {"notified": True}
