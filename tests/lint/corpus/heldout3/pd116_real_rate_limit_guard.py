import requests


def handler(pd: "pipedream"):
    r = requests.get("https://api.example.com/v1/quota", headers={"Authorization": f"Bearer {pd.inputs['token']}"}, timeout=10)
    r.raise_for_status()
    remaining = r.json()["remaining"]
    if remaining < 10:
        pd.flow.exit(f"only {remaining} calls left")  # expect: PD116
        pd.export("skipped", True)
    try:
        job = requests.post("https://api.example.com/v1/jobs", json={"kind": "sync"}, timeout=10)
        job.raise_for_status()
    except requests.HTTPError:
        pd.flow.exit("job refused")  # expect: PD116
    return job.json()["id"]
