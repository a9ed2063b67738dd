# Secret-detection corpus, category "auth": auth tuples, requests' auth classes, login calls.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: auth-tuple-literal label=positive
import requests

r = requests.get("https://api.example.com/v1/reports", auth=("admin", "hunter2"), timeout=10)

# --- case: auth-tuple-mailgun label=positive
import requests


def handler(pd):
    return requests.post(
        "https://api.mailgun.net/v3/mg.example.com/messages",
        auth=("api", "key-3ax6xnjp29jd6fds4gc373sgvjxteol0"),
        data={"from": "noreply@mg.example.com", "to": "ops@example.com", "subject": "Hi", "text": "Test"},
        timeout=10,
    )

# --- case: auth-tuple-name-user-literal-password label=positive
import requests

API_USER = "reporting"
r = requests.get("https://grafana.example.com/api/dashboards/home", auth=(API_USER, "Gr4fana!2024"), timeout=10)

# --- case: auth-tuple-bound-to-name label=positive
import requests

auth = ("deploy-bot", "d3pl0y-b0t-pw")
r = requests.get("https://registry.example.com/v2/_catalog", auth=auth, timeout=10)

# --- case: auth-session-attribute label=positive
import requests

session = requests.Session()
session.auth = ("svc_sync", "Xk9#mP2$vL7q")
session.get("https://nexus.example.com/service/rest/v1/repositories", timeout=10)

# --- case: auth-httpbasicauth label=positive
import requests
from requests.auth import HTTPBasicAuth

r = requests.get("https://api.example.com/user", auth=HTTPBasicAuth("user@example.com", "p@ssw0rd!"), timeout=10)

# --- case: auth-httpdigestauth-qualified label=positive
import requests
import requests.auth

auth = requests.auth.HTTPDigestAuth("admin", "Zx9!mK2pQw")
r = requests.get("http://camera.local/ISAPI/System/status", auth=auth, timeout=10)

# --- case: auth-httpproxyauth label=positive
import requests
from requests.auth import HTTPProxyAuth

proxies = {"http": "http://10.10.1.10:3128", "https": "http://10.10.1.10:1080"}
r = requests.get("https://example.com", proxies=proxies, auth=HTTPProxyAuth("proxyuser", "pr0xy-pass"), timeout=10)

# --- case: auth-class-alias label=positive
import requests
from requests.auth import HTTPBasicAuth as Basic

creds = Basic("jenkins", "11a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7")
r = requests.get("https://ci.example.com/api/json", auth=creds, timeout=10)

# --- case: auth-class-keywords label=positive
import requests
from requests.auth import HTTPBasicAuth

auth = HTTPBasicAuth(username="integration", password="Summer2024!")
r = requests.get("https://api.example.com/v1/tickets", auth=auth, timeout=10)

# --- case: auth-httpx-basicauth label=positive
import httpx

client = httpx.Client(auth=httpx.BasicAuth("metrics", "m3tr1cs-r34d"), timeout=10)
resp = client.get("https://prometheus.example.com/api/v1/query", params={"query": "up"})

# --- case: auth-smtp-login label=positive
import smtplib
from email.message import EmailMessage

msg = EmailMessage()
msg["Subject"] = "Daily report"
msg["From"] = "alerts@example.com"
msg["To"] = "team@example.com"
msg.set_content("See attached.")
with smtplib.SMTP_SSL("smtp.gmail.com", 465) as smtp:
    smtp.login("alerts@example.com", "abcd efgh ijkl mnop")
    smtp.send_message(msg)

# --- case: auth-stripe-key-as-username label=positive
import requests

r = requests.get(
    "https://api.stripe.com/v1/charges",
    auth=("sk_test_4eC39HqLyjWDarjtT1zdp7dc", ""),
    params={"limit": 3},
    timeout=10,
)

# --- case: auth-tuple-names label=negative
import requests


def handler(pd):
    user = pd.inputs["jira"]["$auth"]["email"]
    password = pd.inputs["jira"]["$auth"]["api_token"]
    r = requests.get("https://example.atlassian.net/rest/api/3/myself", auth=(user, password), timeout=10)
    r.raise_for_status()
    return r.json()

# --- case: auth-tuple-key-and-empty label=negative
import requests


def handler(pd):
    key = pd.inputs["stripe"]["$auth"]["api_key"]
    r = requests.get("https://api.stripe.com/v1/customers", auth=(key, ""), params={"limit": 10}, timeout=10)
    r.raise_for_status()
    return r.json()["data"]

# --- case: auth-tuple-literal-user-name-password label=negative
import os

import requests

r = requests.post(
    "https://api.mailgun.net/v3/mg.example.com/messages",
    auth=("api", os.environ["MAILGUN_API_KEY"]),
    data={"from": "a@mg.example.com", "to": "b@example.com", "text": "hi"},
    timeout=10,
)

# --- case: auth-classes-from-inputs label=negative
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth


def handler(pd):
    creds = pd.inputs["device"]["$auth"]
    basic = HTTPBasicAuth(creds["username"], creds["password"])
    digest = HTTPDigestAuth(username=creds["username"], password=creds["password"])
    return requests.get("http://camera.local/status", auth=digest, timeout=10).status_code, basic

# --- case: auth-none-and-variable label=negative
import requests


def get(url, auth=None):
    return requests.get(url, auth=auth, timeout=10)


def get_public(url):
    return requests.get(url, auth=None, timeout=10)

# --- case: auth-session-from-environ label=negative
import os

import requests

session = requests.Session()
session.auth = (os.environ["NEXUS_USER"], os.environ["NEXUS_PASSWORD"])

# --- case: auth-smtp-login-names label=negative
import os
import smtplib

user = os.environ["SMTP_USER"]
password = os.environ["SMTP_PASSWORD"]
with smtplib.SMTP("smtp.example.com", 587) as smtp:
    smtp.starttls()
    smtp.login(user, password)

# --- case: auth-type-settings label=negative
AUTH_TYPE = "basic"
auth_scheme = "Bearer"
token_type = "bearer"


def describe():
    return f"{AUTH_TYPE} auth, {auth_scheme} tokens of type {token_type}"

# --- case: auth-unpacked-credentials label=negative
import requests
from requests.auth import HTTPBasicAuth


def handler(pd):
    creds = (pd.inputs["user"], pd.inputs["password"])
    auth = HTTPBasicAuth(*creds)
    return requests.get("https://api.example.com/v1/me", auth=auth, timeout=10).json()

# --- case: auth-ho2-aiohttp-basic label=positive
import aiohttp

auth = aiohttp.BasicAuth("metrics", "Metr1cs!Read")

# --- case: auth-ho2-kwarg-login label=positive
from atlassian import Confluence

confluence = Confluence(url="https://wiki.example.com", username="bot", password="Conf1uence-B0t")

# --- case: auth-ho2-netrc label=negative
import netrc

import requests

login, _, password = netrc.netrc().authenticators("api.example.com")
r = requests.get("https://api.example.com/v1/me", auth=(login, password), timeout=10)
