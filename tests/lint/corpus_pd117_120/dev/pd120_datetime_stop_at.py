import time
from datetime import datetime, timedelta

import requests


def handler(pd: "pipedream"):
    stop_at = datetime.now() + timedelta(seconds=45)
    while True:
        r = requests.get("https://deploy.example.com/api/status", timeout=10)
        r.raise_for_status()
        if r.json()["live"]:
            return {"live": True}
        if datetime.now() > stop_at:
            break
        time.sleep(5)
    return pd.flow.exit("deployment not live within 45 s")
