"""Stream the report named in the trigger event to /tmp, never leaving a partial file behind."""

import contextlib
import os

import requests

REPORT_PATH = "/tmp/report.pdf"


def handler(pd: "pipedream"):
    url = pd.steps["trigger"]["event"]["body"]["report_url"]
    partial = REPORT_PATH + ".part"
    size = 0
    try:
        with requests.get(url, stream=True, timeout=30) as response:
            response.raise_for_status()
            with open(partial, "wb") as out:
                for chunk in response.iter_content(chunk_size=65536):
                    out.write(chunk)
                    size += len(chunk)
    except (requests.RequestException, OSError):
        with contextlib.suppress(FileNotFoundError):
            os.remove(partial)
        raise
    os.replace(partial, REPORT_PATH)
    return {"path": REPORT_PATH, "size": size}
