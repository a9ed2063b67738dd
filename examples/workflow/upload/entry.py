"""Upload the CSV report to Dropbox, one file per repository and week."""

import json

import requests

UPLOAD_URL = "https://content.dropboxapi.com/2/files/upload"


def handler(pd: "pipedream"):
    report = pd.steps["transform"]["$return_value"]
    repo = pd.steps["fetch"]["repo"]
    since = pd.steps["trigger"]["event"]["since"][:10]
    token = pd.inputs["dropbox"]["$auth"]["oauth_access_token"]
    destination = f"/reports/{repo.replace('/', '-')}/closed-since-{since}.csv"
    arguments = {"path": destination, "mode": "overwrite", "mute": True}
    with open(report["path"], "rb") as report_file:
        response = requests.post(
            UPLOAD_URL,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/octet-stream",
                "Dropbox-API-Arg": json.dumps(arguments),
            },
            data=report_file,
            timeout=60,
        )
    response.raise_for_status()
    uploaded = response.json()
    return {"path": uploaded["path_display"], "size": uploaded["size"], "rows": report["rows"]}
