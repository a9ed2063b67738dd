"""Upload the report an earlier step saved in /tmp to a Box folder."""

import json
import os

import requests
from requests_toolbelt import MultipartEncoder

UPLOAD_URL = "https://upload.box.com/api/2.0/files/content"


def handler(pd: "pipedream"):
    token = pd.inputs["box"]["$auth"]["oauth_access_token"]
    path = pd.steps["download_report"]["$return_value"]["path"]
    name = os.path.basename(path)
    attributes = {"name": name, "parent": {"id": os.environ["BOX_FOLDER_ID"]}}
    with open(path, "rb") as report:
        encoder = MultipartEncoder(
            fields={
                "attributes": json.dumps(attributes),
                "file": (name, report, "application/pdf"),
            }
        )
        response = requests.post(
            UPLOAD_URL,
            data=encoder,
            headers={"Authorization": f"Bearer {token}", "Content-Type": encoder.content_type},
            timeout=60,
        )
    response.raise_for_status()
    return {"file_id": response.json()["entries"][0]["id"]}
