# Secret-detection corpus, category "assignments": module constants, variables, class attributes.
# Format and labels: see README.md in this directory. Every case below is a complete module.
# pdlint: ignore-file

# --- case: assignments-module-api-key label=positive
import requests

API_KEY = "a1b2c3d4e5f6a7b8c9d0"


def handler(pd):
    return requests.get("https://api.example.com/v1/items", headers={"X-API-Key": API_KEY}, timeout=10).json()

# --- case: assignments-db-password label=positive
import psycopg2

DB_HOST = "db.internal"
DB_USER = "app"
DB_PASSWORD = "Pa$$w0rd2023"
conn = psycopg2.connect(host=DB_HOST, user=DB_USER, password=DB_PASSWORD, dbname="app")

# --- case: assignments-client-secret label=positive
CLIENT_ID = "1234567890-abc123def456.apps.googleusercontent.com"
CLIENT_SECRET = "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"
REDIRECT_URI = "https://example.com/oauth/callback"

# --- case: assignments-django-secret-key label=positive
DEBUG = False
SECRET_KEY = "django-insecure-7#k2@x!m9q$w4e8r&t1y^u6i0o3p5a"
ALLOWED_HOSTS = ["example.com"]

# --- case: assignments-local-token label=positive
import requests


def handler(pd):
    token = "tok_2Jf8sKd9LmQ1pX7z"
    r = requests.get("https://api.example.com/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    r.raise_for_status()
    return r.json()

# --- case: assignments-class-attribute label=positive
import requests


class AcmeClient:
    base_url = "https://api.acme.example/v2"
    api_key = "acme_live_f3K9sL2mQ8xP"

    def get(self, path):
        return requests.get(self.base_url + path, headers={"X-Api-Key": self.api_key}, timeout=10)

# --- case: assignments-self-attribute label=positive
class Mailer:
    def __init__(self, host="smtp.example.com"):
        self.host = host
        self.username = "mailer@example.com"
        self.password = "m41l3r-S3cret"

# --- case: assignments-dataclass-field label=positive
from dataclasses import dataclass


@dataclass
class Settings:
    base_url: str = "https://api.example.com"
    auth_token: str = "at_7Gm2Qx9Lp4Vz1Rk8"
    timeout: float = 10.0

# --- case: assignments-environ-subscript label=positive
import os

os.environ["OPENAI_API_KEY"] = "c2stcHJvai1hYmNkZWZnaGlqa2xtbm9wcXJzdHV2"

# --- case: assignments-config-subscript label=positive
config = {}
config["base_url"] = "https://api.example.com"
config["api_secret"] = "s3cr3t-9Xq2Lm7Pz4"

# --- case: assignments-tuple-unpacking label=positive
import requests

username, password = "admin", "Adm1n!2024"
r = requests.get("https://router.local/api/status", auth=(username, password), timeout=10)

# --- case: assignments-vendor-key label=positive
import requests

MAILCHIMP_KEY = "0123456789abcdef0123456789abcdef-us6"
r = requests.get("https://us6.api.mailchimp.com/3.0/lists", auth=("anystring", MAILCHIMP_KEY), timeout=10)

# --- case: assignments-encryption-key label=positive
from cryptography.fernet import Fernet

ENCRYPTION_KEY = "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg="
cipher = Fernet(ENCRYPTION_KEY)

# --- case: assignments-field-and-header-names label=negative
PASSWORD_FIELD = "password"
TOKEN_HEADER = "Authorization"
API_KEY_NAME = "X-API-Key"
SECRET_PARAM = "client_secret"
AUTH_TOKEN_KEY_NAME = "auth_token"

# --- case: assignments-field-enum-class label=negative
class Fields:
    USERNAME = "username"
    PASSWORD = "password"
    API_KEY = "api_key"
    TOKEN = "token"

# --- case: assignments-env-var-names label=negative
import os

API_KEY_ENV = "ACME_API_KEY"
TOKEN_VAR = "GITHUB_TOKEN"
api_key = os.environ[API_KEY_ENV]
token = os.getenv(TOKEN_VAR, "")

# --- case: assignments-secret-names-and-paths label=negative
import boto3

SECRET_NAME = "prod/payments/stripe"
PRIVATE_KEY_PATH = "/etc/ssl/private/service.key"
private_key = "keys/service-account.pem"
secret = boto3.client("secretsmanager").get_secret_value(SecretId=SECRET_NAME)["SecretString"]

# --- case: assignments-key-names label=negative
key = "name"
sort_key = "created_at"
primary_key = "id"
cache_key = "user:profile:v2"
S3_KEY = "exports/2024/01/report.csv"
ISSUE_KEY = "PAY-1234"


def by(records):
    return sorted(records, key=lambda r: r[key])

# --- case: assignments-checksum-and-ids label=negative
checksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
expected_sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
request_id = "3f2b8c1e-9d4a-4e6b-8c7f-1a2b3c4d5e6f"
commit = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"
etag = '"33a64df551425fcc55e4d42a148795d9f25f89d4"'

# --- case: assignments-values-from-elsewhere label=negative
import os


class Client:
    def __init__(self, api_key=None, token=None):
        self.api_key = api_key or os.getenv("ACME_API_KEY")
        self.token = token
        self.password = None
        self.secret = ""

# --- case: assignments-settings-with-credential-words label=negative
TOKEN_EXPIRY = 3600
PASSWORD_MIN_LENGTH = 12
token_type = "Bearer"
auth_scheme = "Basic"
password_policy = "min12-upper-digit"
AUTH_PROVIDER = "google"
api_key_prefix = "sk_"

# --- case: assignments-prose label=negative
password_hint = "Use at least 12 characters, with a number and a symbol."
token_error = "Your session token has expired. Please log in again."
secret = "This value is not secret; it is shown on the public status page."

# --- case: assignments-dataclass-defaults label=negative
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Credentials:
    username: str = ""
    password: str = ""
    token: Optional[str] = None
    scopes: list = field(default_factory=list)
    auth_url: str = "https://auth.example.com/authorize"

# --- case: assignments-public-key label=negative
PUBLIC_KEY = """-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9
q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==
-----END PUBLIC KEY-----"""

# --- case: assignments-ho-global-in-function label=positive
import requests


def handler(pd):
    global SESSION_TOKEN
    SESSION_TOKEN = "sess_84jf93kd02lsm3nd7q"
    return requests.get("https://api.example.com/v1/me", headers={"X-Session": SESSION_TOKEN}, timeout=10).status_code

# --- case: assignments-ho-settings-object label=positive
class settings:
    pass


settings.SLACK_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
settings.DEBUG = False

# --- case: assignments-ho-typed-module-constant label=positive
from typing import Final

OPENWEATHER_API_KEY: Final[str] = "b6907d289e10d714a6e88b30761fae22"

# --- case: assignments-ho-dict-update label=positive
import os

os.environ.update({"AIRTABLE_TOKEN": "patA1b2C3d4E5f6G7.0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})

# --- case: assignments-ho-password-confirm label=negative
from dataclasses import dataclass


@dataclass
class SignupForm:
    email: str
    password: str
    password_confirmation: str
    accept_terms: bool = False
    password_strength: str = "weak"

# --- case: assignments-ho-token-counts label=negative
MAX_TOKENS = 4096
prompt_tokens = 0
completion_token_limit = 512
tokenizer = "cl100k_base"
token_budget = "4k"

# --- case: assignments-ho-key-function label=negative
import operator

key = operator.itemgetter("created_at")
sort_key = lambda row: row["name"]
primary_key = ("tenant_id", "id")

# --- case: assignments-ho2-multiple-targets label=positive
api_token = default_token = "dtk_58d1a9e2c7f34b60"

# --- case: assignments-ho2-conditional label=negative
import os

token = os.environ.get("GITHUB_TOKEN") if "CI" in os.environ else None
password = os.environ["PGPASSWORD"] if os.environ.get("PGPASSWORD") else ""

# --- case: assignments-ho2-secret-ref label=negative
DB = {
    "host": "db.internal",
    "password_secret_arn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
    "user": "app",
}
