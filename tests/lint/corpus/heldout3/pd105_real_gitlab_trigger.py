import requests

GITLAB = "https://gitlab.example.com/api/v4"


def handler(pd: "pipedream"):
    project = pd.inputs["project_id"]
    token = pd.inputs["trigger_token"]
    resp = requests.post(f"{GITLAB}/projects/{project}/trigger/pipeline", data={"token": token, "ref": pd.inputs.get("ref", "main")}, headers={"Content-Type": "application/x-www-form-urlencoded"})  # expect: PD105
    resp.raise_for_status()
    pipeline = resp.json()
    status = requests.get(f"{GITLAB}/projects/{project}/pipelines/{pipeline['id']}", headers={"PRIVATE-TOKEN": pd.inputs["gitlab_token"]})  # expect: PD105
    status.raise_for_status()
    return status.json()["status"]
