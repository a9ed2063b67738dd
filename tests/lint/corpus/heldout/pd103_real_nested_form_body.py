import requests

def handler(pd: "pipedream"):
  token = pd.inputs["trello"]["$auth"]["oauth_access_token"]
  card = pd.steps["trigger"]["event"]

  r = requests.post(
    "https://api.trello.com/1/cards",
    params={"idList": card["list_id"]},
    headers={"Authorization": f"OAuth {token}"},
    data={  # expect: PD103
      "name": card["title"],
      "desc": card.get("notes", ""),
      "labels": [{"color": "green", "name": "auto"}],
    },
    timeout=15,
  )
  r.raise_for_status()
  return r.json()["id"]
