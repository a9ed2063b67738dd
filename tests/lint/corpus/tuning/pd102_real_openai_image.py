import os
import uuid

import requests


def handler(pd: "pipedream"):
    prompt = pd.steps["trigger"]["event"]["body"]["prompt"]
    response = requests.post(  # expect: PD102
        "https://api.openai.com/v1/images/generations",
        headers={"Authorization": f"Bearer {os.environ['OPENAI_API_KEY']}"},
        json={"model": "dall-e-3", "prompt": prompt, "size": "1024x1024"},
        timeout=120,
    )
    image_url = response.json()["data"][0]["url"]

    img = requests.get(image_url).content  # expect: PD102, PD105
    path = f"/tmp/{uuid.uuid4().hex}.png"
    with open(path, "wb") as f:
        f.write(img)
    return {"path": path, "url": image_url}
