import hashlib

import requests


def local_name(url):
    size = 1
    with requests.get(url, stream=True, timeout=30) as r:
        r.raise_for_status()
        digest = hashlib.sha256()
        for c in r.iter_content(chunk_size=size):  # expect: PD107
            digest.update(c)
        return digest.hexdigest()


def joined(url):
    with requests.get(url, stream=True, timeout=30) as r:
        r.raise_for_status()
        return b"".join(r.iter_content())  # expect: PD107


def spaced(r, sink):
    for c in r.iter_content(chunk_size = 1 ):  # expect: PD107
        sink(c)


def small_but_not_one(r, sink):
    for c in r.iter_content(chunk_size=2):  # ok: PD107
        sink(c)


def computed(r, sink):
    for c in r.iter_content(chunk_size=1024 * 64):  # ok: PD107
        sink(c)


def in_generator_expression(r):
    return sum(len(c) for c in r.iter_content(8192))  # ok: PD107
