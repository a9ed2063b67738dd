import json
import os

import requests

TRELLO_KEY = os.getenv("TRELLO_KEY")
TRELLO_TOKEN = os.getenv("TRELLO_TOKEN")


def handler(pd: "pipedream"):
    card = pd.steps["trigger"]["event"]["body"]
    url = f"https://api.trello.com/1/cards?idList={card['list']}&key={TRELLO_KEY}&token={TRELLO_TOKEN}"  # expect: PD113
    response = requests.request("POST", url, headers={"Accept": "application/json"}, params={"name": card["title"]})  # expect: PD102, PD105
    created = json.loads(response.text)
    return created["id"]
