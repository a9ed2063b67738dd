from contextlib import ExitStack

import requests


def open_log(path):
    return open(path, "a")


def send_all(pd, paths):
    with ExitStack() as stack:
        files = {f"f{i}": stack.enter_context(open(p, "rb")) for i, p in enumerate(paths)}
        r = requests.post(pd.inputs["url"], files=files, timeout=60)
    r.raise_for_status()
    log = open_log("/tmp/sent.log")  # expect: PD101
    log.write(",".join(paths))
    return r.json()


def read_safely(path):
    fh = open(path)
    try:
        return fh.read()
    finally:
        fh.close()


def handler(pd: "pipedream"):
    return send_all(pd, ["/tmp/a.csv", "/tmp/b.csv"]), read_safely("/tmp/a.csv")
