from datetime import datetime

import requests

LOG_PATH = "/var/log/uptime-check.log"


def log(line):
    with open(LOG_PATH, "a") as fh:  # expect: PD112
        fh.write(f"{datetime.now().isoformat()} {line}\n")


def handler(pd: "pipedream"):
    site = pd.inputs["site"]
    try:
        r = requests.get(site, timeout=10)
        r.raise_for_status()
        log(f"{site} up {r.elapsed.total_seconds():.2f}s")
        return {"up": True}
    except requests.RequestException as exc:  # expect: PD117
        log(f"{site} DOWN {exc}")
        return {"up": False}
