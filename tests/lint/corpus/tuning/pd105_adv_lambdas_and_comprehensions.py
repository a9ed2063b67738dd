import requests

fetch = lambda u: requests.get(u)  # expect: PD105


def all_json(urls):
    return [requests.get(u, timeout=5).json() for u in urls]  # expect: PD102


def all_status(urls):
    return {u: requests.head(u).status_code == 200 for u in urls}  # expect: PD105


def nested(base):
    def inner(path):
        resp = requests.get(base + path)  # expect: PD105
        resp.raise_for_status()
        return resp.json()

    return inner("/health")
