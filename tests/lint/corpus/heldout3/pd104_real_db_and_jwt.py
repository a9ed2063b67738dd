import time

import jwt
import requests

DSN = "host=db.internal.example.com dbname=orders user=app password=Qm7vT2xLp9"  # expect: PD104


def service_token():
    claims = {"iss": "pipedream-step", "exp": int(time.time()) + 300}
    return jwt.encode(claims, "k3y-For-Signing-Only-9fQ2", algorithm="HS256")  # expect: PD104


def handler(pd: "pipedream"):
    r = requests.get("https://internal-api.example.com/orders", headers={"Authorization": f"Bearer {service_token()}"}, timeout=15)
    r.raise_for_status()
    return {"orders": r.json(), "dsn_host": DSN.split()[0]}
