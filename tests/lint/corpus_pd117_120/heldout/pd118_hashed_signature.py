import hashlib
import hmac
import json


def handler(pd: "pipedream"):
    secret = pd.inputs["shop"]["$auth"]["webhook_secret"]
    body = json.dumps(pd.steps["trigger"]["event"]["body"], separators=(",", ":")).encode()
    print("secret fingerprint", hashlib.sha256(secret.encode()).hexdigest()[:12])
    signature = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"signature": signature, "length": len(body)}
