import json
import os
from pathlib import Path

import requests

OUT_DIR = "/var/reports"


def handler(pd: "pipedream"):
    r = requests.get(pd.inputs["report_url"], timeout=30)
    r.raise_for_status()
    data = r.json()
    with open(os.path.join(OUT_DIR, f"{data['id']}.json"), "w") as fh:  # expect: PD112
        json.dump(data, fh)
    Path("/tmp/latest.json").write_text(json.dumps(data))
    Path("/data/exports").joinpath("latest.csv").write_text(data.get("csv", ""))  # expect: PD112
    return {"saved": data["id"]}
