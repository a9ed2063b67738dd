import requests

GITLAB = "https://gitlab.example.com/api/v4"
PROJECT = 4172


def handler(pd: "pipedream"):
    headers = {"PRIVATE-TOKEN": "glpat-Xq7vR2mK9tLp4Wz8Nb3c"}  # expect: PD104
    branch = pd.steps["trigger"]["event"]["body"]["ref"].split("/")[-1]

    r = requests.post(
        f"{GITLAB}/projects/{PROJECT}/trigger/pipeline",
        data={"token": "7c1e9a4f2b8d6e0c3a5f9b1d7e2c4a8f", "ref": branch},  # expect: PD104, PD115
        timeout=30,
    )
    r.raise_for_status()

    pipes = requests.get(f"{GITLAB}/projects/{PROJECT}/pipelines", headers=headers, params={"ref": branch}, timeout=30)
    pipes.raise_for_status()
    return {"triggered": r.json()["id"], "recent": [p["id"] for p in pipes.json()[:5]]}
