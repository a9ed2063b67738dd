"""PD118 secret-exposed: a credential printed, logged, returned from the handler, exported or raised."""

from __future__ import annotations

import ast

from ..model import FUNCTIONS, LOGGING_METHODS, has_pipedream_annotation, step_context_name, string_value
from ..secrets import is_credential_name, name_words
from .base import Invalid, Rule, Valid

AUTH_KEY = "$auth"
# `$auth` fields that name the account, or configure the step, rather than unlock anything.
PUBLIC_AUTH_WORDS = frozenset(
    {
        "url", "uri", "domain", "subdomain", "region", "name", "id", "uid", "email", "username",
        "user", "shop", "instance", "host", "hostname", "port", "environment", "env", "scope",
        "scopes", "account", "org", "organization", "workspace", "team", "site", "server", "base",
        "endpoint", "type", "expires", "expiry", "at", "version", "locale", "timezone", "tenant",
        "project", "datacenter", "dc", "zone", "location", "mode", "sandbox", "path", "channel",
        "folder", "board", "calendar", "database", "table", "sheet", "bucket", "queue", "topic",
        "list", "country", "language", "currency", "number", "phone", "sender", "label", "title",
    }
)
ENV_READERS = frozenset({"os.getenv", "os.environ.get"})
ENVIRON = "os.environ"
LOGGER_NAMES = frozenset({"logger", "log", "_logger", "_log", "LOGGER", "LOG"})
PRINTERS = frozenset({"print", "pprint.pprint", "pprint.pp", "sys.stdout.write", "sys.stderr.write"})
PRINTER_NAMES = frozenset({"print", "pprint", "pp"})  # as called by name (`from pprint import pprint`)
SINK_METHODS = LOGGING_METHODS | {"export", "write", "pprint", "pp"}
# Calls whose result shows their argument: conversions, encodings anyone can reverse.
REVEALING_CALLS = frozenset(
    {
        "str", "repr", "format", "ascii", "dict", "list", "tuple", "set", "sorted", "bytes",
        "base64.b64encode", "base64.urlsafe_b64encode", "base64.standard_b64encode",
        "base64.b32encode", "base64.b16encode", "base64.encodebytes", "json.dumps",
        "urllib.parse.quote", "urllib.parse.quote_plus", "urllib.parse.urlencode",
    }
)
# Methods whose result still shows the object they are called on (or their arguments).
REVEALING_METHODS = frozenset(
    {
        "strip", "lstrip", "rstrip", "lower", "upper", "title", "casefold", "replace", "encode",
        "decode", "format", "join", "removeprefix", "removesuffix", "ljust", "rjust", "center",
        "zfill", "split", "rsplit", "partition", "rpartition", "splitlines", "copy", "items",
        "values",
    }
)
TOKEN_URL_WORDS = ("token", "oauth")
BODY_KEYWORDS = ("data", "json", "params")
MIN_VISIBLE = 4  # a slice showing fewer characters than this is a mask, not a leak
_MAX_DEPTH = 12

# What an expression holds, as far as credentials go.
SECRET = "secret"  # a credential, or a value that shows one
AUTH = "auth"  # a connected account's `$auth` dict
ENVIRON_MAP = "environ"  # os.environ itself
TOKEN_RESPONSE = "token-response"  # the JSON body of an OAuth token response
RESPONSE = "response"  # another response's JSON body: only its credential fields are secret
INPUTS = "inputs"  # pd.inputs or one of its entries: only `$auth` and credential names are secret
_EXPOSED = frozenset({SECRET, AUTH, ENVIRON_MAP, TOKEN_RESPONSE})


class Held:
    """What an expression holds: `kind`, where the credential comes from (`source`, for the
    message) and, for a response's JSON, the request it answers when known."""

    __slots__ = ("kind", "source", "request")

    def __init__(self, kind: str, source: str, request: ast.Call | None = None) -> None:
        self.kind, self.source, self.request = kind, source, request

    @property
    def exposed(self) -> bool:
        return self.kind in _EXPOSED


