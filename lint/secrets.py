"""What a credential looks like: credential names, header names, known token formats."""

from __future__ import annotations

import re

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
# A name ending in one of these names a field, header or setting, not a value.
NAMING_SUFFIXES = frozenset(
    {
        "header", "headers", "field", "fields", "name", "names", "param", "params", "label", "url",
        "uri", "endpoint", "type", "path", "file", "filename", "length", "len", "prefix", "env",
        "var", "id", "hash", "hint", "format", "pattern", "regex", "template", "policy", "placeholder",
        "prompt", "error", "message", "msg", "description", "count", "expiry", "expires", "ttl",
        "timeout", "scheme", "method", "mode", "dir", "version", "location", "option", "options",
    }
)
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")

KNOWN_TOKEN_FORMATS = re.compile(
    r"(?:"
    r"\bgh[pousr]_[A-Za-z0-9]{36,}"
    r"|\bgithub_pat_[A-Za-z0-9_]{22,}"
    r"|\b[sr]k_(?:live|test)_[0-9A-Za-z]{10,}"
    r"|\bxox[abposr]-[0-9A-Za-z-]{10,}"
    r"|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"
    r"|\bAIza[0-9A-Za-z_\-]{35}"
    r"|\bglpat-[0-9A-Za-z_\-]{20,}"
    r"|\bSG\.[0-9A-Za-z_\-]{16,}\.[0-9A-Za-z_\-]{20,}"
    r"|-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----"
    r"|\bsk-(?:proj-)?[A-Za-z0-9_\-]{32,}"
    r"|\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}"
    r")"
)
AUTH_SCHEME_VALUE = re.compile(r"^(?:Bearer|Token|Basic|Bot|ApiKey)\s+[A-Za-z0-9._~+/=\-:]{6,}\s*$", re.I)
URL_USERINFO = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://([^/@\s:]*):([^/@\s]+)@")
CREDENTIAL_QUERY = re.compile(
    r"[?&#;]((?:[A-Za-z_\-]*(?:api[_\-]?key|token|secret|password|passwd|signature|access[_\-]?key))"
    r"|key|sig|auth|apikey|pwd)=([^&#\s]+)",
    re.I,
)
TEMPLATE_MARKERS = ("{{", "${", "%(", "<%")
HEADER_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$")
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def name_words(name: str) -> list[str]:
    return [w.lower() for w in _WORD_SPLIT.split(name) if w]


def is_credential_name(name: str) -> bool:
    """`api_key`, `GITHUB_TOKEN`, `clientSecret`, `X-API-Key`, `password` — not `token_url`."""
    words = name_words(name)
    if not words:
        return False
    last = words[-1]
    if last in NAMING_SUFFIXES:
        return False
    if last in CREDENTIAL_WORDS:
        return last != "pass" or len(words) > 1
    return last == "key" and len(words) > 1 and words[-2] in KEY_QUALIFIERS


def names_a_credential(value: str) -> bool:
    """A string that is itself a header or field name (`"Authorization"`, `"api_key"`)."""
    if value.lower() == "authorization":
        return True
    if HEADER_NAME.match(value) or FIELD_NAME.match(value):
        return is_credential_name(value)
    return False


def is_template(value: str) -> bool:
    return any(marker in value for marker in TEMPLATE_MARKERS)


def has_known_token(value: str) -> bool:
    return KNOWN_TOKEN_FORMATS.search(value) is not None


def is_auth_scheme_value(value: str) -> bool:
    return AUTH_SCHEME_VALUE.match(value) is not None


def looks_like_secret_value(value: str) -> bool:
    """Could this literal, found in a credential-named slot, be a credential?"""
    stripped = value.strip()
    if not stripped or is_template(stripped) or names_a_credential(stripped):
        return False
    if is_auth_scheme_value(stripped) or has_known_token(stripped):
        return True
    if any(ch.isspace() for ch in stripped):
        return False  # prose, a prompt or a description
    if stripped.startswith(("/", "./", "~/", "../")):
        return False  # a path to a key file
    if "://" in stripped:
        return URL_USERINFO.search(stripped) is not None
    return True
