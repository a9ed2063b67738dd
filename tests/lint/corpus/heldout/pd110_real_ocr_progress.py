import os

import requests
from requests_toolbelt.multipart.encoder import MultipartEncoder, MultipartEncoderMonitor


def show(monitor):
    print(f"{monitor.bytes_read} / {monitor.len}")


def handler(pd: "pipedream"):
    path = pd.steps["fetch_scan"]["$return_value"]["path"]
    with open(path, "rb") as scan:
        encoder = MultipartEncoder(fields={"language": "eng", "file": ("scan.pdf", scan, "application/pdf")})
        monitor = MultipartEncoderMonitor(encoder, show)
        r = requests.post(  # expect: PD110
            "https://api.ocr-service.example/parse/image",
            data=monitor,
            headers={"apikey": os.environ["OCR_KEY"], "Content-Type": "multipart/form-data"},
            timeout=300,
        )
    r.raise_for_status()
    return r.json()["ParsedResults"][0]["ParsedText"]
