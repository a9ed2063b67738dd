import os

import requests

IFTTT_HOOK = "https://maker.ifttt.com/trigger/door_opened/with/key/dK7pQ2xLm9Rt4Vb8Nz3Wc6"  # expect: PD104
PUSHOVER_APP = os.environ.get("PUSHOVER_TOKEN", "azGDORePK8gMaC0QOYAMyEEuzJnyUi")  # expect: PD104


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    r = requests.post(IFTTT_HOOK, json={"value1": event["room"]}, timeout=10)
    r.raise_for_status()
    push = requests.post("https://api.pushover.net/1/messages.json", data={"token": PUSHOVER_APP, "user": pd.inputs["pushover_user"], "message": f"{event['room']} opened"}, timeout=10)  # expect: PD115
    push.raise_for_status()
    return push.json()["request"]
