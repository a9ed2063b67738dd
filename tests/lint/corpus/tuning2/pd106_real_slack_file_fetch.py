import requests


def handler(pd: "pipedream"):
    token = pd.inputs["slack"]["$auth"]["oauth_access_token"]
    file_info = pd.steps["trigger"]["event"]["files"][0]
    r = requests.get(file_info["url_private_download"], headers={"Authorization": f"Bearer {token}"}, stream=True, timeout=60)  # expect: PD106
    r.raise_for_status()
    path = f"/tmp/{file_info['name']}"
    with open(path, "wb") as out:
        for chunk in r.iter_content(chunk_size=1 << 16):
            out.write(chunk)
    return {"path": path, "size": file_info["size"]}
