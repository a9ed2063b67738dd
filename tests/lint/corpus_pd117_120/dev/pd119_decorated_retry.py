import requests
from tenacity import retry, stop_after_attempt


@retry(stop=stop_after_attempt(3))
def handler(pd: "pipedream"):
    r = requests.get("https://api.example.com/v1/slow", timeout=20)
    r.raise_for_status()
    return r.json()