class SecretExposed(Rule):
    code = "PD118"
    name = "secret-exposed"
    summary = (
        "credential printed, logged, returned from `handler`, exported or put in an exception: step "
        "logs, return values and exports are shown to everyone with access to the workflow"
    )

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                token = pd.inputs["github"]["$auth"]["oauth_access_token"]
                r = requests.get("https://api.github.com/user", headers={"Authorization": f"Bearer {token}"}, timeout=10)
                r.raise_for_status()
                return r.json()["login"]
        """),
        Valid("""
            import os
            def handler(pd):
                token = os.environ.get("NOTION_TOKEN")
                print(f"token length: {len(token)}", bool(token), token is None)
                print("configured" if token else "missing")
        """),
        Valid("""
            def handler(pd):
                key = pd.inputs["openai"]["$auth"]["api_key"]
                print(f"key: {key[:3]}***", "*" * len(key))
        """),
        Valid("""
            import os
            def handler(pd):
                print(os.environ.get("SLACK_CHANNEL"), os.environ.get("TOKEN_URL"))
                print(pd.inputs["zendesk"]["$auth"]["subdomain"], pd.inputs["tg"]["$auth"]["SOURCE_CHANNEL"])
                pd.export("user", pd.inputs["slack"]["$auth"]["oauth_uid"])
        """),
        Valid("""
            import hashlib
            import hmac
            def handler(pd):
                secret = pd.inputs["shop"]["$auth"]["webhook_secret"]
                print(hashlib.sha256(secret.encode()).hexdigest()[:12])
                return {"signature": hmac.new(secret.encode(), b"body", hashlib.sha256).hexdigest()}
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.post("https://api.example.com/v1/chat", json={}, timeout=60)
                data = r.json()
                print(data["usage"]["total_tokens"], data.get("nextPageToken"))
                return data["choices"]
        """),
        Valid("""
            import os
            def masked(value):
                return value[:2] + "..."
            def handler(pd):
                print(masked(os.environ["API_TOKEN"]))
        """),
        Valid("""
            import os
            from sdk import Client
            def handler(pd):
                client = Client(api_key=os.environ["SDK_API_KEY"])
                print(client)
                return {"ready": True}
        """),
        Valid("""
            import os
            def get_token():
                return os.environ["SERVICE_TOKEN"]
            def call(token):
                return token
            def handler(pd):
                print(os.environ.keys())
                return {"has_token": get_token() is not None}
        """),
    ]
    INVALID = [
        Invalid("""
            def handler(pd):
                token = pd.inputs["github"]["$auth"]["oauth_access_token"]
                print(f"Using token {token}")
        """, line=3),
        Invalid("""
            def handler(pd):
                headers = {"Authorization": f"Bearer {pd.inputs['hubspot']['$auth']['oauth_access_token']}"}
                return {"headers": headers}
        """, line=3),
        Invalid("""
            import os
            def handler(pd):
                auth_header = "Bearer " + os.environ["CRM_API_TOKEN"]
                pd.export("auth_header", auth_header)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.post("https://login.example.com/oauth2/token", data={"grant_type": "client_credentials"}, timeout=10)
                return r.json()["access_token"]
        """, line=4),
        Invalid("""
            import logging
            import os
            logger = logging.getLogger(__name__)
            def handler(pd):
                api_key = os.getenv("SENDGRID_API_KEY")
                logger.info("sending with key %s", api_key)
        """, line=6),
        Invalid("""
            def handler(pd):
                api_key = pd.inputs["openai"]["$auth"]["api_key"]
                print(f"OpenAI key: {api_key[:8]}...")
        """, line=3),
        Invalid("""
            def handler(pd):
                print(pd.inputs["openai"]["$auth"])
        """, line=2),
        Invalid("""
            import requests
            def get_access_token():
                resp = requests.post("https://accounts.example.com/token", data={}, timeout=10)
                return resp.json()["access_token"]
            def handler(pd):
                token = get_access_token()
                print("token:", token)
        """, line=7),
        Invalid("""
            import os
            KEY = os.environ["PARTNER_API_KEY"]
            def handler(pd):
                raise Exception(f"partner API refused key {KEY}")
        """, line=4),
        Invalid("""
            import base64
            def handler(pd):
                creds = pd.inputs.get("jira", {}).get("$auth", {})
                raw = base64.b64encode(f"{creds['email']}:{creds['api_token']}".encode()).decode()
                print(f"Basic {raw}")
        """, line=5),
        Invalid("""
            import os
            def handler(ctx):
                ctx.export("config", {"api_key": os.environ["DEEPL_AUTH_KEY"], "region": "eu"})
        """, line=3),
        Invalid("""
            import os
            def handler(pd):
                print("environment:", dict(os.environ))
        """, line=3),
        Invalid("""
            import os
            def handler(pd):
                api_key = os.environ["WEATHERSTACK"]
                print("using", api_key)
                return {"apikey": os.environ["FORECAST"]}
        """, line=4),
    ]

    def __init__(self, context) -> None:
        super().__init__(context)
        self._secret_returns: dict[int, str] = {}  # id of a function -> what its return value holds

    # --- sinks ---------------------------------------------------------------------------------
    def visit_Expr(self, node: ast.Expr) -> None:
        """Printing, logging and exporting are statements of their own (`print(token)`)."""
        node = node.value  # type: ignore[assignment]
        if node.__class__ is not ast.Call:
            return
        sink = self._sink(node)
        if sink is None:
            return
        what, values = sink
        for value in values:
            held = self._exposed(self._held(value))
            if held is not None:
                self.report(node, _message(what, held))
                return

    def visit_Return(self, node: ast.Return) -> None:
        if node.value is None:
            return
        function = next((p for p in reversed(self.parents) if isinstance(p, (*FUNCTIONS, ast.Lambda))), None)
        if not isinstance(function, FUNCTIONS):
            return
        held = self._exposed(self._held(node.value))
        if held is None:
            return
        if _is_handler(function):
            self.report(node, _message("return", held))
        else:
            self._secret_returns.setdefault(id(function), held.source)

    def visit_Raise(self, node: ast.Raise) -> None:
        exception = node.exc
        if not isinstance(exception, ast.Call):
            return
        for value in (*exception.args, *(k.value for k in exception.keywords)):
            held = self._exposed(self._held(value))
            if held is not None:
                self.report(node, _message("raise", held))
                return

    def _sink(self, call: ast.Call) -> tuple[str, list[ast.expr]] | None:
        func = call.func
        if isinstance(func, ast.Name):
            if func.id not in PRINTER_NAMES:
                return None
        elif not isinstance(func, ast.Attribute) or func.attr not in SINK_METHODS:
            return None
        qualified = self.model.qualified_name(func)
        if qualified in PRINTERS or (
            isinstance(func, ast.Name) and func.id == "print" and self.model.lookup("print") is None
        ):
            return ("print", list(call.args))
        if not isinstance(func, ast.Attribute):
            return None
        if func.attr in LOGGING_METHODS and self._is_logger(func.value, qualified):
            return ("log", [*call.args, *(k.value for k in call.keywords if k.arg not in {"exc_info", "stack_info"})])
        if func.attr == "export" and self._is_context(func.value):
            value = call.args[1] if len(call.args) > 1 else next(
                (k.value for k in call.keywords if k.arg == "value"), None
            )
            return ("export", [value]) if value is not None else None
        return None

    def _exposed(self, held: Held | None) -> Held | None:
        """`held` when it shows a credential (the whole JSON of a token response included)."""
        if held is None:
            return None
        if held.exposed:
            return held
        if held.kind == RESPONSE and held.request is not None and _is_token_request(self.model, held.request):
            return Held(TOKEN_RESPONSE, "an OAuth token response")
        return None

    def _is_logger(self, receiver: ast.expr, qualified: str | None) -> bool:
        if qualified is not None:
            return qualified.startswith("logging.")
        bound = self.model.value_of(receiver)
        if isinstance(bound, ast.Call) and self.model.qualified_name(bound.func) == "logging.getLogger":
            return True
        if isinstance(receiver, ast.Name):
            return receiver.id in LOGGER_NAMES
        return isinstance(receiver, ast.Attribute) and receiver.attr in LOGGER_NAMES

    def _is_context(self, receiver: ast.expr) -> bool:
        """`pd`, `self.pd`, or the name the enclosing handler gives the platform's context."""
        if isinstance(receiver, ast.Attribute):
            return receiver.attr == "pd"
        if not isinstance(receiver, ast.Name):
            return False
        if receiver.id == "pd":
            return True
        return any(
            isinstance(p, FUNCTIONS) and step_context_name(p) == receiver.id for p in self.parents
        )

    # --- what an expression holds -------------------------------------------------------------
    def _held(self, node: ast.AST | None, depth: int = 0) -> Held | None:
        if node is None or depth > _MAX_DEPTH:
            return None
        if isinstance(node, (ast.Name, ast.Attribute)):
            return self._held_by_name(node, depth)
        if isinstance(node, ast.Subscript):
            return self._held_by_subscript(node, depth)
        if isinstance(node, ast.Call):
            return self._held_by_call(node, depth)
        if isinstance(node, ast.JoinedStr):
            return self._first_exposed(
                [v.value for v in node.values if isinstance(v, ast.FormattedValue)], depth
            )
        if isinstance(node, ast.BinOp):
            return self._first_exposed([node.left, node.right], depth)
        if isinstance(node, ast.BoolOp):
            return self._first_exposed(node.values, depth)
        if isinstance(node, ast.IfExp):
            return self._first_exposed([node.body, node.orelse], depth)
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                name = string_value(key)
                if name is not None and is_credential_name(name) and self._reads_environment(value):
                    return Held(SECRET, f"the environment value under `{name!r}`")
            return self._first_exposed([v for v in node.values if v is not None], depth)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return self._first_exposed(node.elts, depth)
        if isinstance(node, (ast.Starred, ast.NamedExpr, ast.Await, ast.FormattedValue)):
            return self._held(node.value, depth + 1)
        return None

    def _first_exposed(self, nodes: list, depth: int) -> Held | None:
        for item in nodes:
            held = self._exposed(self._held(item, depth + 1))
            if held is not None:
                return Held(SECRET, held.source)
        return None

    def _held_by_name(self, node: ast.Name | ast.Attribute, depth: int) -> Held | None:
        qualified = self.model.qualified_name(node)
        if qualified == ENVIRON:
            return Held(ENVIRON_MAP, "`os.environ`")
        if qualified is not None:
            return None
        if isinstance(node, ast.Attribute):
            if node.attr == "inputs":
                return Held(INPUTS, "")
            if node.attr in {"text", "content"}:
                request = self._request_behind(node.value)
                if request is not None and _is_token_request(self.model, request):
                    return Held(SECRET, "an OAuth token response")
        bound = self.model.value_of(node)
        if bound is node:
            return None
        held = self._held(bound, depth + 1)
        if held is None and isinstance(node, ast.Name) and is_credential_name(node.id):
            if self._reads_environment(bound):
                return Held(SECRET, f"`{node.id}`, read from the environment")
        return held

    def _reads_environment(self, node: ast.AST | None) -> bool:
        """`os.environ[...]`, `os.environ.get(...)`, `os.getenv(...)` whatever the variable's name:
        bound to a credential-named variable or key, the value is a credential
        (`api_key = os.environ["WEATHER"]`, `{"apikey": os.environ["WEATHER"]}`)."""
        if isinstance(node, ast.Subscript):
            return self.model.qualified_name(node.value) == ENVIRON
        if isinstance(node, ast.Call):
            return self.model.qualified_name(node.func) in ENV_READERS
        return False

    def _held_by_subscript(self, node: ast.Subscript, depth: int) -> Held | None:
        if isinstance(node.slice, ast.Slice):
            owner = self._exposed(self._held(node.value, depth + 1))
            return owner if owner is not None and _shows_enough(node.slice) else None
        return self._held_item(node.value, node.slice, depth)

    def _held_item(self, container: ast.expr, key_node: ast.expr, depth: int) -> Held | None:
        """What `container[key]` / `container.get(key)` holds; an entry of a dict literal is
        judged on its own (`headers["Accept"]` beside an Authorization entry is no credential)."""
        literal = self.model.dict_value(container)
        key = string_value(key_node)
        if literal is not None and key is not None:
            for entry_key, entry_value in zip(literal.keys, literal.values):
                if entry_key is not None and string_value(entry_key) == key:
                    return self._held(entry_value, depth + 1)
        owner = self._held(container, depth + 1)
        return None if owner is None else _item(owner, key_node)

    def _held_by_call(self, node: ast.Call, depth: int) -> Held | None:
        func = node.func
        qualified = self.model.qualified_name(func)
        if qualified in ENV_READERS:
            key = string_value(node.args[0]) if node.args else None
            if key is not None and is_credential_name(key):
                return Held(SECRET, f"`os.environ[{key!r}]`")
            return None
        if qualified in REVEALING_CALLS or (
            isinstance(func, ast.Name) and func.id in REVEALING_CALLS and qualified is None
        ):
            return self._first_exposed([*node.args, *(k.value for k in node.keywords)], depth)
        if qualified == "json.loads" and node.args:
            text = self._held(node.args[0], depth + 1)
            if text is not None and text.kind == SECRET:
                return Held(TOKEN_RESPONSE, text.source)
            return Held(RESPONSE, "")
        function = self.model.local_function(node)
        if function is not None:
            source = self._secret_returns.get(id(function))
            return Held(SECRET, f"returned by `{function.name}()`") if source else None
        if not isinstance(func, ast.Attribute):
            return None
        if func.attr == "json" and not node.args:
            return Held(RESPONSE, "", self._request_behind(func.value))
        if func.attr == "get" and node.args:
            return self._held_item(func.value, node.args[0], depth)
        if func.attr in REVEALING_METHODS:
            return self._first_exposed([func.value, *node.args], depth)
        return None

    def _request_behind(self, node: ast.expr) -> ast.Call | None:
        value = self.model.value_of(node)
        if isinstance(value, ast.Call) and self.model.request_call(value) is not None:
            return value
        return None


