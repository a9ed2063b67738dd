import requests

def handler(pd: "pipedream"):
  token = pd.inputs["notion"]["$auth"]["oauth_access_token"]
  entry = pd.steps["trigger"]["event"]["body"]

  page = {
    "parent": {"database_id": pd.inputs["database_id"]},
    "properties": {
      "Name": {"title": [{"text": {"content": entry["title"]}}]},
      "URL": {"url": entry["url"]},
      "Tags": {"multi_select": [{"name": t} for t in entry.get("tags", [])]},
    },
  }
  r = requests.post(  # expect: PD105
    "https://api.notion.com/v1/pages",
    headers={"Authorization": f"Bearer {token}", "Notion-Version": "2022-06-28"},
    json=page,
  )
  if not r.ok:
    raise Exception(f"Notion refused the page: {r.status_code} {r.text}")
  return r.json()["id"]
