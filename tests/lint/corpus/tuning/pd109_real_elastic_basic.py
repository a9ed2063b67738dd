import os
from datetime import datetime, timezone

import requests

ES = "http://es-logs.internal.example.com:9200"


def handler(pd: "pipedream"):
    doc = dict(pd.steps["trigger"]["event"]["body"])
    doc["@timestamp"] = datetime.now(timezone.utc).isoformat()
    r = requests.post(  # expect: PD109
        ES + "/workflow-events/_doc",
        json=doc,
        auth=(os.environ["ES_USER"], os.environ["ES_PASSWORD"]),
        timeout=15,
    )
    r.raise_for_status()
    return r.json()["_id"]
