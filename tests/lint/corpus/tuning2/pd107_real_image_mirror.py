import requests


def handler(pd: "pipedream"):
    src = pd.steps["trigger"]["event"]["image_url"]
    name = src.rsplit("/", 1)[-1] or "image.bin"
    with requests.get(src, stream=True, timeout=30) as r:
        r.raise_for_status()
        with open(f"/tmp/{name}", "wb") as fh:
            for block in r.iter_content():  # expect: PD107
                fh.write(block)
    return f"/tmp/{name}"
