import requests

VERIFY = False
CA_BUNDLE = "/etc/ssl/certs/internal-ca.pem"


def with_ca(url):
    r = requests.get(url, verify=CA_BUNDLE, timeout=10)
    r.raise_for_status()
    return r.json()


def via_constant(url):
    r = requests.request("GET", url, verify=VERIFY, timeout=10)  # expect: PD108
    r.raise_for_status()
    return r.json()


def via_send(url):
    s = requests.Session()
    prepared = s.prepare_request(requests.Request("GET", url))
    r = s.send(prepared, verify=False, timeout=10)  # expect: PD108
    r.raise_for_status()
    return r.json()


def handler(pd: "pipedream"):
    return with_ca(pd.inputs["a"]), via_constant(pd.inputs["b"]), via_send(pd.inputs["c"])
