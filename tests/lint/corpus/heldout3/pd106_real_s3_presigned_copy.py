import shutil

import requests


def handler(pd: "pipedream"):
    src = pd.steps["presign"]["$return_value"]["get_url"]
    dst = pd.steps["presign"]["$return_value"]["put_url"]
    down = requests.get(src, stream=True, timeout=60)  # expect: PD106
    down.raise_for_status()
    with open("/tmp/object.bin", "wb") as fh:
        shutil.copyfileobj(down.raw, fh)
    with open("/tmp/object.bin", "rb") as fh:
        up = requests.put(dst, data=fh, timeout=120)
    up.raise_for_status()
    return {"etag": up.headers.get("ETag")}
