# Secret-detection corpus, category "arguments": parameter defaults, keyword arguments and the
# credential positions of well-known calls.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: arguments-default-password label=positive
import psycopg2


def connect(host="db.internal", user="app", password="hunter2"):
    return psycopg2.connect(host=host, user=user, password=password, dbname="app")

# --- case: arguments-default-annotated-api-key label=positive
import requests


def get_weather(city: str, api_key: str = "4b6f0e2d9a8c7b1e") -> dict:
    r = requests.get("https://api.example.com/weather", params={"q": city, "key": api_key}, timeout=10)
    r.raise_for_status()
    return r.json()

# --- case: arguments-default-kwonly-token label=positive
import requests


def post_message(channel, text, *, token="xoxp-0000000000-1111111111-2222222222-abcdef0123456789abcdef0123456789"):
    return requests.post(
        "https://slack.com/api/chat.postMessage",
        headers={"Authorization": f"Bearer {token}"},
        json={"channel": channel, "text": text},
        timeout=10,
    )

# --- case: arguments-lambda-default label=positive
import requests

fetch = lambda path, secret="wh_9Kd82LmQz": requests.get("https://api.example.com" + path, headers={"X-Secret": secret}, timeout=10)

# --- case: arguments-keyword-api-key label=positive
from acme_sdk import AcmeClient

client = AcmeClient(api_key="acme_9f8e7d6c5b4a3921", region="eu-west-1")

# --- case: arguments-keyword-psycopg label=positive
import psycopg2

conn = psycopg2.connect(host="db.example.com", port=5432, user="reporting", password="R3p0rt!ng", dbname="analytics")

# --- case: arguments-keyword-boto3 label=positive
import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="AKIAIOSFODNN7EXAMPLE",
    aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    region_name="us-east-1",
)

# --- case: arguments-keyword-bearer-token label=positive
import tweepy

client = tweepy.Client(bearer_token="AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3DEUifiRBkKG5E2XzMDjRfl76ZC9Ub0wnz4XsNiRVBChTYbJcE3F")
tweets = client.search_recent_tweets(query="pipedream", max_results=10)

# --- case: arguments-keyword-login-or-token label=positive
from github import Github

gh = Github(login_or_token="3e5f7a9c1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a")
repo = gh.get_repo("acme/backend")

# --- case: arguments-jwt-signing-key label=positive
import time

import jwt


def make_token(user_id):
    payload = {"sub": user_id, "exp": int(time.time()) + 3600}
    return jwt.encode(payload, "my-super-secret-signing-key", algorithm="HS256")

# --- case: arguments-hmac-literal-key label=positive
import hashlib
import hmac


def verify(body: bytes, signature: str) -> bool:
    expected = hmac.new(b"whk_3f9a2c7e1b8d4a6f", body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)

# --- case: arguments-imap-login label=positive
import imaplib

mail = imaplib.IMAP4_SSL("imap.example.com")
mail.login("inbox-bot@example.com", "Inb0x-B0t-2024")
mail.select("INBOX")

# --- case: arguments-default-none-and-empty label=negative
import requests


def fetch(url, token=None, password="", api_key: str | None = None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(url, headers=headers, timeout=10)

# --- case: arguments-default-naming label=negative
def request(method, path, auth_header="Authorization", token_prefix="Bearer ", sort_key="created_at", api_key_name="X-API-Key"):
    return {"method": method, "path": path, "header": auth_header, "prefix": token_prefix, "sort": sort_key, "key": api_key_name}

# --- case: arguments-keyword-from-environ label=negative
import os

from acme_sdk import AcmeClient

client = AcmeClient(api_key=os.environ["ACME_API_KEY"], secret=os.getenv("ACME_SECRET"), region="eu-west-1")

# --- case: arguments-keyword-from-inputs label=negative
import psycopg2


def handler(pd):
    db = pd.inputs["postgresql"]["$auth"]
    conn = psycopg2.connect(host=db["host"], user=db["user"], password=db["password"], dbname=db["database"])
    return conn.closed

# --- case: arguments-keyword-urls-and-ids label=negative
from requests_oauthlib import OAuth2Session


def session(client_id, token):
    return OAuth2Session(
        client_id,
        token=token,
        auto_refresh_url="https://oauth2.googleapis.com/token",
        token_updater=print,
        redirect_uri="https://example.com/callback",
    )

# --- case: arguments-secret-id-and-file label=negative
import boto3
import docker

sm = boto3.client("secretsmanager", region_name="us-east-1")
value = sm.get_secret_value(SecretId="prod/db/password")
client = docker.DockerClient(base_url="unix://var/run/docker.sock")
config = {"password_file": "/run/secrets/db_password", "token_path": "/var/run/secrets/kubernetes.io/serviceaccount/token"}

# --- case: arguments-cli-and-ui-definitions label=negative
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("--token", help="GitHub token with repo scope", default=None)
parser.add_argument("--password", action="store_true", help="prompt for a password")
parser.add_argument("--api-key", dest="api_key", default="")

# --- case: arguments-jwt-hmac-names label=negative
import hashlib
import hmac

import jwt


def handler(pd):
    secret = pd.inputs["signing_secret"]
    body = pd.steps["trigger"]["event"]["bodyRaw"].encode()
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    claims = jwt.decode(pd.steps["trigger"]["event"]["headers"]["x-jwt"], secret, algorithms=["HS256"])
    return expected, claims

# --- case: arguments-login-names label=negative
import ftplib
import os

ftp = ftplib.FTP("ftp.example.com")
ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASSWORD"])
ftp.retrlines("LIST")

# --- case: arguments-keyword-prompt-and-type label=negative
import getpass

import streamlit as st

pw = getpass.getpass(prompt="Password: ")
key = st.text_input("API key", type="password", placeholder="sk-...")
token = st.text_input("Token", help="Paste the token from your dashboard")

# --- case: arguments-ho-pymongo-password label=positive
from pymongo import MongoClient

client = MongoClient("mongo.internal", 27017, username="reporting", password="R3p0rting!Mongo", authSource="admin")

# --- case: arguments-ho-paramiko label=positive
import paramiko

ssh = paramiko.SSHClient()
ssh.set_missing_host_key_policy(paramiko.AutoAddPolicy())
ssh.connect("bastion.example.com", username="deploy", password="d3pl0y!ssh")

# --- case: arguments-ho-method-default label=positive
import requests


class Api:
    def __init__(self, base="https://api.example.com", secret_key="sk_9f8a7b6c5d4e3f2a1b0c"):
        self.base = base
        self.secret_key = secret_key

# --- case: arguments-ho-redis-password label=positive
import redis

cache = redis.Redis(host="cache.internal", port=6379, password="c4ch3-r3d1s-pw", db=0)

# --- case: arguments-ho-kwargs-from-config label=negative
import json

import redis

with open("/tmp/config.json") as fh:
    cfg = json.load(fh)
cache = redis.Redis(host=cfg["host"], port=cfg["port"], password=cfg.get("password"), db=0)

# --- case: arguments-ho-click-options label=negative
import click


@click.command()
@click.option("--token", envvar="ACME_TOKEN", required=True, help="API token")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
def main(token, password):
    click.echo("ok")

# --- case: arguments-ho-keyring label=negative
import keyring

password = keyring.get_password("acme-api", "reporting")
keyring.set_password("acme-api", "reporting", password)

# --- case: arguments-ho2-default-env label=negative
import os


def client(api_key=os.environ.get("ACME_API_KEY"), secret=None, token=""):
    return api_key, secret, token
