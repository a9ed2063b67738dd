# Secret-detection corpus, category "comparisons": a credential compared with a literal (webhook
# verification, hand-rolled auth checks) and comparisons that hold no credential.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: comparisons-token-equals label=positive
def is_authorized(token):
    return token == "s3cr3t-admin-token-42"

# --- case: comparisons-password-not-equal label=positive
def check(username, password):
    if username != "admin" or password != "letmein123":
        raise PermissionError("bad credentials")

# --- case: comparisons-header-get label=positive
def handler(pd):
    headers = pd.steps["trigger"]["event"]["headers"]
    if headers.get("x-api-key") != "k_live_93Jd8sLq2Mx7":
        return pd.flow.exit("unauthorized")
    return {"ok": True}

# --- case: comparisons-webhook-secret-subscript label=positive
def handler(pd):
    event = pd.steps["trigger"]["event"]
    if event["headers"]["x-webhook-secret"] != "whs_7Kq2Lp9Xz3Mv":
        pd.respond({"status": 401, "body": "forbidden"})
        return
    return event["body"]

# --- case: comparisons-slack-verification-token label=positive
def handler(pd):
    body = pd.steps["trigger"]["event"]["body"]
    if body["token"] == "Jhj5dZrVaK7ZwHHjRyZWjbDl":
        return body["challenge"]

# --- case: comparisons-reversed label=positive
def allowed(api_key: str) -> bool:
    return "9b2e7f4a1c8d3e6b" == api_key

# --- case: comparisons-assert label=positive
def test_login(client):
    session = client.login("qa-user")
    assert session.auth_token == "qa-tok-5Hn2Kp8Lm3"

# --- case: comparisons-attribute label=positive
def authorized(request):
    return request.headers.get("Authorization") == "Bearer 7d1f9e3b5a2c8e4f6a0b"

# --- case: comparisons-in-literals label=positive
def allowed(api_key):
    return api_key in ("k_1f8e2d9c3b7a", "k_6a5b4c3d2e1f")

# --- case: comparisons-type-and-scheme label=negative
def parse_auth(header: str):
    scheme, _, credentials = header.partition(" ")
    token_type = scheme.lower()
    if token_type != "bearer":
        raise ValueError("unsupported auth scheme")
    return credentials

# --- case: comparisons-placeholder-guard label=negative
import os

api_key = os.environ.get("ACME_API_KEY", "")
if not api_key or api_key == "YOUR_API_KEY":
    raise RuntimeError("Set ACME_API_KEY before running this step")

# --- case: comparisons-names label=negative
import hmac


def handler(pd):
    event = pd.steps["trigger"]["event"]
    expected = pd.inputs["webhook_secret"]
    if not hmac.compare_digest(event["headers"].get("x-webhook-secret", ""), expected):
        return pd.flow.exit("bad secret")
    if event["body"]["password"] != event["body"]["password_confirmation"]:
        return pd.flow.exit("passwords differ")

# --- case: comparisons-empty-and-none label=negative
def has_token(config):
    token = config.get("token")
    if token is None or token == "" or token == "null":
        return False
    return True

# --- case: comparisons-startswith label=negative
def split_bearer(authorization: str):
    if authorization.startswith("Bearer "):
        return authorization[len("Bearer "):]
    return None

# --- case: comparisons-event-types label=negative
def route(event):
    if event["type"] == "password_reset":
        return "reset"
    if event["status"] == "token_expired":
        return "refresh"
    if event.get("auth") == "none":
        return "anonymous"
    return "other"

# --- case: comparisons-key-name label=negative
def pick(rows, key):
    if key == "name":
        return sorted(rows, key=lambda r: r["name"])
    if key == "created_at":
        return sorted(rows, key=lambda r: r["created_at"])
    return rows

# --- case: comparisons-status-codes label=negative
import requests


def token_valid(token):
    r = requests.get("https://api.example.com/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    return r.status_code == 200 and r.json().get("token_status") == "active"

# --- case: comparisons-ho-query-param label=positive
def handler(pd):
    query = pd.steps["trigger"]["event"]["query"]
    if query.get("token") != "e8f2b9a1c7d34f6e":
        return pd.flow.exit("unauthorized")

# --- case: comparisons-ho-match-statement label=negative
def describe(auth_type):
    match auth_type:
        case "basic":
            return "username and password"
        case "bearer":
            return "token"
        case _:
            return "none"

# --- case: comparisons-ho-length-check label=negative
def valid(password: str) -> bool:
    return len(password) >= 12 and password != password.lower() and password not in ("", None)

# --- case: comparisons-ho-secret-is-set label=negative
import os

secret = os.environ.get("WEBHOOK_SECRET")
if secret == "" or secret is None:
    raise SystemExit("WEBHOOK_SECRET is not set")

# --- case: comparisons-ho2-header-compare label=positive
def handler(pd):
    if pd.steps["trigger"]["event"]["headers"].get("authorization") != "Basic YWRtaW46cGFzc3dvcmQ=":
        return pd.flow.exit("no")

# --- case: comparisons-ho2-enum label=negative
from enum import Enum


class AuthKind(Enum):
    API_KEY = "api_key"
    OAUTH = "oauth"
    PASSWORD = "password"


def is_password(kind):
    return kind == AuthKind.PASSWORD or kind == "password"
