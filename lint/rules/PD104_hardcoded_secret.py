"""PD104 hardcoded-secret: a credential written into the code."""

from __future__ import annotations

import ast

from ..nodes import dotted_name, string_value, target_values, unstarred
from ..secrets import (
    URL_USERINFO,
    credential_strength,
    has_known_token,
    is_auth_pair_name,
    is_auth_scheme_value,
    is_basic_credentials,
    is_credential_name,
    is_documented_example,
    is_header_value_secret,
    is_path,
    is_placeholder,
    is_template,
    literal_pair_credentials,
    literal_path_credentials,
    literal_query_credentials,
    looks_generated,
    looks_like_compared_secret,
    looks_like_secret_value,
)
from .base import Invalid, Rule, Valid

AUTH_CLASSES = frozenset(
    {
        "requests.auth.HTTPBasicAuth", "requests.auth.HTTPDigestAuth", "requests.auth.HTTPProxyAuth",
        "httpx.BasicAuth", "httpx.DigestAuth", "aiohttp.BasicAuth", "requests_ntlm.HttpNtlmAuth",
    }
)
# Unimported in a snippet, these names still mean requests' classes.
BARE_AUTH_CLASSES = frozenset({"HTTPBasicAuth", "HTTPDigestAuth", "HTTPProxyAuth"})
# Calls whose key argument (by position, or `key=`) is a signing or encryption key.
SIGNING_KEY_CALLS = {
    "jwt.encode": 1,
    "jwt.decode": 1,
    "hmac.new": 0,
    "hmac.HMAC": 0,
    "cryptography.fernet.Fernet": 0,
    "itsdangerous.Signer": 0,
    "itsdangerous.URLSafeSerializer": 0,
    "itsdangerous.URLSafeTimedSerializer": 0,
}
# Methods that set one header: `req.add_header("X-Api-Key", "...")`.
HEADER_SETTERS = frozenset({"add_header", "add_unredirected_header", "putheader"})
BASE64_ENCODERS = frozenset({"b64encode", "standard_b64encode", "urlsafe_b64encode", "encodebytes"})
# Calls whose second argument is the fallback for the setting named by the first.
DEFAULT_GETTERS = frozenset({"get", "setdefault"})
ENV_GETTERS = frozenset({"os.getenv", "os.environ.get", "os.environ.setdefault"})
# Keys beside `apiKey` that make a dict a Firebase web config, which is public by design.
FIREBASE_WEB_CONFIG_KEYS = frozenset({"authDomain", "projectId", "storageBucket", "messagingSenderId", "appId"})
ADVICE = "read it from `pd.inputs[...]['$auth']` or `os.environ`"
_PLACEHOLDER = "\x00"


