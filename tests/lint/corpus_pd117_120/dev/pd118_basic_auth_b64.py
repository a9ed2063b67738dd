import base64

import requests


def handler(pd: "pipedream"):
    creds = pd.inputs["jira"]["$auth"]
    raw = f"{creds['email']}:{creds['api_token']}"
    b64 = base64.b64encode(raw.encode()).decode()
    print(f"Authorization: Basic {b64}")  # expect: PD118
    r = requests.get(
        "https://team.jira.example/rest/api/3/myself",
        headers={"Authorization": f"Basic {b64}"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["displayName"]
