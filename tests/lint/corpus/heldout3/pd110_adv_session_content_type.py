import requests


def handler(pd: "pipedream"):
    s = requests.Session()
    s.headers["Content-Type"] = "multipart/form-data"
    with open("/tmp/scan.pdf", "rb") as fh:
        r = s.post("https://ocr.example.com/api/scan", files={"document": fh}, timeout=120)  # expect: PD110
    r.raise_for_status()
    return r.json()["text"]
