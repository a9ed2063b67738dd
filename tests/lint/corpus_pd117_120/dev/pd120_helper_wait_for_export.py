import time

import requests


def wait_for_export(session, export_id):
    while True:  # expect: PD120
        r = session.get(f"https://survey.example.com/api/exports/{export_id}", timeout=10)
        r.raise_for_status()
        if r.json()["ready"]:
            return r.json()["file"]
        time.sleep(3)


def handler(pd: "pipedream"):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {pd.inputs['survey']['$auth']['api_key']}"
    export_id = session.post("https://survey.example.com/api/exports", timeout=10).json()["id"]
    return wait_for_export(session, export_id)
