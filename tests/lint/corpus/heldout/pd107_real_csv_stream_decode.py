import csv
import io

import requests

def handler(pd: "pipedream"):
    url = pd.inputs["report_url"]
    rows = 0
    with requests.get(url, stream=True, timeout=(5, 120)) as r:
        r.raise_for_status()
        pending = ""
        for piece in r.iter_content(decode_unicode=True):  # expect: PD107
            pending += piece
            *complete, pending = pending.split("\n")
            rows += sum(1 for _ in csv.reader(io.StringIO("\n".join(complete))))
    return {"rows": rows}
