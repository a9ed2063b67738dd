# Secret-detection corpus, category "token_formats": well-known token formats wherever they appear
# (mostly outside any credential-named slot), and look-alikes that are not secrets.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: token_formats-github-classic label=positive
from github import Github

gh = Github("ghp_FJ839r3vv63YFw0mR3mOa2Qqg6twaW9pvuhN")
print(gh.get_user().login)

# --- case: token_formats-github-fine-grained label=positive
import subprocess

subprocess.run(
    ["gh", "auth", "login", "--with-token"],
    input="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",
    text=True,
    check=True,
)

# --- case: token_formats-stripe-live label=positive
import stripe

stripe.api_version = "2023-10-16"
CONFIG = {"stripe": "sk_live_51NzQ4rKx8Jb2PqLm7Vw3Yt6Hd9Fs0Ga", "currency": "eur"}
stripe.api_key = CONFIG["stripe"]

# --- case: token_formats-stripe-restricted label=positive
import requests

keys = ["rk_live_51HdF8tKZ0vQ3xLm9Pw2Yr7Ns"]
r = requests.get("https://api.stripe.com/v1/balance", auth=(keys[0], ""), timeout=10)

# --- case: token_formats-slack-bot label=positive
from slack_sdk import WebClient

client = WebClient("xoxb-338588147990-6434829279948-AFjuXQ8OqEDZjQKbuBwZGcXa")
client.chat_postMessage(channel="#alerts", text="deploy finished")

# --- case: token_formats-aws-access-key-id label=positive
import boto3

