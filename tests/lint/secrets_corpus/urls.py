# Secret-detection corpus, category "urls": URL userinfo and credential query parameters.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: urls-userinfo-https label=positive
import requests

r = requests.get("https://admin:hunter2@api.example.com/v1/health", timeout=10)

# --- case: urls-userinfo-proxy label=positive
import requests

proxies = {
    "http": "http://proxyuser:Pr0xyPass@10.10.1.10:3128",
    "https": "http://proxyuser:Pr0xyPass@10.10.1.10:1080",
}
r = requests.get("https://example.com", proxies=proxies, timeout=10)

# --- case: urls-userinfo-postgres label=positive
import psycopg2

conn = psycopg2.connect("postgresql://app:S3cure!pw@db.internal:5432/app")

# --- case: urls-userinfo-mongodb-srv label=positive
from pymongo import MongoClient

client = MongoClient("mongodb+srv://dbuser:Xk82mPq1@cluster0.abcde.mongodb.net/test?retryWrites=true&w=majority")
db = client.get_database("orders")

# --- case: urls-userinfo-redis-empty-user label=positive
import redis

r = redis.Redis.from_url("redis://:r3d1sP4ss@cache.example.com:6379/0")

# --- case: urls-userinfo-amqp-guest label=positive
import pika

params = pika.URLParameters("amqp://guest:guest@rabbitmq:5672/%2F")
connection = pika.BlockingConnection(params)

# --- case: urls-userinfo-fstring-literal-password label=positive
import requests


def handler(pd):
    user = pd.inputs["proxy_user"]
    host = "10.10.1.10"
    proxies = {"https": f"http://{user}:hunter2@{host}:1080"}
    return requests.get("https://example.com", proxies=proxies, timeout=10).status_code

# --- case: urls-userinfo-git-clone label=positive
import subprocess

subprocess.run(
    ["git", "clone", "https://deploy:glpat-Q7rT2mX9vL4pK8nZ1wB3@gitlab.example.com/group/app.git", "/tmp/app"],
    check=True,
)

# --- case: urls-query-api-key label=positive
import requests

r = requests.get("https://api.example.com/v1/items?limit=5&api_key=4f9c2b7e1d8a3c6f", timeout=10)

# --- case: urls-query-key-google label=positive
import requests


def geocode(address):
    url = "https://maps.googleapis.com/maps/api/geocode/json?address=" + address + "&key=3c7e9a1f5b2d8e4c6a0f"
    return requests.get(url, timeout=10).json()

# --- case: urls-query-access-token label=positive
import requests

r = requests.get(
    "https://graph.facebook.com/v18.0/me/accounts?access_token=EAAGm0PX4ZCpsBAKZAZBfr7Zb3Nq2",
    timeout=10,
)

# --- case: urls-query-token-fstring label=positive
import requests


def handler(pd):
    base = "https://api.trello.com/1"
    board = pd.inputs["board_id"]
    url = f"{base}/boards/{board}/cards?key=a1b2c3d4e5f6a7b8&token=9f8e7d6c5b4a39281706f5e4d3c2b1a0"
    return requests.get(url, timeout=10).json()

# --- case: urls-query-apikey-relative label=positive
import requests

BASE = "https://www.alphavantage.co/query"


def quote(symbol):
    return requests.get(BASE + "?function=GLOBAL_QUOTE&symbol=" + symbol + "&apikey=Q1W2E3R4T5Y6U7I8", timeout=10).json()

# --- case: urls-query-placeholder label=positive
import requests

FEED = "https://api.example.com/feed.json?token=YOUR_TOKEN"
r = requests.get(FEED, timeout=10)

# --- case: urls-telegram-bot-token label=positive
import requests


def handler(pd):
    text = pd.steps["trigger"]["event"]["body"]["text"]
    requests.post(
        "https://api.telegram.org/bot5832947163:AAHk3mZ9vQ2xW7pL4rT8yN1bC6dF0gJ5sE2/sendMessage",
        json={"chat_id": 123456789, "text": text},
        timeout=10,
    )

# --- case: urls-plain-api label=negative
import requests

r = requests.get("https://api.github.com/repos/octocat/hello-world/issues?state=open&per_page=100", timeout=10)

# --- case: urls-token-url-auth-endpoint label=negative
TOKEN_URL = "https://oauth2.googleapis.com/token"
auth_endpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
token_endpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/token"
revoke_url = "https://oauth2.googleapis.com/revoke?token="

# --- case: urls-userinfo-fstring-names label=negative
import os

DB_USER = os.environ["DB_USER"]
DB_PASSWORD = os.environ["DB_PASSWORD"]
DB_HOST = os.environ.get("DB_HOST", "localhost")
DATABASE_URL = f"postgresql://{DB_USER}:{DB_PASSWORD}@{DB_HOST}:5432/app"

# --- case: urls-proxy-fstring-names label=negative
import requests


def handler(pd: "pipedream"):
    user = pd.inputs["proxy"]["$auth"]["username"]
    password = pd.inputs["proxy"]["$auth"]["password"]
    host = "10.10.1.10"
    port = 1080
    proxies = {"https": f"http://{user}:{password}@{host}:{port}"}
    r = requests.request("GET", "https://example.com", proxies=proxies, timeout=10)

