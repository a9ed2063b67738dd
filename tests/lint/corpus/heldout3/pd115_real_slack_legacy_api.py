import requests


def handler(pd: "pipedream"):
    token = pd.inputs["slack"]["$auth"]["oauth_access_token"]
    channel = pd.inputs["channel"]
    payload = {"channel": channel, "text": pd.steps["format"]["$return_value"]}
    r = requests.post("https://slack.com/api/chat.postMessage", data=payload, headers={"Authorization": f"Bearer {token}"}, timeout=15)  # expect: PD115
    r.raise_for_status()
    reaction = requests.post("https://slack.com/api/reactions.add", data=dict(channel=channel, name="eyes", timestamp=r.json()["ts"]), headers={"Authorization": f"Bearer {token}"}, timeout=15)  # expect: PD115
    reaction.raise_for_status()
    return r.json()["ts"]
