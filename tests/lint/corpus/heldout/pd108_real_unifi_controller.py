import os

import requests
import urllib3

urllib3.disable_warnings()

CONTROLLER = "https://unifi.office.example:8443"


class Unifi:
    def __init__(self):
        self.session = requests.Session()
        self.session.verify = False  # expect: PD108

    def login(self):
        r = self.session.post(f"{CONTROLLER}/api/login", json={"username": os.environ["UNIFI_USER"], "password": os.environ["UNIFI_PASS"]}, timeout=10)
        r.raise_for_status()

    def clients(self, site="default"):
        r = self.session.get(f"{CONTROLLER}/api/s/{site}/stat/sta", timeout=10)
        r.raise_for_status()
        return r.json()["data"]


def handler(pd: "pipedream"):
    u = Unifi()
    u.login()
    return [c.get("hostname") for c in u.clients()]
