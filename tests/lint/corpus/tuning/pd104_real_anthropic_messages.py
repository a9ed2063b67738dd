import os

import requests

ANTHROPIC_VERSION = "2023-06-01"
API_KEY_HEADER = "x-api-key"  # ok: PD104 (a header name)


def handler(pd: "pipedream"):
    ticket = pd.steps["trigger"]["event"]["body"]
    headers = {
        API_KEY_HEADER: os.environ["ANTHROPIC_API_KEY"],
        "anthropic-version": ANTHROPIC_VERSION,
        "content-type": "application/json",
    }
    payload = {
        "model": "claude-3-5-haiku-latest",
        "max_tokens": 300,
        "messages": [{"role": "user", "content": f"Classify this ticket: {ticket['text']}"}],
    }
    r = requests.post("https://api.anthropic.com/v1/messages", headers=headers, json=payload, timeout=60)
    r.raise_for_status()
    label = r.json()["content"][0]["text"].strip()
    return {"ticket": ticket["id"], "label": label}
