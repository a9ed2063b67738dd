import os
import requests

def handler(pd: "pipedream"):
  image_url = pd.steps["trigger"]["event"]["body"]["image_url"]
  name = os.path.basename(image_url.split("?")[0]) or "image.jpg"
  target = f"/tmp/{name}"

  with requests.get(image_url, stream=True, timeout=60) as r:
    r.raise_for_status()
    with open(target, "wb") as f:
      for chunk in r.iter_content():  # expect: PD107
        if chunk:
          f.write(chunk)

  return {"path": target, "bytes": os.path.getsize(target)}
