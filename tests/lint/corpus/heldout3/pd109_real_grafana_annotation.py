import requests

GRAFANA = "http://grafana.monitoring.example.com:3000"


def handler(pd: "pipedream"):
    deploy = pd.steps["trigger"]["event"]["body"]
    headers = {"Content-Type": "application/json"}
    headers["Authorization"] = "Bearer " + pd.inputs["grafana_token"]
    r = requests.post(GRAFANA + "/api/annotations", headers=headers, json={"text": f"deploy {deploy['sha']}", "tags": ["deploy"]}, timeout=10)  # expect: PD109
    r.raise_for_status()
    health = requests.get(GRAFANA + "/api/health", timeout=5)
    health.raise_for_status()
    return r.json()["id"]
