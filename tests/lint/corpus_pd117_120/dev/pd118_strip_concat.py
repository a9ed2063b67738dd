import os

import requests


def handler(pd: "pipedream"):
    token = os.getenv("TELEGRAM_BOT_TOKEN", "")
    print("Token: " + token.strip())  # expect: PD118
    chat = pd.steps["trigger"]["event"]["body"]["chat_id"]
    r = requests.post(
        f"https://api.telegram.example/bot{token.strip()}/sendMessage",
        json={"chat_id": chat, "text": "done"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["ok"]
