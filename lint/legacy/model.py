"""What the code means for HTTP: import aliases, name bindings, requests calls.

The model is updated by the engine during its single walk, before the rules see each node, so
every question is answered from what has been bound so far (bindings precede use in step code).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import libcst as cst

REQUEST_METHODS = frozenset({"get", "head", "options", "post", "put", "patch", "delete", "request"})
SESSION_FACTORIES = frozenset({"requests.Session", "requests.session", "requests.sessions.Session"})
OPEN_FUNCTIONS = frozenset({"open", "io.open", "builtins.open", "codecs.open"})
PATH_CLASSES = frozenset(
    {"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.WindowsPath"}
)
JSON_DUMPS = "json.dumps"
_IMPLICIT_MODULES = frozenset({"requests", "json"})
# Canonical names for classes that packages re-export under several module paths.
_CANONICAL = {
    "requests.api": "requests",
    "requests.sessions": "requests",
    "requests.auth": "requests.auth",
    "requests_toolbelt.multipart.encoder": "requests_toolbelt",
    "requests_toolbelt.multipart": "requests_toolbelt",
}
UNKNOWN = object()  # a binding whose value the model cannot know (parameter, loop target, ...)


def dotted_name(node: cst.BaseExpression) -> str | None:
    """`a.b.c` for a Name/Attribute chain, else None."""
    parts = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def canonical(qualified: str) -> str:
    module, _, attr = qualified.rpartition(".")
    if module in _CANONICAL:
        return f"{_CANONICAL[module]}.{attr}"
    return qualified


def string_value(node: cst.BaseExpression | None) -> str | None:
    """The value of a plain (non-f) string literal, implicit concatenations included."""
    if isinstance(node, cst.SimpleString):
        try:
            value = node.evaluated_value
        except Exception:  # noqa: BLE001 - odd literals are simply not strings we understand
            return None
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        left, right = string_value(node.left), string_value(node.right)
        if left is None or right is None:
            return None
        return left + right
    return None


def keyword(call: cst.Call, name: str) -> cst.Arg | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    return None


def has_star_kwargs(call: cst.Call) -> bool:
    return any(arg.star == "**" for arg in call.args)


@dataclass
class RequestCall:
    """A call that sends an HTTP request through `requests` (module function or Session method)."""

    call: cst.Call
    method: str  # get, post, ..., or "request"
    on_session: bool

    def keyword(self, name: str) -> cst.Arg | None:
        return keyword(self.call, name)

    def value(self, name: str) -> cst.BaseExpression | None:
        arg = keyword(self.call, name)
        return None if arg is None else arg.value

    @property
    def url(self) -> cst.BaseExpression | None:
        found = self.value("url")
        if found is not None:
            return found
        positional = [a for a in self.call.args if a.keyword is None and not a.star]
        index = 1 if self.method == "request" else 0
        return positional[index].value if len(positional) > index else None

    @property
    def passes_kwargs(self) -> bool:
        return has_star_kwargs(self.call)


class Scope:
    __slots__ = ("node", "bindings", "parent")

    def __init__(self, node: cst.CSTNode | None, parent: "Scope | None") -> None:
        self.node = node
        self.parent = parent
        self.bindings: dict[str, object] = {}


class Model:
    """Import aliases and the latest binding of every name, scope by scope."""

    def __init__(self) -> None:
        self.module_scope = Scope(None, None)
        self.scope = self.module_scope
        # alias -> qualified name: `import requests as rq` gives rq -> requests,
        # `from requests import post as send` gives send -> requests.post.
        self.imports: dict[str, str] = {}
        self._request_cache: dict[int, RequestCall | None] = {}

    # --- scopes and bindings (driven by the engine) -------------------------------------
    def push_scope(self, node: cst.CSTNode) -> None:
        self.scope = Scope(node, self.scope)

    def pop_scope(self) -> None:
        assert self.scope.parent is not None
        self.scope = self.scope.parent

    def bind(self, name: str, value: object) -> None:
        self.scope.bindings[name] = value

    def bind_target(self, target: cst.BaseExpression, value: object) -> None:
        if isinstance(target, cst.Name):
            self.bind(target.value, value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self.bind_target(element.value, UNKNOWN)
        elif isinstance(target, cst.StarredElement):
            self.bind_target(target.value, UNKNOWN)
        elif isinstance(target, cst.Attribute):
            dotted = dotted_name(target)
            if dotted is not None:
                self.bind(dotted, value)

    def add_import(self, alias: str, qualified: str) -> None:
        self.imports[alias] = qualified  # canonicalised when a name is resolved through it
        self.scope.bindings.pop(alias, None)

    def lookup(self, name: str) -> object | None:
        """The latest value bound to `name` (a node or UNKNOWN), or None if never bound."""
        scope: Scope | None = self.scope
        while scope is not None:
            if name in scope.bindings:
                return scope.bindings[name]
            scope = scope.parent
        return None

    def value_of(self, node: cst.BaseExpression | None) -> cst.BaseExpression | None:
        """Follow a name to the expression last assigned to it (one level of indirection)."""
        if isinstance(node, (cst.Name, cst.Attribute)):
            dotted = dotted_name(node)
            if dotted is not None:
                bound = self.lookup(dotted)
                if isinstance(bound, cst.BaseExpression):
                    return bound
        return node

    # --- questions the rules ask ----------------------------------------------------------
    def qualified_name(self, node: cst.BaseExpression) -> str | None:
        """`requests.post` for `rq.post`, `send`, `requests.post`; None when not an import."""
        dotted = dotted_name(node)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        if self.lookup(head) is not None:
            return None
        if head in self.imports:
            base = self.imports[head]
        elif head in _IMPLICIT_MODULES:
            base = head
        elif head == "open" and not rest:
            return "open"
        else:
            return None
        return canonical(f"{base}.{rest}") if rest else base

    def is_session(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.Call):
            return self.qualified_name(node.func) in SESSION_FACTORIES
        dotted = dotted_name(node)
        if dotted is None:
            return False
        bound = self.lookup(dotted)
        return isinstance(bound, cst.Call) and self.qualified_name(bound.func) in SESSION_FACTORIES

    def request_call(self, call: cst.Call) -> RequestCall | None:
        key = id(call)
        if key in self._request_cache:
            return self._request_cache[key]
        found = self._classify_request(call)
        self._request_cache[key] = found
        return found

    def _classify_request(self, call: cst.Call) -> RequestCall | None:
        func = call.func
        qualified = self.qualified_name(func)
        if qualified is not None:
            module, _, method = qualified.rpartition(".")
            if module == "requests" and method in REQUEST_METHODS:
                return RequestCall(call, method, on_session=False)
            return None
        if isinstance(func, cst.Attribute) and func.attr.value in REQUEST_METHODS:
            if self.is_session(func.value):
                return RequestCall(call, func.attr.value, on_session=True)
        return None

    def is_json_dumps(self, node: cst.BaseExpression | None) -> bool:
        return isinstance(node, cst.Call) and self.qualified_name(node.func) == JSON_DUMPS

    def is_open_call(self, call: cst.Call) -> bool:
        """`open(...)`, `io.open(...)`, or `.open(...)` on a pathlib path."""
        qualified = self.qualified_name(call.func)
        if qualified in OPEN_FUNCTIONS:
            return True
        func = call.func
        return (
            qualified is None
            and isinstance(func, cst.Attribute)
            and func.attr.value == "open"
            and self.is_path(func.value)
        )

    def is_path(self, node: cst.BaseExpression, _depth: int = 0) -> bool:
        if _depth > 16:
            return False  # `p = p / "x"` binds p to an expression that refers to p itself
        node = self.value_of(node) or node
        if isinstance(node, cst.Call):
            if self.qualified_name(node.func) in PATH_CLASSES:
                return True
            return isinstance(node.func, cst.Attribute) and node.func.attr.value in {
                "with_name", "with_suffix", "joinpath", "resolve", "absolute", "expanduser",
            } and self.is_path(node.func.value, _depth + 1)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Divide):
            return self.is_path(node.left, _depth + 1)
        return False

    def dict_value(self, node: cst.BaseExpression | None) -> cst.Dict | None:
        """The dict literal an expression is, or a name is bound to."""
        value = self.value_of(node)
        return value if isinstance(value, cst.Dict) else None


def dict_items(node: cst.Dict) -> Iterator[tuple[str | None, cst.DictElement]]:
    """(string key or None, element) for each `key: value` element of a dict literal."""
    for element in node.elements:
        if isinstance(element, cst.DictElement):
            yield string_value(element.key), element


def dict_string_keys(node: cst.Dict) -> dict[str, cst.BaseExpression]:
    return {key.lower(): element.value for key, element in dict_items(node) if key is not None}


def dumped_value(dumps: cst.Call) -> cst.BaseExpression | None:
    """The object `json.dumps(x)` encodes, when x is its only argument. With keywords such as
    `default=` or `cls=` the encoding differs from `json=`'s, so no rewrite is safe: None."""
    if len(dumps.args) != 1:
        return None
    (only,) = dumps.args
    if only.keyword is not None or only.star:
        return None
    return only.value
