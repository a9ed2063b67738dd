import os

import requests

VERIFY = False


class Exporter:
    def __init__(self):
        self.http = requests.Session()
        self.http.verify = False  # expect: PD108

    def push(self, url, rows):
        r = self.http.post(url, json=rows, timeout=30)
        r.raise_for_status()


def through_a_name(url):
    r = requests.get(url, verify=VERIFY, timeout=10)  # expect: PD108
    r.raise_for_status()


def named_like_a_session(http_session, url):
    http_session.verify = False  # expect: PD108
    return http_session.get(url, timeout=10)


def prepared(url):
    s = requests.Session()
    prepped = s.prepare_request(requests.Request("GET", url))
    r = s.send(prepped, verify=False, timeout=10)  # expect: PD108
    r.raise_for_status()


def unknown_object(client):
    client.verify = False  # ok: PD108 (not known to be a requests session)


def from_configuration(url):
    r = requests.get(url, verify=os.environ.get("VERIFY_TLS", "1") == "1", timeout=10)  # ok: PD108
    r.raise_for_status()


def ca_bundle(url):
    r = requests.get(url, verify="/etc/ssl/certs/ca-certificates.crt", timeout=10)  # ok: PD108
    r.raise_for_status()
