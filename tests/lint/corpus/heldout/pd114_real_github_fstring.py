import requests

def handler(pd: "pipedream"):
  token = pd.inputs["github"]["$auth"]["oauth_access_token"]
  owner, name = pd.inputs["repo"].split("/")

  # expect-next-line: PD114
  query = f"""
  query {{
    repository(owner: "{owner}", name: "{name}") {{
      stargazerCount
      issues(states: OPEN) {{ totalCount }}
      releases(last: 1) {{ nodes {{ tagName publishedAt }} }}
    }}
  }}
  """

  r = requests.post("https://api.github.com/graphql", json={"query": query}, headers={"Authorization": f"bearer {token}"}, timeout=20)
  r.raise_for_status()
  return r.json()["data"]["repository"]
