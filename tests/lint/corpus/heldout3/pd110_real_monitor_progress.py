import requests
from requests_toolbelt import MultipartEncoder, MultipartEncoderMonitor


def handler(pd: "pipedream"):
    path = "/tmp/video.mp4"
    with open(path, "rb") as fh:
        encoder = MultipartEncoder(fields={"title": pd.inputs["title"], "file": ("video.mp4", fh, "video/mp4")})
        monitor = MultipartEncoderMonitor(encoder, lambda m: None)
        r = requests.post("https://uploads.example.com/v1/videos", data=monitor, headers={"Authorization": f"Bearer {pd.inputs['token']}"}, timeout=600)  # expect: PD110
    r.raise_for_status()
    with open(path, "rb") as fh:
        ok = MultipartEncoder(fields={"file": ("video.mp4", fh, "video/mp4")})
        r2 = requests.post("https://mirror.example.com/v1/videos", data=ok, headers={"Content-Type": ok.content_type}, timeout=600)
    r2.raise_for_status()
    return r.json()["id"], r2.json()["id"]
