import requests

CHUNK = 1


def download(url, dest, report):
    with requests.get(url, stream=True, timeout=120) as resp:
        resp.raise_for_status()
        total = int(resp.headers.get("content-length", 0))
        done = 0
        with open(dest, "wb") as f:
            for piece in resp.iter_content(CHUNK):  # expect: PD107
                f.write(piece)
                done += len(piece)
                report(done, total)


def stream_text(url):
    with requests.get(url, stream=True, timeout=120) as resp:
        resp.raise_for_status()
        for text in resp.iter_content(chunk_size=None, decode_unicode=True):
            yield text


def handler(pd: "pipedream"):
    download(pd.inputs["url"], "/tmp/archive.zip", lambda d, t: None)
    return "".join(stream_text(pd.inputs["log_url"]))
