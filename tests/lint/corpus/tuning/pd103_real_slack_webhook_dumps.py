# Post a build result to a Slack channel (adapted from a common webhook snippet).
import json
import sys

import requests

WEBHOOK = "https://hooks.slack.com/services/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"  # expect: PD104


def notify(text):
    message = {"text": text, "username": "ci-bot", "icon_emoji": ":construction:"}
    response = requests.post(  # expect: PD105
        WEBHOOK,
        data=json.dumps(message),  # expect: PD103
        headers={"Content-Type": "application/json"},
    )
    if response.status_code != 200:
        raise ValueError(
            "Slack answered %s: %s" % (response.status_code, response.text)
        )


if __name__ == "__main__":
    notify(" ".join(sys.argv[1:]) or "build finished")
