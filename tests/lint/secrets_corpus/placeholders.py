# Secret-detection corpus, category "placeholders": placeholder values in credential slots (reported:
# they invite a real key to be pasted in) and placeholder text that sits in no credential slot.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: placeholders-your-api-key label=positive
import requests

API_KEY = "YOUR_API_KEY"
r = requests.get("https://api.example.com/v1/items", headers={"X-API-Key": API_KEY}, timeout=10)

# --- case: placeholders-seed-proxy label=positive
import requests


def handler(pd: "pipedream"):
    user = "USERNAME"  # Replace with your HTTP proxy username
    password = "PASSWORD"  # Replace with your HTTP proxy password
    host = "10.10.1.10"
    port = 1080
    proxies = {"https": f"http://{user}:{password}@{host}:{port}"}
    r = requests.request("GET", "https://example.com", proxies=proxies, timeout=10)

# --- case: placeholders-bearer-your-token label=positive
import requests

headers = {"Authorization": "Bearer YOUR_ACCESS_TOKEN", "Content-Type": "application/json"}
r = requests.post("https://api.example.com/v1/messages", headers=headers, json={"text": "hi"}, timeout=10)

# --- case: placeholders-angle-brackets label=positive
import requests

r = requests.get("https://api.example.com/v1/me", headers={"X-API-Key": "<your-api-key>"}, timeout=10)

# --- case: placeholders-xxx label=positive
CLIENT_ID = "xxxxxxxx.apps.example.com"
CLIENT_SECRET = "xxxxxxxxxxxxxxxxxxxxxxxx"

# --- case: placeholders-changeme label=positive
import psycopg2

conn = psycopg2.connect(host="localhost", user="postgres", password="changeme", dbname="postgres")

# --- case: placeholders-replace-me label=positive
API_TOKEN = "REPLACE_ME"
WEBHOOK_URL = "https://hooks.example.com/in"

# --- case: placeholders-auth-tuple label=positive
import requests

r = requests.get("https://api.example.com/v1/tickets", auth=("USERNAME", "PASSWORD"), timeout=10)

# --- case: placeholders-query-string label=positive
import requests

r = requests.get("https://api.example.com/v1/search?q=shoes&api_key=YOUR_KEY_HERE", timeout=10)

# --- case: placeholders-params-insert label=positive
import requests

params = {"api_key": "INSERT_API_KEY", "symbol": "AAPL"}
r = requests.get("https://api.example.com/v1/quote", params=params, timeout=10)

# --- case: placeholders-url-userinfo label=positive
import requests

proxies = {"https": "http://USERNAME:PASSWORD@proxy.example.com:8080"}
r = requests.get("https://example.com", proxies=proxies, timeout=10)

# --- case: placeholders-input-default-empty label=negative
def handler(pd):
    api_key = pd.inputs.get("api_key") or ""
    if not api_key:
        raise ValueError("Connect an account or set the api_key input")
    return api_key[:4]

# --- case: placeholders-in-messages label=negative
import os

if "ACME_API_KEY" not in os.environ:
    raise RuntimeError("Set YOUR_API_KEY in the ACME_API_KEY environment variable")
print("Replace PASSWORD with your proxy password before running this step")

# --- case: placeholders-placeholder-constant label=negative
API_KEY_PLACEHOLDER = "YOUR_API_KEY"
TOKEN_HINT = "<paste your token here>"


def is_placeholder(value):
    return value in (API_KEY_PLACEHOLDER, "", None)

# --- case: placeholders-template-syntax label=negative
api_key = "{{ secrets.ACME_API_KEY }}"
token = "${GITHUB_TOKEN}"
password = "{{steps.get_credentials.$return_value.password}}"

# --- case: placeholders-docstring-example label=negative
def configure(api_key=None):
    """Configure the client.

    Example::

        configure(api_key="YOUR_API_KEY")
        headers = {"Authorization": "Bearer YOUR_TOKEN"}
    """
    return {"api_key": api_key}

# --- case: placeholders-ui-placeholder label=negative
import streamlit as st

api_key = st.text_input("OpenAI API key", placeholder="sk-...", type="password")
password = st.text_input("Password", type="password")

# --- case: placeholders-env-example-file label=negative
from pathlib import Path

Path(".env.example").write_text("ACME_API_KEY=\nACME_API_SECRET=\nDATABASE_URL=postgresql://localhost/app\n")

# --- case: placeholders-ho-dots label=positive
import requests

r = requests.get("https://api.example.com/v1/me", headers={"Authorization": "Bearer ..."}, timeout=10)

# --- case: placeholders-ho-api-key-here label=positive
OPENAI_API_KEY = "sk-your-api-key-here"

# --- case: placeholders-ho-readme-snippet label=negative
README = '''
## Configuration

Set `ACME_API_KEY` in your environment:

    export ACME_API_KEY=<your key>
'''

# --- case: placeholders-ho2-todo label=positive
STRIPE_SECRET = "TODO"

# --- case: placeholders-ho2-example-dot-com label=negative
CONTACT = "security@example.com"
PLACEHOLDER_TEXT = "Enter your password"
