"""Copy an export from the vendor's pre-signed URL straight into our bucket's upload URL."""
import requests


def copy_object(source_url, upload_url, session=None):
    http = session or requests.Session()
    src = http.get(source_url, stream=True, timeout=60)  # expect: PD106
    src.raise_for_status()
    size = src.headers.get("Content-Length")
    put = requests.put(upload_url, data=src.raw, headers={"Content-Length": size}, timeout=600)
    put.raise_for_status()
    return int(size or 0)


def handler(pd: "pipedream"):
    export = pd.steps["request_export"]["$return_value"]
    return copy_object(export["download_url"], pd.steps["presign"]["$return_value"]["url"])
