import requests


def upload_report(token, channel, path):
    headers = {
        "Authorization": f"Bearer {token}",
        "Content-Type": "multipart/form-data; boundary=----pdreport",
    }
    with open(path, "rb") as fh:
        resp = requests.post(  # expect: PD110
            "https://slack.com/api/files.upload",
            headers=headers,
            data={"channels": channel, "title": "Weekly report"},
            files={"file": fh},
            timeout=60,
        )
    resp.raise_for_status()
    if not resp.json().get("ok"):
        raise RuntimeError(resp.json().get("error"))


def handler(pd: "pipedream"):
    upload_report(pd.inputs["slack"]["$auth"]["oauth_access_token"], "#reports", "/tmp/report.pdf")
