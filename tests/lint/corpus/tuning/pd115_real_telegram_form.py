import requests


class TelegramBot:
    def __init__(self, token):
        self.token = token

    def send_message_to_chat(self, chat_id: str, message: str):
        return requests.post(  # expect: PD105
            url=f"https://api.telegram.org/bot{self.token}/sendMessage",
            data={"chat_id": chat_id, "text": message},  # expect: PD115
        )


def send_from_template(bot_id):
    base_url = f"https://api.telegram.org/bot{bot_id}/sendMessage"
    parameters = {"chat_id": "@release_notes", "text": "Version 2.4 is out"}
    resp = requests.get(base_url, data=parameters, timeout=10)  # expect: PD115
    resp.raise_for_status()
    print(resp.text)
