import os

import requests

bot_token = os.getenv("BOT_TOKEN").strip()
bot_chat = os.getenv("BOT_CHAT_ID").strip()


def telegram_bot_sendtext(bot_message, chat, token):
    url = "https://api.telegram.org/bot" + token + "/sendMessage"
    send_text = url + "?chat_id=" + chat + "&parse_mode=Markdown&text=" + bot_message  # expect: PD113
    r = requests.get(send_text)  # expect: PD102, PD105
    print(r.status_code, r.reason, r.content)


telegram_bot_sendtext("nightly job ok", bot_chat, bot_token)
