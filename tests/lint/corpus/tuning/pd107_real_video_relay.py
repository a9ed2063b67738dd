import requests


def relay(source_url, upload_url, token):
    with requests.get(source_url, stream=True, timeout=60) as src:
        src.raise_for_status()
        body = (chunk for chunk in src.iter_content())  # expect: PD107
        dst = requests.put(upload_url, data=body, headers={"Authorization": f"Bearer {token}"}, timeout=900)
        dst.raise_for_status()
        return dst.json()


def handler(pd: "pipedream"):
    clip = pd.steps["trigger"]["event"]["body"]
    return relay(clip["download_url"], clip["upload_url"], pd.inputs["video"]["$auth"]["oauth_access_token"])
