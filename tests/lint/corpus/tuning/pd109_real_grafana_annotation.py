import os
import time

import requests

GRAFANA = "http://grafana.lan:3000"


def handler(pd: "pipedream"):
    deploy = pd.steps["trigger"]["event"]["body"]
    annotation = {
        "time": int(time.time() * 1000),
        "tags": ["deploy", deploy["service"]],
        "text": f"{deploy['service']} {deploy['version']} deployed by {deploy['actor']}",
    }
    headers = {"Authorization": "Bearer " + os.environ["GRAFANA_TOKEN"]}
    r = requests.post(GRAFANA + "/api/annotations", json=annotation, headers=headers, timeout=10)  # expect: PD109
    r.raise_for_status()
    return r.json()["id"]
