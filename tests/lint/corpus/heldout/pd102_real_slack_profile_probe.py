import requests
from slack_sdk import WebClient


def handler(pd: "pipedream"):
  bot_token = pd.inputs["slack_bot"]["$auth"]["bot_token"]
  headers = {"Authorization": f"Bearer {bot_token}"}
  r = requests.post("https://slack.com/api/auth.test", headers=headers)  # expect: PD102, PD105
  channel = pd.steps["trigger"]["event"]["body"]["channel_id"]

  client = WebClient(token=bot_token)
  r = requests.get("https://slack.com/api/users.profile.get", headers=headers)  # expect: PD102, PD105

  result = client.chat_postMessage(
    channel=channel,
    blocks=[
      {"type": "section", "text": {"type": "mrkdwn", "text": "*Parking form for today* :car:"}},
      {"type": "divider"},
    ],
  )
  return result.data
