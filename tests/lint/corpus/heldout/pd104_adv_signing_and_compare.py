import base64
import hashlib
import hmac

import jwt
import requests


def verify_webhook(event):
    if event["headers"].get("x-webhook-secret") != "whsec_Pq8Lz3Xr6Vn1Mb9Tk4Wc2Yh7":  # expect: PD104
        return False
    return True


def sign(body: bytes) -> str:
    return hmac.new(b"order-signing-key-2f9c1e7a", body, hashlib.sha256).hexdigest()  # expect: PD104


def service_token(subject):
    return jwt.encode({"sub": subject}, "Zq3Lm8Rt2Vx7Nb4Wk9Yc1Hd6", algorithm="HS256")  # expect: PD104


def basic_header():
    creds = base64.b64encode(b"svc-export:Export!Passw0rd").decode()  # expect: PD104
    return {"Authorization": "Basic " + creds}


def lexer_like(token):
    # comparing a token with a keyword of a language is not a credential check
    return token == "async"  # ok: PD104


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    if not verify_webhook(event):
        return {"status": 401}
    r = requests.post(
        "https://orders.example.com/api/forward",
        data=event["raw_body"],
        headers={**basic_header(), "X-Signature": sign(event["raw_body"].encode())},
        timeout=15,
    )
    r.raise_for_status()
    return {"token": service_token(event["body"]["user"])}
