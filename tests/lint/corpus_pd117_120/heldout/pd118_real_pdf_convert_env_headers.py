import os

import requests


def handler(pd: "pipedream"):
    client_id = os.environ.get("PDFSVC_CLIENT_ID")
    secret = os.environ.get("PDFSVC_CLIENT_SECRET")
    host = os.environ.get("PDFSVC_HOST")
    headers = {"client_id": client_id, "client_secret": secret, "Content-Type": "application/json"}
    body = {"documentId": pd.steps["upload"]["$return_value"]["documentId"]}
    base, extension = os.path.splitext(pd.steps["trigger"]["event"]["name"])
    print(extension)
    routes = {".docx": "/api/create/pdf-from-word", ".xlsx": "/api/create/pdf-from-excel"}
    if extension not in routes:
        return pd.flow.exit(f"unknown extension: {extension}")
    print(f"{host}{routes[extension]}")
    request = requests.post(f"{host}{routes[extension]}", json=body, headers=headers, timeout=30)
    return request.json()
