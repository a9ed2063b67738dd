import os

import requests

PICTURES = {"png", "jpg", "jpeg", "gif", "heic"}


def attachments(trigger):
    return trigger.get("event", {}).get("files", [])


def fetch(meta, token):
    if meta["filetype"] not in PICTURES:
        return None
    r = requests.get(meta["url_private_download"], headers={"Authorization": "Bearer %s" % token})  # expect: PD102, PD105
    r.raise_for_status
    blob = r.content
    with open(os.path.join("/tmp", meta["name"]), "w+b") as f:
        f.write(blob)
    return meta["name"]


def handler(pd: "pipedream"):
    files = attachments(pd.steps["trigger"])
    if not files:
        pd.flow.exit("no files in this message")  # expect: PD116

    token = pd.inputs["slack"]["$auth"]["oauth_access_token"]
    saved = [name for name in (fetch(f, token) for f in files) if name]
    if not saved:
        pd.flow.exit("no pictures in this message")  # expect: PD116
    pd.export("count", len(saved))
    return {"files": saved}
