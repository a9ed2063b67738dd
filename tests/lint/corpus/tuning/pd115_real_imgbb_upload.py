import base64
import os

import requests


def handler(pd: "pipedream"):
    path = pd.steps["screenshot"]["$return_value"]["path"]
    with open(path, "rb") as f:
        encoded = base64.b64encode(f.read()).decode()
    payload = {"key": os.environ["IMGBB_KEY"], "image": encoded, "expiration": 86400}
    r = requests.post("https://api.imgbb.com/1/upload", data=payload, timeout=60)  # expect: PD115
    r.raise_for_status()
    return r.json()["data"]["url"]
