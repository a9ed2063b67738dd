import requests

STREAM = True


def sniff(url):
    r = requests.get(url, stream=STREAM, timeout=10)  # expect: PD106
    r.raise_for_status()
    return r.headers.get("Content-Type")


def sized(url):
    with requests.get(url, stream=True, timeout=10) as r:
        r.raise_for_status()
        return int(r.headers.get("Content-Length", 0))


def inline(url):
    return requests.get(url, stream=True, timeout=10).raw.read(16)  # expect: PD102, PD106
