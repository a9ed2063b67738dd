import csv
import io

import requests


def handler(pd: "pipedream"):
    rows = pd.steps["query"]["$return_value"]
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    out = open("/tmp/report.csv", "w")  # expect: PD101
    out.write(buf.getvalue())
    out.close()
    r = requests.post(pd.inputs["upload_url"], files={"report": ("report.csv", open("/tmp/report.csv", "rb"), "text/csv")}, timeout=60)  # expect: PD101
    r.raise_for_status()
    return r.json()["url"]
