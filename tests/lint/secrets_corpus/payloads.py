# Secret-detection corpus, category "payloads": credentials in params=, json=, data= and other dicts.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: payloads-params-api-key label=positive
import requests

r = requests.get(
    "https://api.example.com/v1/forecast",
    params={"api_key": "8d7f6e5c4b3a2910", "city": "Lisbon"},
    timeout=10,
)

# --- case: payloads-params-key label=positive
import requests


def handler(pd):
    params = {"q": pd.inputs["query"], "cx": "017576662512468239146:omuauf_lfve", "key": "c3b8f1a94e2d7c6b5a08"}
    return requests.get("https://www.googleapis.com/customsearch/v1", params=params, timeout=10).json()

# --- case: payloads-params-access-token label=positive
import requests

resp = requests.get(
    "https://graph.instagram.com/me/media",
    params={"fields": "id,caption", "access_token": "IGQVJYeUk4NjBiNk9GaWlOR3hxaXZA"},
    timeout=10,
)

# --- case: payloads-json-client-secret label=positive
import requests

r = requests.post(
    "https://accounts.zoho.com/oauth/v2/token",
    data={
        "grant_type": "refresh_token",
        "client_id": "1000.ABCD1234EFGH5678",
        "client_secret": "9f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d",
        "refresh_token": "1000.aa11bb22cc33dd44.ee55ff66aa77bb88",
    },
    timeout=10,
)

# --- case: payloads-password-grant label=positive
import requests

r = requests.post(
    "https://auth.example.com/oauth/token",
    data={"grant_type": "password", "username": "svc-bot", "password": "Winter2024!"},
    timeout=10,
)

# --- case: payloads-json-login label=positive
import requests


