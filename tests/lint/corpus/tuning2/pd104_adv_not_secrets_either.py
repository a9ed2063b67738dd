import requests

FIREBASE_CONFIG = {
    "apiKey": "AIzaSyB3kLm9Qw7TzR2Vx4Bn8Hj3Yp6Sd1Fg5Ac",  # ok: PD104 (Firebase web config is public)
    "authDomain": "shop-demo.firebaseapp.com",
    "projectId": "shop-demo",
}
RECAPTCHA_SITE_KEY = "6LcQ2eLmAAAAAK7pQ2xLm9Rt4Vb8Nz3Wc6Yp1Sd"  # ok: PD104 (site key, public)
EXAMPLE_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"  # ok: PD104 (AWS documented example)
TOKEN_HEADER = "Authorization"  # ok: PD104 (a header name)
MASKED = {"Authorization": "Bearer hf_***"}  # ok: PD104 (a mask)


def handler(pd: "pipedream"):
    token = pd.inputs["hf"]["$auth"]["api_token"]
    r = requests.post("https://api-inference.huggingface.co/models/gpt2", headers={"Authorization": f"Bearer {token}"}, json={"inputs": pd.inputs["prompt"]}, timeout=60)
    r.raise_for_status()
    return {"result": r.json(), "headers_used": MASKED}
