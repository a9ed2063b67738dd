"""PD104 hardcoded-secret: a credential written into the code."""

from __future__ import annotations

import libcst as cst

from ..model import dotted_name, string_value
from ..secrets import (
    CREDENTIAL_QUERY,
    URL_USERINFO,
    has_known_token,
    is_auth_scheme_value,
    is_credential_name,
    is_template,
    looks_like_secret_value,
    names_a_credential,
)
from .base import Invalid, Rule, Valid

AUTH_CLASSES = frozenset(
    {"requests.auth.HTTPBasicAuth", "requests.auth.HTTPDigestAuth", "requests.auth.HTTPProxyAuth"}
)
ADVICE = "read it from `pd.inputs[...]['$auth']` or `os.environ`"
_PLACEHOLDER = "\x00"


def _fstring_template(node: cst.FormattedString) -> str:
    """The f-string's literal text with every interpolation replaced by a NUL placeholder."""
    parts = []
    for part in node.parts:
        if isinstance(part, cst.FormattedStringText):
            parts.append(part.value)
        else:
            parts.append(_PLACEHOLDER)
    return "".join(parts)


class HardcodedSecret(Rule):
    code = "PD104"
    name = "hardcoded-secret"
    summary = f"hardcoded credential: {ADVICE}"

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                token = pd.inputs["github"]["$auth"]["oauth_access_token"]
                headers = {"Authorization": f"Bearer {token}"}
        """),
        Valid("""
            import os
            API_KEY = os.environ["API_KEY"]
            headers = {"X-API-Key": API_KEY}
        """),
        Valid("""
            PASSWORD_FIELD = "password"
            TOKEN_HEADER = "Authorization"
            API_KEY_NAME = "X-API-Key"
        """),
        Valid("""
            token_url = "https://auth.example.com/oauth/token"
            password = ""
        """),
        Valid("""
            import requests
            def handler(pd):
                user = pd.inputs["proxy"]["$auth"]["username"]
                password = pd.inputs["proxy"]["$auth"]["password"]
                proxies = {"https": f"http://{user}:{password}@proxy.example.com:1080"}
        """),
        Valid("""
            import requests
            from requests.auth import HTTPBasicAuth
            def handler(pd):
                auth = HTTPBasicAuth(pd.inputs["svc"]["$auth"]["user"], pd.inputs["svc"]["$auth"]["password"])
        """),
        Valid("""
            params = {"api_key": api_key, "page": 2}
            url = "https://example.com/items?page=2&sort=asc"
        """),
        Valid("""
            fields = {"password": "password", "token": "token"}
            prompt = "Enter your API token to continue"
            key = "name"
        """),
        Valid("""
            import requests
            r = requests.get(f"https://api.example.com/items?api_key={key}", timeout=5)
        """),
        Valid("""
            headers = {"Authorization": "Bearer " + token}
            secret_name = "prod/api-key"
            private_key = "/etc/keys/service.pem"
        """),
    ]
    INVALID = [
        Invalid("""
            headers = {"X-API-KEY": "123"}
        """, line=1),
        Invalid("""
            user = "USERNAME"
            password = "PASSWORD"
        """, line=2),
        Invalid("""
            import requests
            r = requests.get(url, auth=("admin", "hunter2"), timeout=5)
        """, line=2),
        Invalid("""
            from requests.auth import HTTPBasicAuth
            auth = HTTPBasicAuth("admin", "s3cr3t!")
        """, line=2),
        Invalid("""
            proxies = {"https": "http://bob:pa55word@proxy.example.com:1080"}
        """, line=1),
        Invalid("""
            import requests
            r = requests.get("https://api.example.com/v1/items?limit=5&api_key=abcd1234", timeout=5)
        """, line=2),
        Invalid("""
            GITHUB = "ghp_0123456789abcdefghijABCDEFGHIJ012345"
        """, line=1),
        Invalid("""
            headers = {"Authorization": "Bearer eyJhbGciOiJIUzI1NiJ9abc"}
        """, line=1),
        Invalid("""
            import requests
            r = requests.post(url, json={"client_id": cid, "client_secret": "YOUR_CLIENT_SECRET"}, timeout=5)
        """, line=2),
        Invalid("""
            def connect(host, api_key="k-9f8e7d6c5b"):
                pass
        """, line=1),
        Invalid("""
            class Config:
                def __init__(self):
                    self.auth_token = "tok_live_8f7e6d"
        """, line=3),
        Invalid("""
            proxies = {"https": f"http://{user}:hunter2@{host}:1080"}
        """, line=1),
    ]

    def report(self, node, message=None, fix=None) -> None:  # type: ignore[override]
        allowlist = self.context.settings.get("secrets-allowlist") or ()
        if allowlist:
            text = string_value(node) if not isinstance(node, cst.FormattedString) else _fstring_template(node)
            if text is not None and any(pattern.search(text) for pattern in allowlist):
                return
        super().report(node, message, fix)

    # --- slots named like credentials ---------------------------------------------------------
    def visit_DictElement(self, node: cst.DictElement) -> None:
        key = string_value(node.key)
        if key is not None and is_credential_name(key):
            self._check_slot(node.value, header="-" in key or key.lower().endswith("authorization"))

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._check_target(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._check_target(node.target, node.value)

    def _check_target(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        name = dotted_name(target)
        if name is not None and is_credential_name(name.rsplit(".", 1)[-1]):
            self._check_slot(value)

    def visit_Param(self, node: cst.Param) -> None:
        if node.default is not None and is_credential_name(node.name.value):
            self._check_slot(node.default)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        name = dotted_name(node.left)
        if name is None or not is_credential_name(name.rsplit(".", 1)[-1]):
            return
        for target in node.comparisons:
            if isinstance(target.operator, (cst.Equal, cst.NotEqual)):
                self._check_slot(target.comparator)

    def visit_Call(self, node: cst.Call) -> None:
        for arg in node.args:
            if arg.keyword is None:
                continue
            if arg.keyword.value == "auth" and isinstance(arg.value, cst.Tuple):
                elements = arg.value.elements
                if len(elements) == 2:
                    self._check_slot(elements[1].value, header=True)
            elif is_credential_name(arg.keyword.value):
                self._check_slot(arg.value)
        if self.model.qualified_name(node.func) in AUTH_CLASSES:
            positional = [a for a in node.args if a.keyword is None and not a.star]
            if len(positional) >= 2:
                self._check_slot(positional[1].value, header=True)

    def _check_slot(self, value: cst.BaseExpression, header: bool = False) -> None:
        text = string_value(value)
        if text is None:
            return
        stripped = text.strip()
        if header:
            if stripped and not is_template(stripped) and not names_a_credential(stripped):
                self.report(value)
        elif looks_like_secret_value(text):
            self.report(value)

    # --- any literal: known token formats, URL userinfo, credential query parameters ---------
    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        text = string_value(node)
        if text is None:
            return
        if has_known_token(text) or is_auth_scheme_value(text.strip()):
            self.report(node)
            return
        if "://" in text or "=" in text:
            self._check_url(node, text)

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        template = _fstring_template(node)
        if has_known_token(template):
            self.report(node)
        elif "://" in template or "=" in template:
            self._check_url(node, template)

    def _check_url(self, node: cst.CSTNode, text: str) -> None:
        for match in URL_USERINFO.finditer(text):
            password = match.group(2)
            if _PLACEHOLDER not in password and not is_template(password):
                self.report(node, f"credentials in a URL: {ADVICE}")
                return
        if "://" not in text and not text.startswith(("?", "&", "/")):
            return
        for match in CREDENTIAL_QUERY.finditer(text):
            value = match.group(2)
            if _PLACEHOLDER not in value and not is_template(value):
                self.report(node, f"credential in a URL query string: {ADVICE} and pass it with `params=`")
                return
