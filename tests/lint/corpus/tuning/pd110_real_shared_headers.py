import os

import requests

HEADERS = {
    "Authorization": f"Bearer {os.environ['DMS_TOKEN']}",
    "Content-Type": "multipart/form-data",
}


def upload(path, folder):
    with open(path, "rb") as fh:
        r = requests.post("https://dms.example.com/api/files", headers=HEADERS, files={"file": fh}, data={"folder": folder}, timeout=120)  # expect: PD110
    r.raise_for_status()
    return r.json()["id"]


def replace(file_id, path):
    with open(path, "rb") as fh:
        r = requests.put(f"https://dms.example.com/api/files/{file_id}", headers=HEADERS, files={"file": fh}, timeout=120)  # expect: PD110
    r.raise_for_status()


def rename(file_id, name):
    r = requests.patch(f"https://dms.example.com/api/files/{file_id}", headers={"Authorization": HEADERS["Authorization"]}, json={"name": name}, timeout=30)
    r.raise_for_status()
