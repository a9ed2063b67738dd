import requests


def check(resp):
    if resp.status_code >= 400:
        raise RuntimeError(resp.status_code)
    return resp


def helper_checks(url):
    r = requests.get(url, timeout=5)  # ok: PD102 (handed to check())
    check(r)
    return r.json()


def chained_check(url):
    data = check(requests.get(url, timeout=5)).json()  # ok: PD102 (handed to check())
    return data


def read_before_check(url):
    r = requests.get(url, timeout=5)  # expect: PD102
    body = r.text
    r.raise_for_status()
    return body


def loop_rebinds(urls):
    for u in urls:
        r = requests.get(u, timeout=5)  # ok: PD102
        r.raise_for_status()
        yield r.json()


def iter_lines_unchecked(url):
    with requests.get(url, stream=True, timeout=5) as r:  # expect: PD102
        return [line for line in r.iter_lines(chunk_size=1024)]


def ok_attribute_in_ternary(url):
    r = requests.get(url, timeout=5)  # ok: PD102
    return r.json() if r.ok else None
