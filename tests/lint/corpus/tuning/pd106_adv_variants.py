import contextlib
import shutil
from contextlib import ExitStack

import requests

STREAM = True


def through_a_name(url):
    r = requests.get(url, stream=STREAM, timeout=30)  # expect: PD106
    r.raise_for_status()
    return sum(len(c) for c in r.iter_content(chunk_size=65536))


def closing_wrapper(url, dest):
    with contextlib.closing(requests.get(url, stream=True, timeout=30)) as r:  # ok: PD106
        r.raise_for_status()
        with open(dest, "wb") as f:
            shutil.copyfileobj(r.raw, f)


def exit_stack(urls):
    with ExitStack() as stack:
        responses = [stack.enter_context(requests.get(u, stream=True, timeout=30)) for u in urls]  # ok: PD106
        for r in responses:
            r.raise_for_status()
        return [r.headers.get("etag") for r in responses]


def closed_in_finally(url):
    r = requests.get(url, stream=True, timeout=30)  # ok: PD106
    try:
        r.raise_for_status()
        return next(r.iter_content(chunk_size=512))
    finally:
        r.close()


def closed_on_happy_path_only(url):
    r = requests.get(url, stream=True, timeout=30)  # expect: PD106
    r.raise_for_status()
    head = next(r.iter_content(chunk_size=512))
    r.close()
    return head


def later_with(url):
    r = requests.get(url, stream=True, timeout=30)  # ok: PD106
    with r:
        r.raise_for_status()
        return r.headers["content-type"]


def inline(url, dest):
    with open(dest, "wb") as f:
        for chunk in requests.get(url, stream=True, timeout=30).iter_content(chunk_size=8192):  # expect: PD102, PD106
            f.write(chunk)


def on_known_session(url):
    s = requests.Session()
    r = s.get(url, stream=True, timeout=30)  # expect: PD106
    r.raise_for_status()
    return r.headers


def rebound(url):
    r = requests.get(url + "?part=1", stream=True, timeout=30)  # expect: PD102, PD106
    r = requests.get(url + "?part=2", stream=True, timeout=30)  # ok: PD106
    with r:
        r.raise_for_status()