def _item(owner: Held, key_node: ast.expr) -> Held | None:
    """What `owner[key]` / `owner.get(key)` holds."""
    key = string_value(key_node)
    if owner.kind == INPUTS:
        if key == AUTH_KEY:
            return Held(AUTH, '`pd.inputs[...]["$auth"]`')
        if key is not None and is_credential_name(key):
            return Held(SECRET, f"`pd.inputs[{key!r}]`")
        return Held(INPUTS, "")
    if owner.kind == AUTH:
        if key is not None and _is_public_auth_field(key):
            return None
        return Held(SECRET, owner.source)
    if owner.kind == ENVIRON_MAP:
        if key is not None and is_credential_name(key):
            return Held(SECRET, f"`os.environ[{key!r}]`")
        return None
    if owner.kind in (TOKEN_RESPONSE, RESPONSE):
        if key is not None and is_credential_name(key):
            return Held(SECRET, f"the response's `{key}`")
        return Held(RESPONSE, "") if owner.kind == RESPONSE else None
    if owner.kind == SECRET:
        if isinstance(key_node, ast.Constant) and isinstance(key_node.value, int):
            return None  # one character
        return owner
    return None


def _is_public_auth_field(key: str) -> bool:
    words = name_words(key)
    return bool(words) and words[-1] in PUBLIC_AUTH_WORDS and not is_credential_name(key)


