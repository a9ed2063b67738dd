import requests


def probe(url):
    r = requests.get(url, stream=True, timeout=10)  # expect: PD106
    r.raise_for_status()
    first = next(r.iter_content(chunk_size=1024), b"")
    r.close()
    return first[:4] == b"%PDF"


def probe_safely(url):
    r = requests.get(url, stream=True, timeout=10)
    try:
        r.raise_for_status()
        return r.headers.get("Content-Type")
    finally:
        r.close()


def open_stream(url):
    resp = requests.get(url, stream=True, timeout=10)  # ok: PD106 (returned: the caller owns it)
    resp.raise_for_status()
    return resp


def handler(pd: "pipedream"):
    with open_stream(pd.inputs["url"]) as s:
        head = s.raw.read(8)
    return probe(pd.inputs["url"]), probe_safely(pd.inputs["url"]), head
