import requests

SLACK_BOT_TOKEN = "xoxb-2718281828-3141592653589-Zk8qLm2VtRx7Wc4Nb9Yd1Hp5"  # expect: PD104
CHANNEL = "C04QX7JH2LM"


def post(text, blocks=None):
    resp = requests.post(  # expect: PD102
        "https://slack.com/api/chat.postMessage",
        headers={"Authorization": f"Bearer {SLACK_BOT_TOKEN}"},
        json={"channel": CHANNEL, "text": text, "blocks": blocks or []},
        timeout=10,
    )
    if not resp.json()["ok"]:
        raise RuntimeError(resp.json()["error"])


if __name__ == "__main__":
    post("deploy finished :rocket:")
