import requests
from requests_toolbelt.multipart.encoder import MultipartEncoder


def handler(pd: "pipedream"):
    path = pd.steps["download"]["$return_value"]
    token = pd.inputs["dropbox_like"]["$auth"]["oauth_access_token"]
    with open(path, "rb") as fh:
        form = MultipartEncoder(fields={"purpose": "archive", "file": ("report.pdf", fh, "application/pdf")})
        r = requests.post("https://files.example.com/api/upload", data=form, headers={"Authorization": f"Bearer {token}", "Content-Type": "multipart/form-data"}, timeout=120)  # expect: PD110
    r.raise_for_status()
    return r.json()["id"]
