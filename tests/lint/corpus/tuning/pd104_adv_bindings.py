import os
from dataclasses import dataclass

import requests


class Config:
    api_key = "k_9Fq2Lx7Rm4Tv8Wb3Nc6Yd1"  # expect: PD104
    base_url = "https://api.example.com"


@dataclass
class DbSettings:
    host: str = "db.internal.example"
    password: str = "Pr0d-DB-pass!2024"  # expect: PD104


def connect(user, passwd="Welcome123!"):  # expect: PD104
    return requests.post("https://api.example.com/login", json={"user": user, "password": passwd}, timeout=5)


def client_kwarg():
    return Config.base_url, dict(token="t_5Zx8Qm3Lr6Vw1Nb9Kc2Hd7")  # expect: PD104


def env_write():
    os.environ["API_KEY"] = "ak_4Rt7Yx2Mq9Lz5Wv8Nc1Bp3"  # expect: PD104


def unpacked():
    user, password = "svc-report", "Hunter2-Prod!"  # expect: PD104
    return requests.get("https://reports.example.com/export", auth=(user, password), timeout=30)


def secret_in_dict():
    return {"client_id": "reports-app", "client_secret": "cs_8Jk2Lm5Nq7Rt1Vw4Xy6Zb9"}  # expect: PD104


def not_secrets():
    keys = {"key": "priority", "sort_key": "updated_at"}  # ok: PD104
    S3_KEY = "exports/2024/report.csv"  # ok: PD104 (an object key)
    AUTH_TYPE = "oauth2"  # ok: PD104 (a scheme word)
    return keys, S3_KEY, AUTH_TYPE
