# Hard negatives for PD101 (every file here is closed deterministically), plus the near misses.
import builtins
import contextlib
import io
import json
import os
import webbrowser
from contextlib import ExitStack
from pathlib import Path

import requests


def read_settings(path):
    return open(path)  # ok: PD101 (the caller owns it)


def merge(paths):
    with ExitStack() as stack:
        handles = [stack.enter_context(open(p)) for p in paths]  # ok: PD101
        return [h.read() for h in handles]


def first_line(path):
    with contextlib.closing(open(path)) as f:  # ok: PD101
        return f.readline()


def later_with(path):
    f = open(path, "rb")  # ok: PD101 (used as a with item below)
    with f:
        return f.read()


def closed_in_finally(path, text):
    f = open(path, "w")  # ok: PD101
    try:
        f.write(text)
    finally:
        f.close()


def not_files(path):
    webbrowser.open("https://status.example.org")  # ok: PD101 (not a file)
    fd = os.open(path, os.O_RDONLY)  # ok: PD101 (os.open is not in the rule)
    os.close(fd)
    return Path(path).read_text()  # ok: PD101 (no open() at all)


def near_misses(path, url):
    lines = Path(path).open().readlines()  # expect: PD101
    raw = io.open(path, "rb").read()  # expect: PD101
    cfg = json.loads(builtins.open(path).read())  # expect: PD101
    with requests.post(url, data=open(path, "rb"), timeout=10) as r:  # expect: PD101
        r.raise_for_status()
    return lines, raw, cfg
