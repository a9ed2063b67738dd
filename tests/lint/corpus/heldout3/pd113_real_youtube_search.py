import requests


def handler(pd: "pipedream"):
    key = pd.inputs["youtube_key"]
    q = pd.inputs["query"]
    base = "https://www.googleapis.com/youtube/v3/search"
    url = base + "?part=snippet&maxResults=10&q={}&key={}".format(q, key)  # expect: PD113
    r = requests.get(url, timeout=15)
    r.raise_for_status()
    return [item["id"].get("videoId") for item in r.json()["items"]]
