import os

import requests


def with_bundle(url):
    r = requests.get(url, verify=os.environ.get("REQUESTS_CA_BUNDLE", True), timeout=10)
    r.raise_for_status()
    return r.json()


def with_session_bundle(url):
    s = requests.Session()
    s.verify = "/etc/ssl/certs/corp-root.pem"
    r = s.get(url, timeout=10)
    r.raise_for_status()
    return r.json()


class Api:
    def __init__(self):
        self.http_session = requests.Session()
        self.http_session.verify = False  # expect: PD108
