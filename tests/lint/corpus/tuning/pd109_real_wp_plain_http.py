import base64

import requests

wp_site_url = "http://mti-sandbox.example.org"
wp_username = "wgomes"


def create_post(app_password, title, content):
    credentials = base64.b64encode(f"{wp_username}:{app_password}".encode("utf-8")).decode("utf-8")
    headers = {"Authorization": f"Basic {credentials}", "Content-Type": "application/json"}
    api_post_url = f"{wp_site_url}/wp-json/wp/v2/posts"
    post = {"title": title, "content": content, "status": "publish"}
    response = requests.post(api_post_url, headers=headers, json=post, timeout=20)  # expect: PD109
    if response.status_code == 201:
        return response.json()["id"]
    raise RuntimeError(f"WordPress said {response.status_code}: {response.text}")
