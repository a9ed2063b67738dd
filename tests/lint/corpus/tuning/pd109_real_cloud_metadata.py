# Read this container's role credentials and region (IMDSv2 / ECS task metadata).
import os

import requests

IMDS = "http://169.254.169.254/latest"


def imds_token():
    r = requests.put(f"{IMDS}/api/token", headers={"X-aws-ec2-metadata-token-ttl-seconds": "21600"}, timeout=2)
    r.raise_for_status()
    return r.text


def region():
    token = imds_token()
    r = requests.get(f"{IMDS}/meta-data/placement/region", headers={"X-aws-ec2-metadata-token": token}, timeout=2)  # ok: PD109 (link-local)
    r.raise_for_status()
    return r.text


def task_credentials():
    relative = os.environ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"]
    auth = os.environ.get("AWS_CONTAINER_AUTHORIZATION_TOKEN", "")
    r = requests.get("http://169.254.170.2" + relative, headers={"Authorization": auth}, timeout=2)  # ok: PD109 (link-local)
    r.raise_for_status()
    return r.json()


def local_agent(secret):
    r = requests.post("http://localhost:8200/v1/auth/approle/login", json={"secret_id": secret}, timeout=2)  # ok: PD109 (loopback)
    r.raise_for_status()
    return r.json()["auth"]["client_token"]