def _shows_enough(part: ast.Slice) -> bool:
    """Does `value[part]` show at least MIN_VISIBLE characters (or an unknown number)?"""
    if part.step is not None:
        return True
    lower, upper = _int(part.lower), _int(part.upper)
    if part.lower is None and upper is not None and upper >= 0:
        return upper >= MIN_VISIBLE
    if part.upper is None and lower is not None and lower < 0:
        return -lower >= MIN_VISIBLE
    if lower is not None and upper is not None and lower >= 0 and upper >= 0:
        return upper - lower >= MIN_VISIBLE
    return True


def _int(node: ast.expr | None) -> int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _int(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


def _is_token_request(model, call: ast.Call) -> bool:
    """An OAuth token request: `token` or `oauth` in the URL's literal text, or a `grant_type`."""
    request = model.request_call(call)
    if request is None:
        return False
    url = model.value_of(request.url) if request.url is not None else None
    for part in ast.walk(url) if url is not None else ():
        text = string_value(part)
        if text is not None and any(word in text.lower() for word in TOKEN_URL_WORDS):
            return True
    for keyword in BODY_KEYWORDS:
        body = model.dict_value(request.value(keyword))
        if body is not None and any(string_value(key) == "grant_type" for key in body.keys):
            return True
    return False


def _is_handler(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """The step's handler: its return value is the step's, shown in the workflow's inspector."""
    return has_pipedream_annotation(function) or (
        function.name == "handler" and step_context_name(function) is not None
    )


_SINKS = {
    "print": "`print()` writes {source} to the step's logs",
    "log": "logging writes {source} to the step's logs",
    "return": "returning {source} from `handler` makes it the step's return value",
    "export": "exporting {source} puts it in the step's exports",
    "raise": "the exception's message carries {source} into the step's error",
}


def _message(sink: str, held: Held) -> str:
    source = f"a credential ({held.source})" if held.source else "a credential"
    return (
        _SINKS[sink].format(source=source)
        + ", which everyone with access to the workflow can read; log that it is set (or its "
        "length), never its value, and let later steps read it from the account or environment"
    )
