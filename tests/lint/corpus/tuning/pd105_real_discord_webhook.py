import os

import requests


def handler(pd: "pipedream"):
    hook = os.environ["DISCORD_WEBHOOK_URL"]
    release = pd.steps["trigger"]["event"]["body"]["release"]
    embed = {
        "title": f"{release['name']} is out",
        "url": release["html_url"],
        "description": (release.get("body") or "")[:1900],
        "color": 0x5865F2,
    }
    r = requests.post(hook, json={"username": "releases", "embeds": [embed]})  # expect: PD105
    if r.status_code not in (200, 204):
        raise Exception(f"Discord rejected the message: {r.status_code} {r.text}")
    return {"posted": release["tag_name"]}
