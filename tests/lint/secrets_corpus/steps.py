# Secret-detection corpus, category "steps": whole Pipedream-style steps and their tests, where a
# credential (or nothing of the kind) sits among ordinary step code.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: steps-airtable-create-record label=positive
import requests


def handler(pd: "pipedream"):
    body = pd.steps["trigger"]["event"]["body"]
    r = requests.post(
        "https://api.airtable.com/v0/appX1Y2Z3A4B5C6D7/Leads",
        headers={"Authorization": "Bearer patQ8cLm2Zx9Kd3Vf.7e1a9c3b5d7f9e1a3c5b7d9f1e3a5c7b9d1f3e5a7c9b1d3f5e7a9c1b3d5f7e9a1c3b"},
        json={"fields": {"Name": body["name"], "Email": body["email"]}},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["id"]

# --- case: steps-hubspot-search label=positive
import requests

HUBSPOT_TOKEN = "pat-na1-4f2c8e1a-9b3d-4e7f-8a6c-2d1e0f9a8b7c"


def handler(pd):
    email = pd.steps["trigger"]["event"]["body"]["email"]
    r = requests.post(
        "https://api.hubapi.com/crm/v3/objects/contacts/search",
        headers={"Authorization": f"Bearer {HUBSPOT_TOKEN}"},
        json={"filterGroups": [{"filters": [{"propertyName": "email", "operator": "EQ", "value": email}]}]},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["results"]

# --- case: steps-notion-query label=positive
import requests


def handler(pd):
    database_id = "8e2c1f9a4b7d4e3a9c6b1d2e3f4a5b6c"
    headers = {
        "Authorization": "Bearer ntn_4318826502b8Qx7mK2pL9vR3tY6wN1bH5jS8dF0gC4aEzU",
        "Notion-Version": "2022-06-28",
    }
    r = requests.post(f"https://api.notion.com/v1/databases/{database_id}/query", headers=headers, json={}, timeout=10)
    r.raise_for_status()
    return r.json()["results"]

# --- case: steps-twilio-sms label=positive
import requests

ACCOUNT_SID = "AC1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"
AUTH_TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"


def handler(pd):
    r = requests.post(
        f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json",
        auth=(ACCOUNT_SID, AUTH_TOKEN),
        data={"From": "+15005550006", "To": pd.inputs["to"], "Body": "Your order shipped"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["sid"]

# --- case: steps-openai-chat label=positive
import requests


def handler(pd):
    prompt = pd.steps["trigger"]["event"]["body"]["prompt"]
    r = requests.post(
        "https://api.openai.com/v1/chat/completions",
        headers={"Authorization": "Bearer sk-proj-RiLHnqMswY8h7ePcaP-Cg1s1kAIaFRZ1DS62nK7l2oBAdqqE"},
        json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]},
        timeout=60,
    )
    r.raise_for_status()
    return r.json()["choices"][0]["message"]["content"]

# --- case: steps-discord-webhook label=positive
import requests


def handler(pd):
    requests.post(
        "https://discord.com/api/webhooks/1187654321098765432/Xk9mQ2pL7vR4tY8wN1bH5jS3dF6gC0aE-zU2iO4pA7sD9fG1hJ3kL5zX8cV0bN6mQ",
        json={"content": pd.steps["trigger"]["event"]["body"]["message"]},
        timeout=10,
    ).raise_for_status()

# --- case: steps-basic-auth-wordpress label=positive
import requests


def handler(pd):
    post = {"title": pd.inputs["title"], "content": pd.inputs["html"], "status": "draft"}
    r = requests.post(
        "https://blog.example.com/wp-json/wp/v2/posts",
        json=post,
        auth=("editor", "abcd EFGH 1234 ijkl MNOP 5678"),
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["link"]

# --- case: steps-oauth-refresh label=positive
import requests


def handler(pd):
    r = requests.post(
        "https://oauth2.googleapis.com/token",
        data={
            "client_id": "407408718192-3a9kf0n7e2o5d1c8b6m4l2p0q9r7s5t3.apps.googleusercontent.com",
            "client_secret": pd.inputs["client_secret"],
            "refresh_token": "1//0gXk7Lm2Qp9Rz3Vt8Yw4Nb6Hd1Fs5Ga-L9wIrAeAaSNwF-L9Ir",
            "grant_type": "refresh_token",
        },
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["access_token"]

# --- case: steps-mysql-connection label=positive
import pymysql


def handler(pd):
    conn = pymysql.connect(host="mysql.internal", user="etl", passwd="etl-Pa55!", database="warehouse")
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM orders")
        return cur.fetchone()[0]

# --- case: steps-airtable-from-auth label=negative
import requests


def handler(pd: "pipedream"):
    body = pd.steps["trigger"]["event"]["body"]
    token = pd.inputs["airtable_oauth"]["$auth"]["oauth_access_token"]
    r = requests.post(
        f"https://api.airtable.com/v0/{pd.inputs['base_id']}/Leads",
        headers={"Authorization": f"Bearer {token}"},
        json={"fields": {"Name": body["name"], "Email": body["email"]}},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["id"]

# --- case: steps-token-exchange-from-response label=negative
import os

import requests


def handler(pd):
    r = requests.post(
        "https://auth.example.com/oauth/token",
        data={"grant_type": "client_credentials", "client_id": os.environ["CID"], "client_secret": os.environ["CSECRET"]},
        timeout=10,
    )
    r.raise_for_status()
    access_token = r.json()["access_token"]
    me = requests.get("https://api.example.com/v1/me", headers={"Authorization": "Bearer " + access_token}, timeout=10)
    me.raise_for_status()
    return me.json()

# --- case: steps-pagination-token label=negative
import requests


def handler(pd):
    token = pd.inputs["google_drive"]["$auth"]["oauth_access_token"]
    files, next_page_token = [], None
    while True:
        params = {"pageSize": 100, "fields": "nextPageToken, files(id, name)"}
        if next_page_token:
            params["pageToken"] = next_page_token
        r = requests.get("https://www.googleapis.com/drive/v3/files", headers={"Authorization": f"Bearer {token}"}, params=params, timeout=10)
        r.raise_for_status()
        data = r.json()
        files += data["files"]
        next_page_token = data.get("nextPageToken")
        if not next_page_token:
            return files

# --- case: steps-webhook-verification label=negative
import hashlib
import hmac


def handler(pd):
    event = pd.steps["trigger"]["event"]
    secret = pd.inputs["signing_secret"].encode()
    signature = event["headers"].get("x-signature-256", "")
    expected = "sha256=" + hmac.new(secret, event["bodyRaw"].encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        pd.respond({"status": 401, "body": {"error": "invalid signature"}})
        return pd.flow.exit("invalid signature")
    return event["body"]

# --- case: steps-test-with-fixtures label=negative
import requests
import responses


def fetch_profile(token):
    r = requests.get("https://api.example.com/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    r.raise_for_status()
    return r.json()


@responses.activate
def test_fetch_profile(monkeypatch):
    monkeypatch.setenv("ACME_API_KEY", "dummy")
    responses.add(responses.GET, "https://api.example.com/v1/me", json={"id": 1, "name": "Ada"}, status=200)
    assert fetch_profile(token=None)["name"] == "Ada"
    assert responses.calls[0].request.headers["Authorization"].startswith("Bearer ")

# --- case: steps-test-parametrized-names label=negative
import pytest


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("password", "Password is required"),
        ("api_key", "API key is required"),
        ("token", "Token is required"),
    ],
)
def test_required_fields(field, message, validate):
    assert validate({field: None}) == {field: message}

# --- case: steps-logging-and-errors label=negative
import logging

import requests

log = logging.getLogger(__name__)


def handler(pd):
    r = requests.get("https://api.example.com/v1/status", timeout=10)
    if r.status_code == 401:
        log.warning("API token rejected; rotate the token in the connected account")
        raise PermissionError("Invalid or expired access token")
    r.raise_for_status()
    return {"status": r.json()["status"], "auth": "ok"}

# --- case: steps-data-store-lookup label=negative
import requests


def handler(pd):
    store = pd.inputs["data_store"]
    api_key = store.get("acme_api_key")
    secret_name = "acme/api-key"
    if api_key is None:
        raise RuntimeError(f"no value for {secret_name} in the data store")
    return requests.get("https://api.acme.example/v1/me", headers={"X-API-Key": api_key}, timeout=10).json()

# --- case: steps-export-config label=negative
import requests


def handler(pd):
    return {
        "token_url": "https://api.example.com/oauth/token",
        "auth_method": "client_secret_post",
        "token_endpoint_auth_method": "client_secret_basic",
        "scopes": ["read", "write"],
        "password_grant": False,
    }

# --- case: steps-ho-sendgrid-mail label=positive
import requests


def handler(pd):
    r = requests.post(
        "https://api.sendgrid.com/v3/mail/send",
        headers={"Authorization": "Bearer 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"},
        json={
            "personalizations": [{"to": [{"email": pd.inputs["to"]}]}],
            "from": {"email": "noreply@example.com"},
            "subject": "Hello",
            "content": [{"type": "text/plain", "value": "Hi"}],
        },
        timeout=10,
    )
    r.raise_for_status()

# --- case: steps-ho-zendesk-token-auth label=positive
import requests


def handler(pd):
    r = requests.get(
        "https://acme.zendesk.com/api/v2/tickets.json",
        auth=("agent@example.com/token", "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv"),
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["tickets"]

# --- case: steps-ho-shopify-from-auth label=negative
import requests


def handler(pd):
    shop = pd.inputs["shopify"]["$auth"]["shop_id"]
    token = pd.inputs["shopify"]["$auth"]["oauth_access_token"]
    r = requests.get(
        f"https://{shop}.myshopify.com/admin/api/2024-01/orders.json",
        headers={"X-Shopify-Access-Token": token},
        params={"status": "any", "limit": 50},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["orders"]

# --- case: steps-ho-return-auth-state label=negative
def handler(pd):
    event = pd.steps["trigger"]["event"]
    return {
        "authenticated": bool(event["headers"].get("authorization")),
        "auth_source": "header",
        "token_present": "authorization" in event["headers"],
        "message": "token accepted",
    }

# --- case: steps-ho2-notion-from-inputs label=negative
import requests


def handler(pd):
    r = requests.post(
        f"https://api.notion.com/v1/pages",
        headers={
            "Authorization": f"Bearer {pd.inputs['notion']['$auth']['oauth_access_token']}",
            "Notion-Version": "2022-06-28",
        },
        json={"parent": {"database_id": pd.inputs["database"]}, "properties": {}},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()

# --- case: steps-ho2-hardcoded-telegram label=positive
import requests

BOT_TOKEN = "5832947163:AAHk3mZ9vQ2xW7pL4rT8yN1bC6dF0gJ5sE2"


def handler(pd):
    requests.post(f"https://api.telegram.org/bot{BOT_TOKEN}/sendMessage", json={"chat_id": 42, "text": "hi"}, timeout=10)
