import requests


def handler(pd: "pipedream"):
    bot = pd.inputs["telegram_bot"]["$auth"]["token"]
    chat = pd.inputs["chat_id"]
    text = pd.steps["summarize"]["$return_value"]
    tg = requests.post(f"https://api.telegram.org/bot{bot}/sendMessage", json={"chat_id": chat, "text": text})  # expect: PD105
    tg.raise_for_status()
    hook = pd.inputs["discord_webhook"]
    dc = requests.post(hook, json={"content": text[:1900]}, timeout=None)  # expect: PD105
    dc.raise_for_status()
    return {"telegram": tg.json()["ok"], "discord": dc.status_code}