# --- case: urls-format-template label=negative
import requests


def search(query, api_key):
    url = "https://api.example.com/search?q={}&api_key={}".format(query, api_key)
    alt = "https://{user}:{password}@mirror.example.com/simple/".format(user="ci", password=api_key)
    old = "https://api.example.com/search?token=%s" % api_key
    return requests.get(url, timeout=10), alt, old

# --- case: urls-fstring-query-name label=negative
import requests


def handler(pd):
    token = pd.inputs["facebook"]["$auth"]["oauth_access_token"]
    r = requests.get(f"https://graph.facebook.com/v18.0/me?fields=id,name&access_token={token}", timeout=10)
    return r.json()

# --- case: urls-concat-empty-value label=negative
import os

import requests

api_key = os.environ["OWM_KEY"]
url = "https://api.openweathermap.org/data/2.5/weather?q=London&units=metric&appid=" + api_key
r = requests.get(url, timeout=10)

# --- case: urls-user-without-password label=negative
import subprocess

repos = [
    "git@github.com:acme/backend.git",
    "https://deploy@bitbucket.org/acme/frontend.git",
    "ssh://git@gitlab.example.com:2222/acme/infra.git",
]
for repo in repos:
    subprocess.run(["git", "clone", "--depth=1", repo], check=True)

# --- case: urls-port-and-email-in-query label=negative
import requests

r = requests.get("https://api.example.com:8443?contact=ops@example.com&page=2", timeout=10)
callback = "http://localhost:5000/oauth/callback?next=/dashboard"

# --- case: urls-pagination-cursor label=negative
import requests

next_url = "https://www.googleapis.com/drive/v3/files?pageSize=100&pageToken=CAESBgoECAEQAA&fields=files(id,name)"
cursor_url = "https://api.example.com/v1/events?cursor=eyJpZCI6MTAwMH0&limit=50"
r = requests.get(next_url, timeout=10)

# --- case: urls-template-reference label=negative
import requests

url = "https://api.example.com/v1/items?api_key={{steps.config.$return_value.key}}&limit=10"
doc_url = "https://api.example.com/v1/items?api_key=${API_KEY}"
r = requests.get(url, timeout=10)

# --- case: urls-sort-and-key-names label=negative
import requests

r = requests.get(
    "https://api.example.com/v1/records?sort_key=created_at&order=desc&fields=name,key,token_count",
    timeout=10,
)

# --- case: urls-dsn-from-environ label=negative
import os

import psycopg2

conn = psycopg2.connect(os.environ["DATABASE_URL"])
redis_url = "redis://localhost:6379/0"

# --- case: urls-ho-ftp-userinfo label=positive
import urllib.request

with urllib.request.urlopen("ftp://reports:Rep0rts2024@ftp.example.com/daily.csv", timeout=10) as resp:
    data = resp.read()

# --- case: urls-ho-sqlalchemy label=positive
from sqlalchemy import create_engine

engine = create_engine("mysql+pymysql://etl:etl_Secret_9@mysql.internal:3306/warehouse")

# --- case: urls-ho-signed-query label=positive
import requests

r = requests.get("https://api.example.com/v1/export.csv?account=42&secret=8c1e9f2a7d3b6c5e", timeout=10)

# --- case: urls-ho-password-query label=positive
import requests

r = requests.get("http://nas.local:5000/webapi/auth.cgi?api=SYNO.API.Auth&version=3&method=login&account=admin&passwd=N4sAdm1n", timeout=10)

# --- case: urls-ho-urljoin label=negative
from urllib.parse import urlencode, urljoin

BASE = "https://api.example.com/v1/"
url = urljoin(BASE, "search") + "?" + urlencode({"q": "shoes", "page": 2})

# --- case: urls-ho-oauth-authorize label=negative
from urllib.parse import urlencode

params = {
    "response_type": "code",
    "client_id": "my-client-id",
    "redirect_uri": "https://example.com/callback",
    "scope": "openid email",
    "state": "af0ifjsldkj",
}
authorize_url = "https://accounts.example.com/o/oauth2/auth?" + urlencode(params)

# --- case: urls-ho-docs-links label=negative
LINKS = [
    "https://developers.google.com/maps/documentation/geocoding/get-api-key",
    "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens",
    "https://api.slack.com/authentication/token-types#bot",
]

# --- case: urls-ho-email-at label=negative
import requests

r = requests.get("https://api.example.com/v1/users/by-email/jane.doe@example.com", timeout=10)
avatar = "https://www.gravatar.com/avatar/205e460b479e2e5b48aec07710c08d50?s=200"

# --- case: urls-ho2-webhook-plain label=negative
import requests

requests.post("https://hooks.example.com/services/ingest/orders", json={"id": 1}, timeout=10)

# --- case: urls-ho2-presigned-from-api label=negative
import requests


def handler(pd):
    upload = requests.post("https://api.example.com/v1/uploads", timeout=10).json()
    requests.put(upload["url"], data=b"...", timeout=30)
    return upload["url"].split("?")[0]

# --- case: urls-ho2-basic-in-fstring label=positive
import requests


def handler(pd):
    host = pd.inputs["host"]
    return requests.get(f"https://monitor:M0n1t0r!ng@{host}/metrics", timeout=10).text
