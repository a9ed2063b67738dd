"""Which names carry a credential: headers, JSON keys and form fields, URL parameters, env vars.

Credential words come from pdlint's own detector (``pdlint.secrets``, the one behind PD104); the
lists here add what is a credential only in one place: ``code`` and ``key`` in a URL or a form
(OAuth's authorization code, Google's ``key=``) are credentials, while a JSON ``"code": 404`` or a
Jira ``"key": "PROJ-1"`` are not.
"""

from __future__ import annotations

import re

from pdlint.secrets import CREDENTIAL_WORDS, URL_USERINFO, has_known_token, is_credential_name, name_words

# headers whose whole value is a credential, whatever pdlint thinks of the name
CREDENTIAL_HEADERS = frozenset(
    {
        "authorization", "proxy-authorization", "cookie", "set-cookie", "set-cookie2",
        "x-amz-security-token", "x-goog-iam-authorization-token", "x-csrf-token", "x-xsrf-token",
        "x-csrftoken",
    }
)  # fmt: skip
# headers that hold a URL (its credential parameters and userinfo go, the rest stays)
URL_HEADERS = frozenset({"location", "content-location", "link", "refresh", "referer", "origin"})
# JSON keys and form fields that echo a credential header or name one without pdlint's words
CREDENTIAL_FIELDS = frozenset(
    {
        "cookie", "cookies", "set-cookie", "authorization", "proxy-authorization", "apikey",
        "api-key", "passwd", "pwd", "signature", "sig", "client_assertion", "assertion",
        "refresh_token", "id_token", "access_token", "session_token", "sessionid", "session_id",
    }
)  # fmt: skip
# URL query parameters (and urlencoded or multipart form fields) that carry a credential
CREDENTIAL_PARAMETERS = CREDENTIAL_FIELDS | frozenset(
    {
        "code", "token", "jwt", "key", "auth", "sig", "signature", "x-amz-signature",
        "x-amz-credential", "x-amz-security-token", "x-goog-signature", "x-goog-credential",
        "code_verifier", "otp", "ticket", "hmac", "sas", "sv_sig", "jsessionid", "phpsessid",
    }
)  # fmt: skip
_SECRET_ENV_WORDS = frozenset({"webhook", "dsn"})


def _names_a_credential(name: str) -> bool:
    """pdlint's judgement, or the name's words run together are one credential word (``PassWord``,
    ``pass_word``, ``aPiKeY``: words a name's case splits apart)."""
    return is_credential_name(name) or "".join(name_words(name)) in CREDENTIAL_WORDS


def is_credential_header(name: str) -> bool:
    return name.lower() in CREDENTIAL_HEADERS or _names_a_credential(name)


def is_url_header(name: str) -> bool:
    return name.lower() in URL_HEADERS


def is_credential_field(name: str) -> bool:
    """A JSON key or a multipart field whose value is a credential."""
    return name.lower() in CREDENTIAL_FIELDS or _names_a_credential(name)


def is_credential_parameter(name: str) -> bool:
    """A URL query parameter or urlencoded form field whose value is a credential."""
    return name.lower() in CREDENTIAL_PARAMETERS or _names_a_credential(name)


_SHELL_VARIABLES = frozenset({"PWD", "OLDPWD"})
"""The working directory, not a password: every path under it would be redacted."""


def is_secret_env(name: str, value: str) -> bool:
    """An environment variable given to the step whose value is a secret: credential-named
    (``GITHUB_TOKEN``), a webhook or DSN (``SLACK_WEBHOOK_URL``, ``SENTRY_DSN``), a URL carrying
    userinfo (``DATABASE_URL=postgres://u:p@db/x``), or a value in a known token format."""
    if name.upper() in _SHELL_VARIABLES:
        return False
    words = name_words(name)
    if is_credential_name(name) or _SECRET_ENV_WORDS & set(words):
        return True
    if words and words[-1] in ("url", "uri") and CREDENTIAL_WORDS & set(words):
        return True
    return bool(URL_USERINFO.search(value)) or bool(re.search(r"://[^/@\s]+@", value)) or (
        has_known_token(value)
    )
