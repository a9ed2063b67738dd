import requests
from requests import get as fetch


def module_request(url):
    r = requests.request("GET", url, verify=False, timeout=10)  # expect: PD108
    r.raise_for_status()


def aliased(url):
    r = fetch(url, verify=False, timeout=10)  # expect: PD108
    r.raise_for_status()


def with_session(url):
    with requests.Session() as s:
        s.verify = False  # expect: PD108
        r = s.get(url, timeout=10)
        r.raise_for_status()


def explicit_true(url):
    r = requests.get(url, verify=True, timeout=10)  # ok: PD108
    r.raise_for_status()


def not_requests(ssl_context):
    ssl_context.check_hostname = False
    return ssl_context
