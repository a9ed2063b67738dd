# Secret-detection corpus, category "headers": credentials in HTTP request headers.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: headers-bearer-literal label=positive
import requests


def handler(pd: "pipedream"):
    headers = {
        "Authorization": "Bearer 9c1f0e7a2b4d4e8f9a6b3c2d1e0f7a8b",
        "Content-Type": "application/json",
    }
    r = requests.get("https://api.example.com/v1/me", headers=headers, timeout=10)
    r.raise_for_status()
    return r.json()

# --- case: headers-basic-literal label=positive
import requests

r = requests.get(
    "https://jira.example.com/rest/api/2/myself",
    headers={"Authorization": "Basic YWRtaW46c3VwZXJzZWNyZXQ="},
    timeout=10,
)

# --- case: headers-github-token-scheme label=positive
import requests


def handler(pd):
    r = requests.get(
        "https://api.github.com/user/repos",
        headers={"Authorization": "token 4f8a2c9e1b7d3a6f0c5e8b2d9a1f4c7e3b6d0a8f", "Accept": "application/vnd.github+json"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()

# --- case: headers-x-api-key-short label=positive
import requests


def handler(pd: "pipedream"):
    url = "https://jsonplaceholder.typicode.com/posts"
    headers = {"X-API-KEY": "123"}
    r = requests.post(url, headers=headers, json={"name": "Luke"}, timeout=10)

# --- case: headers-api-key-lowercase label=positive
import requests

SUPABASE_URL = "https://xyzcompany.supabase.co"
headers = {
    "apikey": "sb_secret_3kQ9xPzL0mW2vR7tY5uJ8hN1",
    "Content-Type": "application/json",
}
rows = requests.get(f"{SUPABASE_URL}/rest/v1/todos?select=*", headers=headers, timeout=10).json()

# --- case: headers-x-auth-token label=positive
import requests

session = requests.Session()
session.headers.update({"X-Auth-Token": "a8f5f167f44f4964e6c998dee827110c"})
resp = session.get("https://api.football-data.org/v4/matches", timeout=10)

# --- case: headers-private-token-gitlab label=positive
import requests

projects = requests.get(
    "https://gitlab.example.com/api/v4/projects",
    headers={"PRIVATE-TOKEN": "Zk3mQ8rT1vX6nB9cL2pD"},
    timeout=10,
).json()

# --- case: headers-subscription-key label=positive
import requests

headers = {
    "Ocp-Apim-Subscription-Key": "0f2b6c8e4a9d4f1b8e7c3a5d6b2e9f01",
    "Content-Type": "application/json",
}
body = [{"text": "Hello, world"}]
r = requests.post("https://api.cognitive.microsofttranslator.com/translate?api-version=3.0&to=de", headers=headers, json=body, timeout=10)

# --- case: headers-subscript-assignment label=positive
import requests


def handler(pd):
    headers = {"Accept": "application/json"}
    headers["X-API-Key"] = "live_7Hq2Wm9Zp4Rt6Yx1"
    return requests.get("https://api.thecatapi.com/v1/images/search", headers=headers, timeout=10).json()

# --- case: headers-session-subscript label=positive
import requests

s = requests.Session()
s.headers["Authorization"] = "Bearer eyJ0eXAiOiJKV1Qi.fake-but-literal.c2lnbmF0dXJl"
s.get("https://api.example.com/v2/orders", timeout=10)

# --- case: headers-rapidapi label=positive
import requests

headers = {
    "X-RapidAPI-Key": "b1946ac92492d2347c6235b4d2611184",
    "X-RapidAPI-Host": "weatherapi-com.p.rapidapi.com",
}
resp = requests.get("https://weatherapi-com.p.rapidapi.com/current.json", headers=headers, params={"q": "Paris"}, timeout=10)

# --- case: headers-proxy-authorization label=positive
import requests

proxies = {"https": "http://proxy.corp.example.com:3128"}
headers = {"Proxy-Authorization": "Basic cHJveHl1c2VyOnByb3h5cGFzcw=="}
r = requests.get("https://example.com", headers=headers, proxies=proxies, timeout=10)

# --- case: headers-basic-b64encode-literal label=positive
import base64

import requests

headers = {"Authorization": "Basic " + base64.b64encode(b"admin:Tr0ub4dor&3").decode()}
r = requests.get("https://ci.example.com/api/json", headers=headers, timeout=10)

# --- case: headers-urllib-add-header label=positive
import urllib.request

req = urllib.request.Request("https://api.example.com/v1/reports")
req.add_header("X-Api-Key", "9f86d081884c7d659a2feaa0c55ad015")
with urllib.request.urlopen(req, timeout=10) as resp:
    data = resp.read()

# --- case: headers-raw-token-no-scheme label=positive
import requests

r = requests.get(
    "https://api.pipedrive.com/v1/deals",
    headers={"Authorization": "k2P9xW4mQ7tR1vZ8"},
    timeout=10,
)

# --- case: headers-fstring-literal-token label=positive
import requests

api = "https://api.example.com"
r = requests.get(f"{api}/items", headers={"Authorization": f"Bearer d41d8cd98f00b204e9800998ecf8427e"}, timeout=10)

# --- case: headers-fstring-name label=negative
import requests


def handler(pd):
    token = pd.inputs["github"]["$auth"]["oauth_access_token"]
    headers = {"Authorization": f"Bearer {token}", "X-GitHub-Api-Version": "2022-11-28"}
    r = requests.get("https://api.github.com/user", headers=headers, timeout=10)
    r.raise_for_status()
    return r.json()

# --- case: headers-concat-variable label=negative
import requests


def handler(pd):
    token = pd.steps["get_token"]["$return_value"]["access_token"]
    headers = {"Authorization": "Bearer " + token}
    return requests.get("https://graph.microsoft.com/v1.0/me", headers=headers, timeout=10).json()

# --- case: headers-from-environ label=negative
import os

import requests

headers = {
    "X-API-Key": os.environ["ACME_API_KEY"],
    "Accept": "application/json",
}
r = requests.get("https://api.acme.example/v1/widgets", headers=headers, timeout=10)

# --- case: headers-name-constants label=negative
TOKEN_HEADER = "Authorization"
API_KEY_HEADER = "X-API-Key"
SIGNATURE_HEADER_NAME = "X-Hub-Signature-256"


def auth_headers(token, api_key):
    return {TOKEN_HEADER: f"Bearer {token}", API_KEY_HEADER: api_key}

# --- case: headers-ordinary-headers label=negative
import requests

headers = {
    "Content-Type": "application/json",
    "Accept": "application/vnd.api+json",
    "Notion-Version": "2022-06-28",
    "User-Agent": "pipedream-step/1.0",
    "X-Request-Id": "2f1c6b7e-8d3a-4e5f-9a0b-1c2d3e4f5a6b",
}
r = requests.get("https://api.example.com/v1/status", headers=headers, timeout=10)

# --- case: headers-idempotency-key label=negative
import requests


def handler(pd):
    order_id = pd.steps["trigger"]["event"]["body"]["order_id"]
    r = requests.post(
        "https://api.example.com/v1/charges",
        headers={"Idempotency-Key": "charge-order-20240117-0042", "Authorization": f"Bearer {pd.inputs['token']}"},
        json={"order": order_id},
        timeout=10,
    )
    r.raise_for_status()

# --- case: headers-format-and-percent label=negative
import requests


def fetch(url, token, key):
    headers = {
        "Authorization": "Bearer {}".format(token),
        "X-Api-Key": "%s" % key,
    }
    return requests.get(url, headers=headers, timeout=10)

# --- case: headers-basic-b64encode-names label=negative
import base64

import requests


def handler(pd):
    user = pd.inputs["jenkins"]["$auth"]["username"]
    api_token = pd.inputs["jenkins"]["$auth"]["api_token"]
    creds = base64.b64encode(f"{user}:{api_token}".encode()).decode()
    headers = {"Authorization": "Basic " + creds}
    return requests.get("https://ci.example.com/api/json", headers=headers, timeout=10).json()

# --- case: headers-empty-and-none label=negative
import requests


def build_headers(token=None):
    headers = {"Authorization": "", "X-Api-Key": None}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers

# --- case: headers-cors-and-www-authenticate label=negative
def unauthorized():
    return {
        "status": 401,
        "headers": {
            "WWW-Authenticate": 'Bearer realm="api", error="invalid_token"',
            "Access-Control-Allow-Headers": "Authorization, X-API-Key, Content-Type",
        },
        "body": {"error": "missing or invalid token"},
    }

# --- case: headers-template-reference label=negative
import requests

headers = {"Authorization": "Bearer {{steps.oauth.$return_value.access_token}}"}
r = requests.get("https://api.example.com/v1/me", headers=headers, timeout=10)

# --- case: headers-signature-computed label=negative
import hashlib
import hmac

import requests


def handler(pd):
    secret = pd.inputs["webhook_secret"].encode()
    body = b'{"event": "ping"}'
    digest = hmac.new(secret, body, hashlib.sha256).hexdigest()
    headers = {"X-Hub-Signature-256": "sha256=" + digest, "X-Auth-Email": "ops@example.com"}
    requests.post("https://hooks.example.com/in", data=body, headers=headers, timeout=10)

# --- case: headers-ho-datadog label=positive
import requests

r = requests.post(
    "https://api.datadoghq.com/api/v1/series",
    headers={"DD-API-KEY": "3f4e5d6c7b8a99887766554433221100", "DD-APPLICATION-KEY": "aa11bb22cc33dd44ee55ff6677889900aabbccdd"},
    json={"series": []},
    timeout=10,
)

# --- case: headers-ho-update-call label=positive
import requests

s = requests.Session()
s.headers.update(Authorization="Bearer 0b8f2e9d7c6a5b4e3d2c1b0a9f8e7d6c")

# --- case: headers-ho-dict-constructor label=positive
import requests

headers = dict(Accept="application/json", Authorization="Token 7e2a9c1f4b8d3e6a0c5f")
requests.get("https://api.example.com/v1/me", headers=headers, timeout=10)

# --- case: headers-ho-x-functions-key label=positive
import requests

requests.post(
    "https://acme-fn.azurewebsites.net/api/ingest",
    headers={"x-functions-key": "kP3vX9qL2mZ8rT5wY1nB6cD4fG7hJ0aE2sU8iO3pQ=="},
    json={"ok": True},
    timeout=10,
)

# --- case: headers-ho-circleci label=positive
import requests

r = requests.get("https://circleci.com/api/v2/me", headers={"Circle-Token": "CCIPAT_8sKd2Lq9Xm3Zp7Rt_4b1e9c2d7f"}, timeout=10)

# --- case: headers-ho-from-secret-manager label=negative
import boto3
import requests

secret = boto3.client("secretsmanager").get_secret_value(SecretId="prod/acme")["SecretString"]
r = requests.get("https://api.acme.example/v1/me", headers={"X-API-Key": secret}, timeout=10)

# --- case: headers-ho-accept-language label=negative
import requests

HEADERS = {"Accept-Language": "en-US,en;q=0.9", "Cache-Control": "no-cache", "Authorization-Scheme": "none"}
r = requests.get("https://example.com", headers=HEADERS, timeout=10)

# --- case: headers-ho-auth-from-helper label=negative
import requests


def auth_header(pd):
    return {"Authorization": "Bearer " + pd.inputs["slack"]["$auth"]["oauth_access_token"]}


def handler(pd):
    return requests.post("https://slack.com/api/auth.test", headers=auth_header(pd), timeout=10).json()

# --- case: headers-ho2-tuple-list label=positive
import http.client

conn = http.client.HTTPSConnection("api.example.com", timeout=10)
conn.request("GET", "/v1/reports", headers={"Authorization": "Bearer 5e1d9c3b7a2f8e4d6c0b"})
resp = conn.getresponse()

# --- case: headers-ho2-aiohttp label=positive
import aiohttp


async def handler(pd):
    async with aiohttp.ClientSession(headers={"X-Api-Key": "c9d8e7f6a5b4c3d2e1f0"}) as session:
        async with session.get("https://api.example.com/v1/items") as resp:
            return await resp.json()

# --- case: headers-ho2-httpx-client label=negative
import os

import httpx

client = httpx.Client(base_url="https://api.example.com", headers={"Authorization": f"Bearer {os.environ['TOKEN']}"})
