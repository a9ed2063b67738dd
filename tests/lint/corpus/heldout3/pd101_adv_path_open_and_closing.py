import contextlib
from pathlib import Path

import requests


def lines(path):
    return Path(path).open().readlines()  # expect: PD101


def upload(url, path):
    with contextlib.closing(open(path, "rb")) as fh:
        r = requests.put(url, data=fh, timeout=60)
    r.raise_for_status()


def handle_pair(path):
    fh = open(path, "rb")
    return fh, Path(path).name


def in_with_call(url, path):
    with requests.post(url, data=open(path, "rb"), timeout=60) as r:  # expect: PD101
        r.raise_for_status()
        return r.json()
