import os

import requests

bot_id = os.environ["BOT_ID"]
chat_id = os.environ["CHAT_ID"]


def notify(message):
    api_url = "https://api.telegram.org/bot{}/sendMessage?chat_id={}&text={}".format(bot_id, chat_id, message)  # expect: PD113
    requests.get(api_url)  # expect: PD102, PD105


if __name__ == "__main__":
    notify("backup finished")