def _fstring_template(node: ast.JoinedStr) -> str:
    """The f-string's literal text with every interpolation replaced by a NUL placeholder; a
    literal interpolated as it is (`f"OAuth {'<api_key>'}"`) is literal text."""
    parts = []
    for part in node.values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            parts.append(part.value)
        elif (
            isinstance(part, ast.FormattedValue)
            and part.conversion == -1
            and part.format_spec is None
            and isinstance(part.value, ast.Constant)
            and isinstance(part.value.value, str)
        ):
            parts.append(part.value.value)
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
        # str.format / printf templates are not values; neither are key-file paths without a `/` prefix
        Valid("""
            url = "https://api.example.com/search?q={}&api_key={}".format(q, key)
            dsn = "https://{user}:{password}@mirror.example.com/".format(user=u, password=p)
            header = {"Authorization": "Bearer %s" % token}
            private_key = "keys/service-account.pem"
        """),
        # a port followed by a query holding an e-mail address is not userinfo; pagination tokens
        Valid("""
            r = requests.get("https://api.example.com:8443?contact=ops@example.com", timeout=5)
            nxt = "https://www.googleapis.com/drive/v3/files?pageToken=CAESBgoECAEQAA"
            params = {"page_token": "CAESBgoECAEQAA", "sort_key": "created_at"}
        """),
        # placeholder guards, sentinels and labels are not credentials
        Valid("""
            if api_key == "YOUR_API_KEY" or token == "null":
                raise RuntimeError("configure the key")
            labels = {"password": "Password", "token": "Access token"}
            masked = {"token": "[REDACTED]", "password": "********", "auth": "ok"}
        """),
        # key names: records, caches, objects, public keys; `key` with a non-generated value
        Valid("""
            custom = [{"key": "priority", "value": "high"}]
            S3_KEY = "exports/2024/01/report.csv"
            cache_key = "user:profile:v2"
            STRIPE_PUBLISHABLE_KEY = "pk_live_51NzQ4rKx8Jb2PqLm7Vw3Yt6Hd9Fs0Ga"
        """),
        # prose that starts with a scheme word; signing keys and Basic credentials built from names
        Valid("""
            status = {"message": "Token accepted", "detail": "Basic settings saved"}
            digest = hmac.new(secret.encode(), body, hashlib.sha256)
            creds = base64.b64encode(f"{user}:{password}".encode())
        """),
        # issue 15: public-by-design keys, documented examples, masks, empty or absent defaults
        Valid("""
            FIREBASE_WEB_CONFIG = {
                "apiKey": "AIzaSyB4n7Qk2Lx9Vt5Rw1Mz8Hc3Jp6Fd0Ge2Ys",
                "authDomain": "acme-demo.firebaseapp.com",
                "projectId": "acme-demo",
            }
            RECAPTCHA_SITE_KEY = "6LcQk2AqAAAAAN7vXb3Yt9Rw2Lp5Mz8Hc1Jd4Fg0"
        """),
        Valid("""
            EXAMPLE_ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
            EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
            headers = {"Authorization": "Bearer hf_***"}
            shown = {"token": "sk-…a1b2", "password": "••••••••"}
        """),
        Valid("""
            import os
            def handler(pd):
                key = pd.inputs.get("api_key", "")
                token = os.environ.get("GITHUB_TOKEN", None)
                secret_file = os.getenv("CLIENT_SECRET_FILE", "/run/secrets/client")
                url = pd.inputs.get("token_url", "https://auth.example.com/token")
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
        Invalid("""
            headers = {"Accept": "application/json"}
            headers["X-API-Key"] = "live_7Hq2Wm9Zp4Rt6Yx1"
        """, line=2),
        Invalid("""
            import os
            os.environ["OPENAI_API_KEY"] = "c2stcHJvai1hYmNkZWZnaGlqa2xtbm9w"
        """, line=2),
        Invalid("""
            session.auth = ("svc_sync", "Xk9#mP2$vL7q")
        """, line=1),
        Invalid("""
            username, password = "admin", "Adm1n!2024"
        """, line=1),
        Invalid("""
            def handler(pd):
                headers = pd.steps["trigger"]["event"]["headers"]
                if headers.get("x-api-key") != "k_live_93Jd8sLq2Mx7":
                    return pd.flow.exit("unauthorized")
        """, line=3),
        Invalid("""
            import smtplib
            with smtplib.SMTP_SSL("smtp.gmail.com", 465) as smtp:
                smtp.login("alerts@example.com", "abcd efgh ijkl mnop")
        """, line=3),
        Invalid("""
            import jwt
            token = jwt.encode({"sub": "42"}, "my-super-secret-signing-key", algorithm="HS256")
        """, line=2),
        Invalid("""
            import base64
            headers = {"Authorization": "Basic " + base64.b64encode(b"admin:Tr0ub4dor&3").decode()}
        """, line=2),
        Invalid("""
            body = "grant_type=client_credentials&client_id=my-app&client_secret=Qm9vS2VlcGVy"
        """, line=1),
        Invalid("""
            conn = psycopg2.connect("host=db.internal dbname=app user=app password=xY7!kP2q")
        """, line=1),
        Invalid("""
            url = f"{base}/boards/{board}/cards?key=a1b2c3d4e5f6a7b8&token=9f8e7d6c5b4a3928"
        """, line=1),
        Invalid("""
            MAILCHIMP_KEY = "0123456789abcdef0123456789abcdef-us6"
        """, line=1),
        Invalid("""
            WEBHOOK = "https://hooks.slack.com/services/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"
        """, line=1),
        Invalid("""
            import httpx
            auth = httpx.BasicAuth("metrics", "m3tr1cs-r34d")
        """, line=2),
        # issue 15: credential defaults, a key in a URL path, literal text in an f-string's slot,
        # bracketed placeholders like any other, a password that says "pass"
        Invalid("""
            def handler(pd):
                key = pd.inputs.get("api_key", "live_9Fq2Lx7Rm4Tv8Wb3Nc6Yd1")
        """, line=2),
        Invalid("""
            import os
            TOKEN = os.environ.get("TOKEN", "tok_5Zx8Qm3Lr6Vw1Nb9Kc2Hd7")
        """, line=2),
        Invalid("""
            import requests
            def handler(pd):
                url = f"https://maker.ifttt.com/trigger/{pd.inputs['event']}/with/key/dK3xR9mQ2vLp7TnY5wB8zC"
                requests.post(url, json={}, timeout=10).raise_for_status()
        """, line=3),
        Invalid("""
            headers = {"Authorization": f"OAuth {'<api_key>'}"}
        """, line=1),
        Invalid("""
            API_KEY = '[Enter API KEY]'
        """, line=1),
        Invalid("""
            import requests
            s = requests.Session()
            s.auth = ("user", "pass")
        """, line=3),
        Invalid("""
            import base64
            cred = "Basic " + base64.b64encode(b"<JIRA EMAIL>:<JIRA API KEY>").decode()
        """, line=2),
        Invalid("""
            WP_APP_PASSWORD = "Xk2v 9QmR tL4p 7WzN aB3d Qe8F"
        """, line=1),
        # a credential slot whose literal also reads as `name=value` items: one finding
        Invalid("""
            headers = {"Authorization": f"OAuth {'oauth_consumer_key=ck_9f2b7c1d3e'}"}
        """, line=1),
    ]

    def __init__(self, context) -> None:
        super().__init__(context)
        self._public: set[int] = set()  # literals that are public by design (a Firebase web apiKey)
        # literals already reported: one finding a literal, though it may fill a credential slot
        # and also look like a form body or URL (`{"Authorization": f"OAuth {'key=...'}"}`)
        self._reported: set[int] = set()

    def report(self, node, message=None, fix=None) -> None:  # type: ignore[override]
        if id(node) in self._public or id(node) in self._reported:
            return
        text = _fstring_template(node) if isinstance(node, ast.JoinedStr) else _literal_text(node)
        if text is not None and is_documented_example(text):
            return  # `AKIAIOSFODNN7EXAMPLE`: published by the provider as an example
        allowlist = self.context.options.secret_patterns
        if allowlist and text is not None and any(pattern.search(text) for pattern in allowlist):
            return
        self._reported.add(id(node))
        super().report(node, message, fix)

    # --- slots named like credentials ---------------------------------------------------------
    def visit_Dict(self, node: ast.Dict) -> None:
        names = [string_value(key) if key is not None else None for key in node.keys]
        if "apiKey" in names and FIREBASE_WEB_CONFIG_KEYS & set(names):
            self._public.add(id(node.values[names.index("apiKey")]))  # shipped in every web page
        for name, value in zip(names, node.values):
            if name is not None:
                self._check_named(name, value)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._check_target(target, node.value)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._check_target(node.target, node.value)

    def _check_target(self, target: ast.expr, value: ast.expr) -> None:
        for leaf, leaf_value in target_values(target, value):
            name = _slot_name(leaf)
            if name is not None and leaf_value is not None:
                self._check_named(name, leaf_value)

    def visit_arguments(self, node: ast.arguments) -> None:
        """Parameter defaults, of functions and lambdas: `def f(api_key="...")`."""
        positional = [*node.posonlyargs, *node.args]
        pairs = list(zip(positional[len(positional) - len(node.defaults):], node.defaults))
        pairs += [(arg, default) for arg, default in zip(node.kwonlyargs, node.kw_defaults) if default is not None]
        for arg, default in pairs:
            self._check_named(arg.arg, default)

    def visit_Compare(self, node: ast.Compare) -> None:
        left = node.left
        for operator, right in zip(node.ops, node.comparators):
            if isinstance(operator, (ast.Eq, ast.NotEq)):
                for named, other in ((left, right), (right, left)):
                    name = _slot_name(named)
                    if name is not None and credential_strength(name) is not None:
                        self._check_compared(name, other)
            elif isinstance(operator, (ast.In, ast.NotIn)) and isinstance(right, (ast.Tuple, ast.List, ast.Set)):
                name = _slot_name(left)
                if name is not None and credential_strength(name) is not None:
                    for element in right.elts:
                        self._check_compared(name, unstarred(element))
            left = right

    def _check_compared(self, name: str, value: ast.expr) -> None:
        """`token == "..."`: a literal checked against a credential. Placeholders are guards
        (`if api_key == "YOUR_API_KEY": raise ...`), not credentials."""
        text = _literal_text(value)
        if text is None or is_placeholder(text):
            return
        if credential_strength(name) == "weak":
            if looks_generated(text) or has_known_token(text):
                self.report(value)
        elif looks_like_compared_secret(text, name):
            self.report(value)

    def visit_Call(self, node: ast.Call) -> None:
        for arg in node.keywords:
            if arg.arg is None:
                continue  # `**kwargs`
            keyword = arg.arg
            if keyword == "auth" and isinstance(arg.value, (ast.Tuple, ast.List)):
                self._check_pair(arg.value)
            else:
                self._check_named(keyword, arg.value)
        positional = [a for a in node.args if not isinstance(a, ast.Starred)]
        name = self.model.qualified_name(node.func) or dotted_name(node.func)
        method = node.func.attr if isinstance(node.func, ast.Attribute) else None
        if name in AUTH_CLASSES or (name is not None and name.rsplit(".", 1)[-1] in BARE_AUTH_CLASSES):
            if len(positional) >= 2:
                self._check_value(positional[1], header=True)
        elif method == "login" and len(positional) == 2:
            self._check_value(positional[1], header=True)  # smtplib / imaplib / ftplib: login(user, password)
        elif method in HEADER_SETTERS and len(positional) == 2:
            header = string_value(positional[0])
            if header is not None and is_credential_name(header):
                self._check_value(positional[1], header=True)
        elif name in SIGNING_KEY_CALLS:
            index = SIGNING_KEY_CALLS[name]
            key = positional[index] if len(positional) > index else None
            for arg in node.keywords:
                if arg.arg == "key":
                    key = arg.value
            if key is not None:
                self._check_signing_key(key)
        elif name is not None and name.rsplit(".", 1)[-1] in BASE64_ENCODERS and positional:
            self._check_basic_credentials(positional[0])
        elif (method in DEFAULT_GETTERS or name in ENV_GETTERS) and positional:
            # `pd.inputs.get("api_key", "live_...")`, `os.getenv("TOKEN", "tok_...")`: a fallback
            # credential written into the code
            setting = string_value(positional[0])
            default = positional[1] if len(positional) > 1 else next(
                (arg.value for arg in node.keywords if arg.arg == "default"), None
            )
            if setting is not None and default is not None:
                self._check_named(setting, default)

    def _check_named(self, name: str, value: ast.expr) -> None:
        """A value bound to (or passed as) something called `name`."""
        strength = credential_strength(name)
        if strength is None or _literal_text(value) == name:
            return  # (`NO_AUTH = "NO_AUTH"`, `API_KEY = "API_KEY"`: a symbol naming itself)
        if isinstance(value, (ast.Tuple, ast.List)) and is_auth_pair_name(name):
            self._check_pair(value)
        elif strength == "weak":
            text = _literal_text(value)
            if text is not None and (looks_generated(text) or has_known_token(text) or is_placeholder(text)):
                self.report(value)
        else:
            header = "-" in name or name.lower().endswith("authorization")
            self._check_value(value, header=header, name=name)

    def _check_pair(self, value: ast.Tuple | ast.List) -> None:
        """`(user, password)`: the password part, whatever it says (`("user", "pass")`)."""
        if len(value.elts) == 2 and not isinstance(value.elts[1], ast.Starred):
            self._check_value(value.elts[1], header=True, password=True)

    def _check_value(self, value: ast.expr, header: bool = False, name: str | None = None,
                     password: bool = False) -> None:
        text = _literal_text(value)
        if text is None:
            return
        if header:
            if is_header_value_secret(text, password):
                self.report(value)
        elif looks_like_secret_value(text, name):
            self.report(value)

    def _check_signing_key(self, value: ast.expr) -> None:
        """The key of `jwt.encode`, `hmac.new`, `Fernet`: any literal one is a hardcoded secret."""
        text = _literal_text(value)
        if text is not None and text.strip() and not is_template(text) and not is_path(text.strip()):
            self.report(value)

    def _check_basic_credentials(self, value: ast.expr) -> None:
        """`base64.b64encode(b"user:password")`, the makings of a Basic Authorization header."""
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "encode":
            value = value.func.value
        text = _literal_text(value)
        if text is not None and is_basic_credentials(text):
            self.report(value, f"credentials encoded for a Basic Authorization header: {ADVICE}")

    # --- any literal: known token formats, URL userinfo, credential query parameters ---------
    def visit_Constant(self, node: ast.Constant) -> None:
        text = node.value
        if not isinstance(text, str):
            return
        if self.parents and isinstance(self.parents[-1], (ast.JoinedStr, ast.FormattedValue)) \
                and _part_of_fstring_text(node, self.parents[-1]):
            return  # the text of an f-string, which visit_JoinedStr reads
        if has_known_token(text) or is_auth_scheme_value(text.strip()):
            self.report(node)
            return
        if "://" in text or "=" in text:
            self._check_url(node, text)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        parent = self.parents[-1] if self.parents else None
        if isinstance(parent, ast.FormattedValue) and parent.format_spec is node:
            return  # the format spec of an interpolation (`{x:>{width}}`), not an f-string
        template = _fstring_template(node)
        if has_known_token(template):
            self.report(node)
        elif "://" in template or "=" in template:
            self._check_url(node, template)

    def _check_url(self, node: ast.expr, text: str) -> None:
        for match in URL_USERINFO.finditer(text):
            password = match.group(2)
            if _PLACEHOLDER not in password and not is_template(password):
                self.report(node, f"credentials in a URL: {ADVICE}")
                return
        if "://" in text or text.startswith(("?", "&", "/")) or not any(ch.isspace() for ch in text):
            for _ in literal_query_credentials(text, _PLACEHOLDER):
                self.report(node, f"credential in a URL query string: {ADVICE} and pass it with `params=`")
                return
        if "://" not in text:
            for _ in literal_pair_credentials(text):
                self.report(node, f"credential in a form body or connection string: {ADVICE}")
                return
        else:
            for _ in literal_path_credentials(text, _PLACEHOLDER):
                self.report(node, f"credential in a URL path: {ADVICE}")
                return


def _part_of_fstring_text(node: ast.Constant, parent: ast.AST) -> bool:
    """Is the literal part of its f-string's template: the text between interpolations, or a
    literal interpolated as it is (`f"OAuth {'<api_key>'}"`)?"""
    if isinstance(parent, ast.JoinedStr):
        return True
    return (
        isinstance(parent, ast.FormattedValue) and parent.value is node
        and parent.conversion == -1 and parent.format_spec is None
    )


def _slot_name(node: ast.expr) -> str | None:
    """What a value is stored under or read from: `token`, `self.token` -> `token`;
    `headers["X-API-Key"]`, `headers.get("X-API-Key")` -> `X-API-Key`."""
    name = dotted_name(node)
    if name is not None:
        return name.rsplit(".", 1)[-1]
    if isinstance(node, ast.Subscript):
        return string_value(node.slice)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"get", "getheader", "get_header"}
        and node.args
    ):
        return string_value(node.args[0])
    return None


def _literal_text(node: ast.expr) -> str | None:
    """The text of a str or bytes literal (implicit concatenation included) or of an f-string
    without interpolations; None for anything else."""
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bytes):
            return value.decode("latin-1")
        return value if isinstance(value, str) else None
    if isinstance(node, ast.JoinedStr):
        template = _fstring_template(node)
        return None if _PLACEHOLDER in template else template
    return None
