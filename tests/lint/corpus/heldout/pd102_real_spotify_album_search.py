import requests

def handler(pd: "pipedream"):
  token = pd.inputs["spotify"]["$auth"]["oauth_access_token"]
  headers = {"Authorization": f"Bearer {token}"}

  params = {
    "type": "album",
    "q": pd.steps["random_letter"]["$return_value"],
    "offset": pd.steps["random_offset"]["$return_value"],
  }

  r = requests.get("https://api.spotify.com/v1/search", params=params, headers=headers)  # expect: PD102, PD105
  # hand the albums to the next step
  return r.json()