def handler(pd):
    r = requests.post(
        "https://app.example.com/api/login",
        json={"email": "reports@example.com", "password": "Reports#2024"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()["session"]

# --- case: payloads-nested-auth label=positive
import requests

payload = {
    "auth": {"apiKey": "ak_5Jd93KsLq0PzXm27", "user": "ops"},
    "query": {"status": "open"},
}
r = requests.post("https://api.example.com/v2/search", json=payload, timeout=10)

# --- case: payloads-recaptcha-secret label=positive
import requests


def handler(pd):
    token = pd.steps["trigger"]["event"]["body"]["g-recaptcha-response"]
    r = requests.post(
        "https://www.google.com/recaptcha/api/siteverify",
        data={"secret": "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe", "response": token},
        timeout=10,
    )
    return r.json()["success"]

# --- case: payloads-form-string label=positive
import requests

body = "grant_type=client_credentials&client_id=my-app&client_secret=Qm9vS2VlcGVyU2VjcmV0"
r = requests.post(
    "https://auth.example.com/oauth2/token",
    data=body,
    headers={"Content-Type": "application/x-www-form-urlencoded"},
    timeout=10,
)

# --- case: payloads-webhook-secret label=positive
import requests

requests.post(
    "https://api.example.com/v1/webhooks",
    json={"url": "https://hooks.example.com/in", "events": ["order.created"], "signing_secret": "a7Vd2Kq9Lm4Xz8Rt"},
    timeout=10,
)

# --- case: payloads-dict-call-keywords label=positive
import requests

params = dict(username="exporter", api_token="ZXhwb3J0ZXItdG9rZW4tMQ", format="csv")
r = requests.get("https://api.example.com/v1/export", params=params, timeout=10)

# --- case: payloads-subprocess-env label=positive
import os
import subprocess

env = dict(os.environ)
env.update({"GITHUB_TOKEN": "b5c1e8f2a9d34c7e6f0a1b2c3d4e5f6a7b8c9d0e"})
subprocess.run(["gh", "release", "list"], env=env, check=True)

# --- case: payloads-field-map label=negative
FIELD_MAP = {
    "password": "password",
    "username": "username",
    "apiKey": "api_key",
    "clientSecret": "client_secret",
}


def to_snake(record):
    return {FIELD_MAP.get(k, k): v for k, v in record.items()}

# --- case: payloads-form-labels label=negative
LABELS = {
    "email": "Email address",
    "password": "Password",
    "api_key": "API key",
    "token": "Access token (from Settings > API)",
}

# --- case: payloads-values-from-inputs label=negative
import requests


def handler(pd):
    creds = pd.inputs["app"]["$auth"]
    r = requests.post(
        "https://app.example.com/api/login",
        json={"email": creds["email"], "password": creds["password"], "api_key": creds["api_key"]},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()

# --- case: payloads-grant-type-and-scope label=negative
import os

import requests

r = requests.post(
    "https://auth.example.com/oauth/token",
    data={
        "grant_type": "client_credentials",
        "client_id": os.environ["CLIENT_ID"],
        "client_secret": os.environ["CLIENT_SECRET"],
        "scope": "read:orders write:orders",
    },
    timeout=10,
)

# --- case: payloads-sort-key-and-pagination label=negative
import requests


def handler(pd):
    items, page_token = [], None
    while True:
        params = {"sort_key": "created_at", "order": "desc", "limit": 100}
        if page_token:
            params["page_token"] = page_token
        data = requests.get("https://api.example.com/v1/items", params=params, timeout=10).json()
        items.extend(data["items"])
        page_token = data.get("next_page_token")
        if not page_token:
            return items

# --- case: payloads-key-value-pairs label=negative
import requests

custom_fields = [
    {"key": "priority", "value": "high"},
    {"key": "team", "value": "payments"},
]
requests.post("https://api.example.com/v1/tickets", json={"title": "Refund", "fields": custom_fields}, timeout=10)

# --- case: payloads-template-and-empty label=negative
import requests

payload = {
    "api_key": "{{steps.trigger.event.body.api_key}}",
    "password": "",
    "token": None,
    "secret": False,
}
requests.post("https://api.example.com/v1/hooks", json=payload, timeout=10)

# --- case: payloads-llm-prompt label=negative
import requests


def handler(pd):
    body = {
        "model": "gpt-4o-mini",
        "max_tokens": 400,
        "messages": [
            {"role": "system", "content": "You are a support bot. Never reveal passwords, tokens or API keys."},
            {"role": "user", "content": pd.steps["trigger"]["event"]["body"]["question"]},
        ],
    }
    headers = {"Authorization": f"Bearer {pd.inputs['openai']['$auth']['api_key']}"}
    return requests.post("https://api.openai.com/v1/chat/completions", json=body, headers=headers, timeout=60).json()

# --- case: payloads-mock-token-response-names label=negative
def token_response(access_token, refresh_token, expires_in=3600):
    return {
        "access_token": access_token,
        "refresh_token": refresh_token,
        "token_type": "Bearer",
        "expires_in": expires_in,
        "scope": "openid email profile",
    }

# --- case: payloads-password-reset-flags label=negative
import requests


def handler(pd):
    user_id = pd.steps["trigger"]["event"]["body"]["user_id"]
    return requests.patch(
        f"https://api.example.com/v1/users/{user_id}",
        json={"password_reset_required": True, "auth_method": "sso", "token_ttl": 900},
        timeout=10,
    ).status_code

# --- case: payloads-error-messages label=negative
ERRORS = {
    "password": "Password must be at least 12 characters long.",
    "token": "The token has expired, please sign in again.",
    "api_key": "Invalid API key provided.",
}

# --- case: payloads-ho-pagerduty-routing label=positive
import requests

event = {
    "routing_key": "R0123456789ABCDEF0123456789ABCDE",
    "event_action": "trigger",
    "payload": {"summary": "disk full", "source": "db-1", "severity": "critical"},
}
requests.post("https://events.pagerduty.com/v2/enqueue", json=event, timeout=10)

# --- case: payloads-ho-connection-string label=positive
import pyodbc

conn = pyodbc.connect("Driver={ODBC Driver 18 for SQL Server};Server=tcp:acme.database.windows.net,1433;Database=sales;Uid=etl;Pwd=Etl#Passw0rd;Encrypt=yes;")

# --- case: payloads-ho-azure-storage label=positive
from azure.storage.blob import BlobServiceClient

svc = BlobServiceClient.from_connection_string(
    "DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg==;EndpointSuffix=core.windows.net"
)

# --- case: payloads-ho-libpq-dsn label=positive
import psycopg2

conn = psycopg2.connect("host=db.internal port=5432 dbname=app user=app password=xY7!kP2q")

# --- case: payloads-ho-nested-credentials label=positive
import requests

body = {"integration": {"type": "jira", "credentials": {"email": "bot@example.com", "apiToken": "ATATT3xFfGF0aB1cD2eF3gH4"}}}
requests.post("https://api.example.com/v1/integrations", json=body, timeout=10)

# --- case: payloads-ho-graphql-variables label=negative
import requests


def handler(pd):
    query = "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }"
    variables = {"email": pd.inputs["email"], "password": pd.inputs["password"]}
    r = requests.post("https://api.example.com/graphql", json={"query": query, "variables": variables}, timeout=10)
    return r.json()["data"]["login"]["token"]

# --- case: payloads-ho-schema label=negative
SCHEMA = {
    "type": "object",
    "properties": {
        "api_key": {"type": "string", "description": "Your API key", "minLength": 32},
        "password": {"type": "string", "format": "password"},
    },
    "required": ["api_key"],
}

# --- case: payloads-ho-openapi-security label=negative
SECURITY_SCHEMES = {
    "ApiKeyAuth": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "BearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
}

# --- case: payloads-ho-redacted-log label=negative
import logging


def log_request(headers):
    safe = {k: ("***" if k.lower() in {"authorization", "x-api-key"} else v) for k, v in headers.items()}
    logging.info("sending %s", safe)
    return {"token": "[REDACTED]", "password": "********"}

# --- case: payloads-ho2-login-form label=positive
import requests

s = requests.Session()
s.post("https://portal.example.com/login", data={"user": "ops", "pass": "0ps-P0rtal"}, timeout=10)

# --- case: payloads-ho2-settings-json label=negative
import json

settings = json.loads('{"theme": "dark", "auth": {"provider": "okta", "required": true}}')
