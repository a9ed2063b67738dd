"""Download helpers used by several steps: streamed and in-memory variants."""
import requests


def download_file(url, path):
    with requests.get(url, stream=True, timeout=60) as response:  # ok: PD106
        response.raise_for_status()
        with open(path, "wb") as output:
            for chunk in response.iter_content(chunk_size=4096):
                output.write(chunk)


def open_stream(url):
    response = requests.get(url, stream=True, timeout=60)  # ok: PD106 (returned to the caller)
    response.raise_for_status()
    return response


def iter_chunks(url, chunk_size=1024 * 1024):
    response = requests.get(url, stream=True, timeout=60)  # ok: PD106
    try:
        response.raise_for_status()
        yield from response.iter_content(chunk_size=chunk_size)
    finally:
        response.close()


def download_bytes(url):
    response = requests.get(url, timeout=60)  # ok: PD106 (not streamed)
    response.raise_for_status()
    content = response.content
    response.close()
    return content


def handler(pd: "pipedream"):
    download_file(pd.inputs["url"], "/tmp/input.bin")
    return {"path": "/tmp/input.bin"}
