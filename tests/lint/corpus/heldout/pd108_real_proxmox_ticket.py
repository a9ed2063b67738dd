import os

import requests

PVE = "https://pve01.homelab.example:8006/api2/json"


def login():
    r = requests.post(  # expect: PD108
        f"{PVE}/access/ticket",
        data={"username": "automation@pve", "password": os.environ["PVE_PASSWORD"]},  # expect: PD115
        verify=False,
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["data"]


def handler(pd: "pipedream"):
    ticket = login()
    s = requests.Session()
    s.verify = False  # expect: PD108
    s.cookies.set("PVEAuthCookie", ticket["ticket"])
    s.headers["CSRFPreventionToken"] = ticket["CSRFPreventionToken"]
    nodes = s.get(f"{PVE}/nodes", timeout=10)
    nodes.raise_for_status()
    return [n["node"] for n in nodes.json()["data"]]
