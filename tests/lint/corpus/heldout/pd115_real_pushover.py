import os
import requests


def push(message, title=None, priority=0):
    fields = {
        "token": os.environ["PUSHOVER_APP_TOKEN"],
        "user": os.environ["PUSHOVER_USER_KEY"],
        "message": message,
        "priority": priority,
    }
    if title:
        fields["title"] = title
    r = requests.post("https://api.pushover.net/1/messages.json", data=fields, timeout=10)  # expect: PD115
    r.raise_for_status()
    return r.json()["request"]


def handler(pd: "pipedream"):
    alert = pd.steps["trigger"]["event"]["body"]
    return push(alert["text"], title=alert.get("service"), priority=1 if alert.get("critical") else 0)