session = boto3.Session("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region_name="us-east-1")

# --- case: token_formats-google-api-key label=positive
import requests

MAPS = "AIza6mB_qQxqUj88oJLAzGYNC2bGgfgrjpjwCfA"
r = requests.get("https://maps.googleapis.com/maps/api/place/textsearch/json", params={"query": "pizza", "key": MAPS}, timeout=10)

# --- case: token_formats-gitlab-pat label=positive
import gitlab

gl = gitlab.Gitlab("https://gitlab.example.com", "glpat-e6aT1Lqw0XgM9Z41tgi4")
gl.auth()

# --- case: token_formats-sendgrid label=positive
from sendgrid import SendGridAPIClient

sg = SendGridAPIClient("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")

# --- case: token_formats-pem-rsa label=positive
import jwt

SIGNER = """-----BEGIN RSA PRIVATE KEY-----
MIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu
KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQJAIJLixBy2qpFoS4DSmoEm
-----END RSA PRIVATE KEY-----"""
token = jwt.encode({"iss": "svc"}, SIGNER, algorithm="RS256")

# --- case: token_formats-pem-in-service-account label=positive
SERVICE_ACCOUNT = {
    "type": "service_account",
    "project_id": "acme-prod",
    "client_email": "sync@acme-prod.iam.gserviceaccount.com",
    "pem": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n",
}

# --- case: token_formats-openssh-key label=positive
DEPLOY = """-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
-----END OPENSSH PRIVATE KEY-----"""

# --- case: token_formats-jwt label=positive
import requests

SESSION = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
r = requests.get("https://api.example.com/v1/me", cookies={"session": SESSION}, timeout=10)

# --- case: token_formats-openai label=positive
from openai import OpenAI

client = OpenAI("sk-proj-RiLHnqMswY8h7ePcaP-Cg1s1kAIaFRZ1DS62nK7l2oBAdqqE")

# --- case: token_formats-slack-webhook-url label=positive
import requests

WEBHOOK = "https://hooks.slack.com/services/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"
requests.post(WEBHOOK, json={"text": "Build failed"}, timeout=10)

# --- case: token_formats-shopify-access-token label=positive
import requests

r = requests.get(
    "https://acme.myshopify.com/admin/api/2024-01/orders.json",
    headers={"X-Shopify-Access-Token": "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"},
    timeout=10,
)

# --- case: token_formats-stripe-webhook-secret label=positive
import stripe


def handler(pd):
    event = pd.steps["trigger"]["event"]
    return stripe.Webhook.construct_event(
        event["bodyRaw"], event["headers"]["stripe-signature"], "whsec_cDyQapULPxw6A9ogCnc4yetozmeh3W2S"
    )

# --- case: token_formats-docstring-leak label=positive
def sync_repos():
    """Sync the org's repositories.

    Temporary: uses ghp_FJ839r3vv63YFw0mR3mOa2Qqg6twaW9pvuhN until the app is installed.
    """
    return []

# --- case: token_formats-stripe-ids label=negative
import stripe


def handler(pd):
    stripe.api_key = pd.inputs["stripe"]["$auth"]["api_key"]
    customer = stripe.Customer.retrieve("cus_NffrFeUfNV2Hib")
    intent = stripe.PaymentIntent.retrieve("pi_3MtwBwLkdIwHu7ix28a3tqPa")
    price = "price_1MoBy5LkdIwHu7ixZhnattbh"
    return customer, intent, price

# --- case: token_formats-publishable-key label=negative
STRIPE_PUBLISHABLE_KEY = "pk_live_51NzQ4rKx8Jb2PqLm7Vw3Yt6Hd9Fs0Ga"
checkout_html = f'<script>const stripe = Stripe("{STRIPE_PUBLISHABLE_KEY}");</script>'

# --- case: token_formats-prefix-checks label=negative
import re

GITHUB_TOKEN = re.compile(r"\b(ghp|gho|ghs)_[A-Za-z0-9]{36}\b")
AWS_KEY_ID = re.compile(r"(AKIA|ASIA)[0-9A-Z]{16}")


def kind(token: str) -> str:
    if token.startswith("sk_live_"):
        return "stripe-secret"
    if token.startswith(("xoxb-", "xoxp-")):
        return "slack"
    if token.startswith("glpat-"):
        return "gitlab"
    return "unknown"

# --- case: token_formats-public-material label=negative
CERT = """-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUYm8fGq3hG5lX9xXG0c1pQxqvWQgwCgYIKoZIzj0EAwIw
-----END CERTIFICATE-----"""
PUBLIC = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n"
SSH_PUB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGJ4fQ1tD1b2rI4l3y3HcT8cZcE9X0n7yqv1p2m3k4l5 deploy@ci"

# --- case: token_formats-slack-and-aws-ids label=negative
CHANNEL = "C024BE91L"
USER = "U024BE7LH"
TEAM = "T024BE7LD"
ROLE_ARN = "arn:aws:iam::123456789012:role/pipedream-sync"
BUCKET = "acme-prod-exports-us-east-1"
REGION = "us-east-1"

# --- case: token_formats-hashes-uuids label=negative
import hashlib


def verify(path):
    expected = "5d41402abc4b2a76b9719d911017c592"
    digest = hashlib.md5(open(path, "rb").read()).hexdigest()
    return digest == expected, "a3e1f2c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b"

# --- case: token_formats-base64-image label=negative
PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
html = f'<img src="{PIXEL}" width="1" height="1">'

# --- case: token_formats-google-client-id label=negative
GOOGLE_CLIENT_ID = "407408718192-3a9kf0n7e2o5d1c8b6m4l2p0q9r7s5t3.apps.googleusercontent.com"
GA_MEASUREMENT_ID = "G-8XK2M4P7QZ"
FIREBASE_PROJECT = "acme-prod-4f2a1"

# --- case: token_formats-jwt-segment-cursor label=negative
import base64
import json

cursor = "eyJvZmZzZXQiOjEwMCwibGltaXQiOjUwfQ"
state = json.loads(base64.urlsafe_b64decode(cursor + "=="))

# --- case: token_formats-ho-npm-token label=positive
from pathlib import Path

Path("/tmp/.npmrc").write_text("//registry.npmjs.org/:_authToken=npm_l6AQ3l5B1WrZ7Dtkr9Lr0KvypmMNCuCGDQio\n")

# --- case: token_formats-ho-huggingface label=positive
from huggingface_hub import InferenceClient

client = InferenceClient(model="meta-llama/Llama-3.1-8B-Instruct", token="hf_JAOwOfuSZaz7x6qXXiDMZhdKwWzZfC5f0f")

# --- case: token_formats-ho-slack-user-in-list label=positive
TOKENS = {
    "workspace-a": "xoxp-338588147990-6434829279948-6434829280012-3f9b2a1c7d8e4f5a6b7c8d9e0f1a2b3c",
}

# --- case: token_formats-ho-aws-in-ini label=positive
from pathlib import Path

Path("/tmp/credentials").write_text(
    "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
)

# --- case: token_formats-ho-git-shas label=negative
RELEASES = {
    "v1.4.0": "1e4f9c2b7a8d3e6f5c0b9a8d7e6f5c4b3a2d1e0f",
    "v1.5.0": "9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b",
}

# --- case: token_formats-ho-sample-ids label=negative
TWILIO_FROM = "+15005550006"
MESSAGING_SERVICE_SID = "MG9752274e9e519418a7406176694466fa"
ZOOM_MEETING_ID = "85746065432"
HUBSPOT_PORTAL_ID = "2405876"

# --- case: token_formats-ho-blurhash label=negative
image = {
    "url": "https://images.example.com/p/8f1c2e.jpg",
    "blurhash": "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
    "sha1": "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
}

# --- case: token_formats-ho2-gitlab-ci label=positive
import gitlab

gl = gitlab.Gitlab(url="https://gitlab.com", private_token="glpat-e6aT1Lqw0XgM9Z41tgi4")

# --- case: token_formats-ho2-uuid-key label=negative
WORKSPACE_ID = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"
trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
