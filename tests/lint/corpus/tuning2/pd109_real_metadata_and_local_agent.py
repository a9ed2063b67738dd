import os

import requests


def instance_region():
    token = requests.put("http://169.254.169.254/latest/api/token", headers={"X-aws-ec2-metadata-token-ttl-seconds": "300"}, timeout=2)
    token.raise_for_status()
    doc = requests.get("http://169.254.169.254/latest/dynamic/instance-identity/document", headers={"X-aws-ec2-metadata-token": token.text}, timeout=2)  # ok: PD109 (link-local metadata)
    doc.raise_for_status()
    return doc.json()["region"]


def task_credentials():
    rel = os.environ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]
    r = requests.get(f"http://169.254.170.2{rel}", headers={"Authorization": os.environ.get("AWS_CONTAINER_AUTHORIZATION_TOKEN", "")}, timeout=2)  # ok: PD109 (link-local ECS endpoint)
    r.raise_for_status()
    return r.json()


def local_vault(path):
    r = requests.get(f"http://127.0.0.1:8200/v1/{path}", headers={"X-Vault-Token": os.environ["VAULT_TOKEN"]}, timeout=2)  # ok: PD109 (loopback)
    r.raise_for_status()
    return r.json()["data"]


def handler(pd: "pipedream"):
    return instance_region(), task_credentials(), local_vault("secret/app")
