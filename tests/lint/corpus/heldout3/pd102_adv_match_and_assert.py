import requests


def status_by_match(url):
    r = requests.get(url, timeout=10)
    match r.status_code:
        case 200:
            return r.json()
        case 404:
            return None
        case _:
            raise RuntimeError(r.text)


def asserted(url):
    r = requests.get(url, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()


def truthy(url):
    r = requests.get(url, timeout=10)
    if not r:
        return {}
    return r.json()


def reassigned(urls):
    r = requests.get(urls[0], timeout=10)  # expect: PD102
    r = requests.get(urls[1], timeout=10)
    r.raise_for_status()
    return r.json()


def stored(cache, url):
    cache[url] = requests.get(url, timeout=10)
