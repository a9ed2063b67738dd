"""What a credential looks like: credential names, header names, known token formats, values.

Used by PD104 (hardcoded-secret) and, for `is_credential_name`, by PD109 (credentials over HTTP).
Names are split into lower-case words (`X-RapidAPI-Key` -> x, rapid, api, key; `pageToken` -> page,
token) and judged by their last word and the word before it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterator

CREDENTIAL_WORDS = frozenset(
    {
        "password", "passwd", "pwd", "passphrase", "secret", "token", "auth", "apikey",
        "credential", "credentials", "authorization", "bearer", "privatekey", "accesskey",
        "secretkey", "clientsecret", "accesstoken", "authtoken", "pass",
    }
)
# `key` is a credential only with one of these in front of it: api_key, x-api-key, private_key ...
KEY_QUALIFIERS = frozenset(
    {
        "api", "access", "secret", "private", "client", "app", "auth", "signing", "encryption",
        "master", "license", "subscription", "consumer", "account", "service", "webhook", "x",
    }
)
# ... and never with one of these: the key of a record, a cache, an S3 object, a public key. Any
# other qualifier (`stripe_key`, `x-functions-key`, a bare `key`) makes a *weak* credential name:
# reported only when the value looks like a generated token.
NON_SECRET_KEY_QUALIFIERS = frozenset(
    {
        "sort", "cache", "partition", "primary", "foreign", "public", "publishable", "idempotency",
        "lookup", "dict", "map", "hash", "range", "row", "group", "dedup", "dedupe", "deduplication",
        "object", "s3", "bucket", "issue", "project", "translation", "i18n", "field", "column",
        "order", "index", "composite", "unique", "natural", "surrogate", "compound", "shard",
        "sharding", "host", "item", "record", "entity", "table", "config", "setting", "settings",
        "json", "dimension", "metric", "label", "tag", "property", "attribute", "search", "filter",
        "join", "file", "message", "event", "ordering", "distinct", "site",
    }
)
# `token` preceded by one of these is a position in a listing or a form nonce, not a credential.
NON_SECRET_TOKEN_QUALIFIERS = frozenset(
    {
        "page", "next", "prev", "previous", "continuation", "cursor", "pagination", "sync",
        "resume", "max", "delta", "skip", "csrf", "xsrf", "cancellation", "completion", "prompt",
        "input", "output",
    }
)
# A name ending in one of these names a field, header or setting, not a value.
NAMING_SUFFIXES = frozenset(
    {
        "header", "headers", "field", "fields", "name", "names", "param", "params", "label", "url",
        "uri", "endpoint", "type", "path", "file", "filename", "length", "len", "prefix", "env",
        "var", "id", "hash", "hint", "format", "pattern", "regex", "template", "policy", "placeholder",
        "prompt", "error", "message", "msg", "description", "count", "expiry", "expires", "ttl",
        "timeout", "scheme", "method", "mode", "dir", "version", "location", "option", "options",
        "provider", "status", "required", "enabled", "kind", "source", "style",
    }
)
# Query parameters that carry a credential beside the credential names: `&key=`, `&sig=`.
QUERY_CREDENTIAL_NAMES = frozenset({"key", "sig", "signature", "auth", "pwd", "apikey"})
# Words that, as a whole value, say how (or whether) to authenticate rather than with what.
NON_SECRET_VALUES = frozenset(
    {
        "null", "none", "nil", "undefined", "true", "false", "yes", "no", "n/a", "ok",
        "basic", "digest", "bearer", "oauth", "oauth1", "oauth2", "ntlm", "negotiate", "kerberos",
        "jwt", "hmac", "sso", "saml", "ldap", "required", "optional", "disabled", "enabled",
    }
)
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")

KNOWN_TOKEN_FORMATS = re.compile(
    r"(?:"
    r"\bgh[pousr]_[A-Za-z0-9]{36,}"
    r"|\bgithub_pat_[A-Za-z0-9_]{22,}"
    r"|\b[sr]k_(?:live|test)_[0-9A-Za-z]{10,}"
    r"|\bwhsec_[A-Za-z0-9+/=]{24,}"
    r"|\bxox[abposre]-[0-9A-Za-z-]{10,}"
    r"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"
    r"|\bAIza[0-9A-Za-z_\-]{35}"
    r"|\bGOCSPX-[0-9A-Za-z_\-]{24,}"
    r"|\b1//0[0-9A-Za-z_\-]{40,}"
    r"|\bglpat-[0-9A-Za-z_\-]{20,}"
    r"|\bSG\.[0-9A-Za-z_\-]{16,}\.[0-9A-Za-z_\-]{20,}"
    r"|\bshp(?:at|ss|ca|pa)_[0-9a-fA-F]{32}\b"
    r"|\bpat[0-9A-Za-z]{14}\.[0-9a-f]{64}\b"
    r"|\bpat-(?:na|eu)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"
    r"|\bnpm_[A-Za-z0-9]{36}\b"
    r"|\bhf_[A-Za-z0-9]{34,}\b"
    r"|\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}"
    r"|\bsk-(?:proj-|ant-)?[A-Za-z0-9_\-]{32,}"
    r"|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
    r"|\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"
    r"|(?<![A-Za-z0-9])(?:bot)?\d{8,12}:AA[A-Za-z0-9_\-]{30,}"
    r"|hooks\.slack\.com/(?:services|workflows|triggers)/T[A-Z0-9]{6,}/[A-Z0-9]{6,}/[A-Za-z0-9]{16,}"
    r"|discord(?:app)?\.com/api/webhooks/\d{10,}/[A-Za-z0-9_\-]{30,}"
    r")"
)
AUTH_SCHEME_VALUE = re.compile(r"^(?:Bearer|Token|Basic|Bot|ApiKey)\s+[A-Za-z0-9._~+/=\-:]{6,}\s*$", re.I)
# scheme://user:password@ — userinfo never holds an unescaped `/`, `?`, `#` or `@`.
URL_USERINFO = re.compile(r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://([^/?#@\s:]*):([^/?#@\s]+)@")
QUERY_PAIR = re.compile(r"[?&;#]([A-Za-z_][A-Za-z0-9_.\-\[\]]*)=([^&#\s]*)")
# Kept for compatibility: the credential query parameters as one pattern.
CREDENTIAL_QUERY = re.compile(
    r"[?&#;]((?:[A-Za-z_\-]*(?:api[_\-]?key|token|secret|password|passwd|signature|access[_\-]?key))"
    r"|key|sig|auth|apikey|pwd)=([^&#\s]+)",
    re.I,
)
TEMPLATE_MARKERS = ("{{", "${", "%(", "<%")
# str.format fields (`{}`, `{0}`, `{token}`, `{cfg.key}`, `{x!r:>10}`) and printf conversions.
FORMAT_FIELD = re.compile(
    r"\{(?:\d*|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]{}]*\])*)(?:![rsa])?(?::[^{}]*)?\}"
    r"|%(?:\([A-Za-z_][A-Za-z0-9_]*\))?[-#0 +]?[sdr](?![A-Za-z0-9])"
)
# "X-API-Key", "Proxy-Authorization", "x-api-key": what an HTTP header name looks like.
HEADER_NAME = re.compile(r"^(?:[A-Z][A-Za-z]*(?:-(?:[A-Z][A-Za-z]*|[0-9]+))+|[xX]-[a-z]+(?:-(?:[a-z]+|[0-9]+))*)$")
# "api_key", "client_secret", "apiKey", "password": what a field name looks like.
FIELD_NAME = re.compile(r"^[a-z]+(?:_[a-z]+|[A-Z][a-z]*|_[0-9]+)*$")
PATH_LIKE = re.compile(
    r"^(?:/|\./|\.\./|~[/\\]|[A-Za-z]:\\)"
    r"|^[\w.\-/\\~]+\.(?:pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|ppk|pub|gpg|asc|json|txt|env|"
    r"ya?ml|toml|ini|cfg|conf|csv)$",
    re.I,
)
PLACEHOLDER_VALUE = re.compile(
    r"^(?:<[^<>]+>|\[[^\[\]]+\]|x{4,}|X{4,}|\*{3,}|\.{3,}|"
    r"(?:your|my|insert|enter|replace|paste)[_\- ].*|.*[_\- ]here|change[_\-]?me|replace[_\-]?me|todo|fixme)$",
    re.I,
)
BASIC_CREDENTIALS = re.compile(r"^[^:\s]+:\S+$")
ORDINARY_WORD = re.compile(r"^[A-Za-z][a-z]+$")
# Regular-expression syntax: a pattern that matches credentials is not one.
REGEX_LIKE = re.compile(r"\(\?[:P=!<]|\\[dwsDWSb]|\[[^\][]*\][*+?{]")
# Values that hide a credential rather than hold one: "********", "[REDACTED]", "<hidden>", and
# tokens shown with their tail starred out ("hf_***", "Bearer sk-…").
MASKED_VALUE = re.compile(r"^(?:\*{3,}|•{3,}|[\[<(]?(?:redacted|hidden|masked|filtered|removed)[\]>)]?)$", re.I)
MASKED_PART = re.compile(r"\*{3,}|•{3,}|…")
# Credentials that providers publish as examples: AWS's `AKIAIOSFODNN7EXAMPLE` and its secret.
DOCUMENTED_EXAMPLE = re.compile(r"EXAMPLE")
# App passwords are handed out in groups of four (Google "abcd efgh ijkl mnop", WordPress
# application passwords "Xk2v 9QmR tL4p ...").
APP_PASSWORD = re.compile(r"^[A-Za-z0-9]{4}(?: [A-Za-z0-9]{4}){3,}$")
# A credential in a URL path: `.../with/key/<key>` (IFTTT), `/token/<token>/`, `/apikey/<key>`.
PATH_CREDENTIAL = re.compile(
    r"/(?:key|keys|apikey|api_key|api-key|token|access_token|secret)/([A-Za-z0-9_\-]{16,})(?=[/?#]|$)",
    re.I,
)


def name_words(name: str) -> list[str]:
    return [w.lower() for w in _WORD_SPLIT.split(name) if w]


def credential_strength(name: str) -> str | None:
    """`"strong"` for `api_key`, `GITHUB_TOKEN`, `clientSecret`, `X-API-Key`, `password`; `"weak"`
    for key names with an unknown qualifier (`stripe_key`, `x-functions-key`, `key`): a credential
    only if the value looks generated; None for everything else (`token_url`, `sort_key`,
    `pageToken`)."""
    if "::" in name:
        return None  # a namespaced type (`AWS::SecretsManager::Secret`), not a field
    words = name_words(name)
    if not words:
        return None
    last = words[-1]
    before = words[-2] if len(words) > 1 else None
    if last in NAMING_SUFFIXES:
        return None
    if last in CREDENTIAL_WORDS:
        if last == "token" and before in NON_SECRET_TOKEN_QUALIFIERS:
            return None
        return "strong"
    if last == "key":
        if before in KEY_QUALIFIERS:
            return "strong"
        if before in NON_SECRET_KEY_QUALIFIERS:
            return None
        return "weak"
    return None


def is_credential_name(name: str) -> bool:
    """`api_key`, `GITHUB_TOKEN`, `clientSecret`, `X-API-Key`, `password` — not `token_url`."""
    return credential_strength(name) == "strong"


def is_query_credential(name: str) -> bool:
    """A query or form parameter that carries a credential: `api_key`, `token`, `key`, `sig`."""
    return is_credential_name(name) or name.lower() in QUERY_CREDENTIAL_NAMES


def is_auth_pair_name(name: str) -> bool:
    """Names that hold a `(user, password)` pair: `auth`, `session.auth`, `credentials`, `creds`."""
    words = name_words(name)
    return bool(words) and words[-1] in {"auth", "credentials", "creds", "login"}


def names_a_credential(value: str) -> bool:
    """A string that is itself a header or field name (`"Authorization"`, `"api_key"`)."""
    if value.lower() == "authorization":
        return True
    if HEADER_NAME.match(value) or FIELD_NAME.match(value):
        return is_credential_name(value)
    return False


def is_template(value: str) -> bool:
    """A template for a value rather than a value: `{{steps.x}}`, `${VAR}`, `{}`, `%s`, `{token}`."""
    return any(marker in value for marker in TEMPLATE_MARKERS) or FORMAT_FIELD.search(value) is not None


def has_known_token(value: str) -> bool:
    # Every format holds a run of ten or more of these characters (`-----BEGIN`, `AKIA` and its
    # 16, `xoxb-` and its 10, ...): a quick scan for such a run spares most strings (prose,
    # names, short keys) the trial of every format at every position.
    return _TOKEN_RUN.search(value) is not None and KNOWN_TOKEN_FORMATS.search(value) is not None


_TOKEN_RUN = re.compile(r"[A-Za-z0-9_\-+/=]{10}")


def is_auth_scheme_value(value: str) -> bool:
    """`"Bearer 9c1f0e..."`, `"Basic YWRtaW46..."`, `"token ghp_..."` — not prose such as
    `"Token expired"` or `"Basic settings"`, whose second word is an ordinary word."""
    match = AUTH_SCHEME_VALUE.match(value)
    return match is not None and ORDINARY_WORD.match(value.split(None, 1)[1].strip()) is None


def is_path(value: str) -> bool:
    """A path to a key file or a secret on disk, not the key itself."""
    return PATH_LIKE.match(value) is not None


def is_placeholder(value: str) -> bool:
    """`YOUR_API_KEY`, `<token>`, `xxxxxxxx`, `changeme`, `PASSWORD`: a value still to be filled in."""
    stripped = value.strip()
    if PLACEHOLDER_VALUE.match(stripped):
        return True
    return stripped.isupper() and credential_strength(stripped) is not None


def is_label_of(value: str, name: str | None) -> bool:
    """`"Password"` for the `password` field: a display label repeating the slot's own name.
    All-capital values (`"PASSWORD"`) are placeholders, not labels."""
    if name is None or value.isupper():
        return False
    words = name_words(value)
    return bool(words) and words == name_words(name)


def entropy(value: str) -> float:
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def looks_generated(value: str) -> bool:
    """A machine-made token: long, no spaces, letters and digits mixed, high character entropy."""
    stripped = value.strip()
    if len(stripped) < 20 or any(ch.isspace() for ch in stripped) or "://" in stripped:
        return False  # (16 hex digits and fewer: hashes, ids and check values rather than keys)
    if is_path(stripped) or is_template(stripped):
        return False
    if not any(ch.isdigit() for ch in stripped) or not any(ch.isalpha() for ch in stripped):
        return False
    return entropy(stripped) >= 3.0


def is_masked(value: str) -> bool:
    """A credential shown hidden: all stars, `[REDACTED]`, or a token with its tail starred out
    (`hf_***`, `Bearer sk-…`)."""
    stripped = value.strip()
    return MASKED_VALUE.match(stripped) is not None or MASKED_PART.search(stripped) is not None


def is_documented_example(value: str) -> bool:
    """A credential a provider publishes as an example (`AKIAIOSFODNN7EXAMPLE`)."""
    return DOCUMENTED_EXAMPLE.search(value) is not None


def looks_like_secret_value(value: str, name: str | None = None) -> bool:
    """Could this literal, found in a slot named `name` (a credential name), be a credential?"""
    stripped = value.strip()
    if not stripped or is_template(stripped) or is_masked(stripped):
        return False
    if is_auth_scheme_value(stripped) or has_known_token(stripped):
        return True
    if len(stripped) < 3 or REGEX_LIKE.search(stripped):
        return False  # a counter or a flag; a pattern that matches credentials
    if names_a_credential(stripped) or is_label_of(stripped, name):
        return False
    if stripped.lower() in NON_SECRET_VALUES:
        return False
    if is_placeholder(stripped) or APP_PASSWORD.match(stripped):
        return True  # `"[Enter API KEY]"` like `"YOUR_API_KEY"`: a value written into the code
    if name is not None and name_words(name)[-1:] == ["auth"] and re.fullmatch(r"[a-z]+", stripped):
        return False  # auth="anonymous": how to authenticate, not with what
    if any(ch.isspace() for ch in stripped):
        return False  # prose, a prompt or a description
    if is_path(stripped):
        return False  # a path to a key file
    if "://" in stripped:
        return URL_USERINFO.search(stripped) is not None
    return True


def looks_like_compared_secret(value: str, name: str | None = None) -> bool:
    """`token == "..."`: a credential checked against a literal. Stricter than a binding: lexers
    compare tokens with words and punctuation (`token == "async"`), and placeholder checks are guards
    (`api_key == "YOUR_API_KEY"`), so the literal must look made up: a digit, mixed case, or length."""
    stripped = value.strip()
    if is_placeholder(stripped) or not looks_like_secret_value(stripped, name):
        return False
    if is_auth_scheme_value(stripped) or has_known_token(stripped):
        return True
    mixed_case = any(ch.isupper() for ch in stripped) and any(ch.islower() for ch in stripped)
    return any(ch.isdigit() for ch in stripped) or mixed_case or len(stripped) >= 12


def is_header_value_secret(value: str, password: bool = False) -> bool:
    """The value of a credential header or the password of an auth pair: any literal counts (spaces
    included: app passwords are often written in groups) except templates and non-values. A
    header value that names a credential (`"Authorization"`) is a name, not a value; a password
    is a password whatever it says (`("user", "pass")`)."""
    stripped = value.strip()
    if not stripped or is_template(stripped) or is_masked(stripped):
        return False
    if stripped.lower() in NON_SECRET_VALUES:
        return False
    return password or not names_a_credential(stripped)


def literal_query_credentials(text: str, placeholder: str = "\x00") -> Iterator[tuple[str, str]]:
    """(name, value) of each credential query parameter with a literal value in a URL or query."""
    for match in QUERY_PAIR.finditer(text):
        name, value = match.group(1), match.group(2)
        if not value or placeholder in value or is_template(value) or REGEX_LIKE.search(value):
            continue
        if is_query_credential(name) or (credential_strength(name) == "weak" and looks_generated(value)):
            yield name, value


_PAIR_ITEM = re.compile(r"^-{0,2}([A-Za-z_][A-Za-z0-9_.\-\[\]]*(?: [A-Za-z][A-Za-z0-9_]*)*)=(.*)$", re.S)


def literal_pair_credentials(text: str) -> Iterator[tuple[str, str]]:
    """Credentials in a string made only of `name=value` items: a form body
    (`"user=a&password=b"`), a connection string (`"Server=x;Password=y"`), a libpq DSN
    (`"host=db password=y"`), an env file."""
    stripped = text.strip()
    if "=" not in stripped or "://" in stripped.split("=", 1)[0]:
        return
    if ";" in stripped:
        items = stripped.split(";")
    elif "&" in stripped:
        items = stripped.split("&")
    else:
        items = stripped.split()
    pairs = []
    for item in items:
        item = item.strip()
        if not item:
            continue
        match = _PAIR_ITEM.match(item)
        if match is None or (" " in match.group(1) and ";" not in stripped):
            return
        value = match.group(2).strip()
        if any(ch.isspace() for ch in value) and ";" not in stripped:
            return  # (`;`-separated connection strings may hold `Driver={ODBC Driver 18}`)
        pairs.append((match.group(1), value))
    for name, value in pairs:
        if not value or is_template(value) or "\x00" in value or REGEX_LIKE.search(value):
            continue
        if is_credential_name(name) or (credential_strength(name) == "weak" and looks_generated(value)):
            yield name, value


def is_basic_credentials(value: str) -> bool:
    """`"user:password"`, as fed to base64 for a Basic Authorization header (placeholders such as
    `"<EMAIL>:<API KEY>"` included)."""
    value = re.sub(r"<[^<>]*>", "x", value)
    if not BASIC_CREDENTIALS.match(value) or "://" in value:
        return False
    password = value.split(":", 1)[1]
    return not is_template(password) and "\x00" not in password


def literal_path_credentials(text: str, placeholder: str = "\x00") -> Iterator[str]:
    """Credentials written into a URL's path after a segment that names one
    (`https://maker.ifttt.com/trigger/door/with/key/dK3xR9...`)."""
    path_start = text.find("://")
    for match in PATH_CREDENTIAL.finditer(text, path_start + 3 if path_start != -1 else 0):
        value = match.group(1)
        if placeholder not in value and looks_generated(value):
            yield value
