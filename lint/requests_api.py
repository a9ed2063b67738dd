"""What `requests` defines: its request functions and their parameters, its Session class and the
well-known libraries that subclass it, and the view of one request call the rules read."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .nodes import argument, argument_node, has_star_kwargs, keyword
from .objects import UNKNOWN_AUTH, Entries

if TYPE_CHECKING:
    from .model import Model
    from .objects import Session

# The positional parameters of requests' module functions and Session methods (requests 2.x):
# `requests.post(url, data=None, json=None, **kwargs)`, `Session.request(self, method, url,
# params=None, data=None, headers=None, ...)`; everything else is keyword-only through **kwargs.
_SESSION_REQUEST = (
    "method", "url", "params", "data", "headers", "cookies", "files", "auth", "timeout",
    "allow_redirects", "proxies", "hooks", "stream", "verify", "cert", "json",
)
PARAMETERS = {
    "request": ("method", "url"),
    "get": ("url", "params"),
    "options": ("url",),
    "head": ("url",),
    "delete": ("url",),
    "post": ("url", "data", "json"),
    "put": ("url", "data"),
    "patch": ("url", "data"),
}
SESSION_PARAMETERS = {**PARAMETERS, "request": _SESSION_REQUEST}
REQUEST_METHODS = frozenset(PARAMETERS)
REQUEST_KEYWORDS = frozenset(_SESSION_REQUEST)

# Classes whose instances are `requests.Session`s, by qualified name -> whether a fresh one has
# known headers and auth (an OAuth session adds its token itself).
SESSION_CLASSES = {
    "requests.Session": True,
    "requests.session": True,
    "requests_cache.CachedSession": True,
    "requests_cache.session.CachedSession": True,
    "requests_cache.core.CachedSession": True,
    "requests_oauthlib.OAuth1Session": False,
    "requests_oauthlib.OAuth2Session": False,
    "requests_oauthlib.oauth1_session.OAuth1Session": False,
    "requests_oauthlib.oauth2_session.OAuth2Session": False,
    "requests_toolbelt.sessions.BaseUrlSession": True,
    "requests_ratelimiter.LimiterSession": True,
    "requests_ratelimiter.CachedLimiterSession": True,
    "requests_html.HTMLSession": True,
    "requests_unixsocket.Session": True,
    "cloudscraper.CloudScraper": True,
    "cloudscraper.create_scraper": True,
}
# Calls that return the session they are given (argument 0): `CacheControl(requests.Session())`.
SESSION_WRAPPERS = frozenset({"cachecontrol.CacheControl", "cachecontrol.wrapper.CacheControl"})
# Canonical names for what packages re-export under several module paths.
CANONICAL_MODULES = {
    "requests.api": "requests",
    "requests.sessions": "requests",
    "requests.auth": "requests.auth",
    "requests_toolbelt.multipart.encoder": "requests_toolbelt",
    "requests_toolbelt.multipart": "requests_toolbelt",
}


def canonical(qualified: str) -> str:
    module, _, attr = qualified.rpartition(".")
    if module in CANONICAL_MODULES:
        return f"{CANONICAL_MODULES[module]}.{attr}"
    return qualified


class RequestCall:
    """A call that sends an HTTP request through `requests`: a module function
    (`requests.post(...)`, under any import alias) or a method of a session the model knows."""

    __slots__ = ("call", "method", "session", "parameters", "_model")

    def __init__(self, call: ast.Call, method: str, session: "Session | None", model: "Model") -> None:
        self.call = call
        self.method = method  # get, post, ..., or "request"
        self.session = session
        self.parameters = (SESSION_PARAMETERS if session is not None else PARAMETERS)[method]
        self._model = model

    @property
    def on_session(self) -> bool:
        return self.session is not None

    # --- arguments, by keyword or by position as requests defines them -----------------------
    def keyword(self, name: str) -> ast.keyword | None:
        return keyword(self.call, name)

    def value(self, name: str) -> ast.expr | None:
        """The expression passed for parameter `name`, by keyword or by position."""
        return argument(self.call, name, self.parameters)

    def node(self, name: str) -> ast.AST | None:
        """Where the argument is written: its `keyword` node, or the positional expression."""
        return argument_node(self.call, name, self.parameters)

    @property
    def passes_kwargs(self) -> bool:
        """`**kwargs` in the call: any argument may be in there."""
        return has_star_kwargs(self.call)

    @property
    def url(self) -> ast.expr | None:
        return self.value("url")

    @property
    def http_method(self) -> str | None:
        """GET, POST, ... (for `request(...)`, when its method is a literal)."""
        if self.method != "request":
            return self.method.upper()
        value = self._model.string_of(self.value("method"))
        return value.upper() if value is not None else None

    # --- what the request sends ----------------------------------------------------------------
    def entries(self, name: str) -> Entries:
        """The entries of a dict argument (`params`, `data`, `json`, `headers`) as they stand at
        this call: {} when absent or None, unknown when it is not a dict the model can read."""
        if self.passes_kwargs and self.keyword(name) is None:
            return Entries.unknown()
        return self._model.entries_of(self.value(name))

    def headers(self) -> Entries:
        """The headers sent: the session's (when on a session), with the call's own on top."""
        own = self.entries("headers")
        if self.session is None:
            return own
        return self.session.headers.entries.merged(own)

    def auth(self) -> ast.expr | object | None:
        """`auth=` of the call, else the session's `auth` (None: none; UNKNOWN_AUTH: cannot tell)."""
        value = self.value("auth")
        if value is not None and not self._model.is_constant(value, "None"):
            return value
        if self.passes_kwargs:
            return UNKNOWN_AUTH
        return self.session.auth if self.session is not None else None

    def __repr__(self) -> str:
        return f"RequestCall({self.method}, line {self.call.lineno})"


_NESTED = (ast.Dict, ast.List, ast.Tuple, ast.DictComp, ast.ListComp)


def lost_in_form_encoding(value: ast.expr | None) -> bool:
    """A form value that form-encoding loses: a dict, or a list/tuple holding dicts or lists
    (written out, or built by a comprehension: `[{"sku": l.sku} for l in lines]`)."""
    if isinstance(value, (ast.Dict, ast.DictComp)):
        return True
    if isinstance(value, (ast.List, ast.Tuple, ast.Set)):
        return any(isinstance(e.value if isinstance(e, ast.Starred) else e, _NESTED) for e in value.elts)
    if isinstance(value, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
        return isinstance(value.elt, _NESTED)
    return False
