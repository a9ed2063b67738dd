import json
import os

import requests
from telethon import TelegramClient, events
from telethon.sessions import StringSession


async def handler(pd: "pipedream"):  # expect: PD119
    secrets = pd.inputs["my_secrets"]["$auth"]
    session_string = secrets["TELEGRAM_SESSION_STRING"]
    source_channel = secrets["TELEGRAM_SOURCE_CHANNEL"]
    webhook_url = secrets["DISCORD_WEBHOOK_URL"]
    bot_token = secrets["DISCORD_BOT_TOKEN"]
    client = TelegramClient(StringSession(session_string), 12345, "dummy")

    def rename_channel(version):
        try:
            r = requests.patch(
                f"https://discord.example.com/api/v10/channels/{secrets['VOICE_CHANNEL_ID']}",
                headers={"Authorization": f"Bot {bot_token}"},
                json={"name": f"Updated: {version}"},
                timeout=10,
            )
            print("renamed" if r.status_code == 200 else f"rename failed: {r.status_code}")
        except Exception as e:  # expect: PD117
            print(f"rename request failed: {e}")

    @client.on(events.NewMessage(chats=source_channel))
    async def on_message(event):
        if event.message.document:
            rename_channel(event.message.text[:20])
            requests.post(webhook_url, data={"payload_json": json.dumps({"content": "new file"})}, timeout=10)

    print(f"listening to '{source_channel}'")
    await client.start()
    await client.run_until_disconnected()
