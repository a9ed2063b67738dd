import base64

import requests

WP_SITE = "https://blog.example.net"
WP_USER = "editor-bot"
WP_APP_PASSWORD = "Hq4z 8LmT 2xRv 9WcP 6yNb 3KsD"  # expect: PD104


def handler(pd: "pipedream"):
    pair = f"{WP_USER}:{WP_APP_PASSWORD}".encode()
    headers = {"Authorization": "Basic " + base64.b64encode(pair).decode()}
    post = {"title": pd.inputs["title"], "content": pd.inputs["html"], "status": "draft"}
    r = requests.post(f"{WP_SITE}/wp-json/wp/v2/posts", headers=headers, json=post, timeout=30)
    r.raise_for_status()
    return r.json()["link"]
