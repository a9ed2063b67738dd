import requests

results = []
cache = {}


class Poller:
    def __init__(self):
        self.last = None

    def poll(self, url):
        self.last = requests.get(url, timeout=5)  # ok: PD102 (stored in an attribute)


def returned(url):
    r = requests.get(url, timeout=5)  # ok: PD102
    return r


def passed_on(url, process):
    r = requests.get(url, timeout=5)  # ok: PD102
    process(r)


def collected(urls):
    for u in urls:
        results.append(requests.get(u, timeout=5))  # ok: PD102
    cache["first"] = requests.get(urls[0], timeout=5)  # ok: PD102


def discarded(url, payload):
    requests.post(url, json=payload, timeout=5)  # expect: PD102


def with_without_as(url):
    with requests.get(url, timeout=5):  # expect: PD102
        pass


def rebound(url):
    r = requests.get(url + "/a", timeout=5)  # expect: PD102
    r = requests.get(url + "/b", timeout=5)  # ok: PD102
    r.raise_for_status()
    return r.json()


def head_then_read(url):
    r = requests.head(url, timeout=5)  # expect: PD102
    size = int(r.headers.get("Content-Length", 0))
    return size
