import shutil
import tempfile

import requests

STREAM_URL = "https://httpbin.org/stream-bytes/2048"


def save_raw():
    r = requests.get(STREAM_URL, stream=True, timeout=30)  # expect: PD106
    if r.status_code == 200:
        with tempfile.TemporaryFile() as f:
            r.raw.decode_content = True
            shutil.copyfileobj(r.raw, f)


def save_chunks():
    r = requests.get(STREAM_URL, stream=True, timeout=30)  # expect: PD106
    if r.status_code == 200:
        with tempfile.TemporaryFile() as f:
            for chunk in r.iter_content(1024):
                f.write(chunk)
