"""What the code means for HTTP: import aliases, name bindings, requests calls.

The model is updated by the engine during its single walk, before the rules see each node, so
every question is answered from what has been bound so far (bindings precede use in step code).
Nodes are CPython `ast` nodes.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Iterator

REQUEST_METHODS = frozenset({"get", "head", "options", "post", "put", "patch", "delete", "request"})
SESSION_FACTORIES = frozenset({"requests.Session", "requests.session", "requests.sessions.Session"})
OPEN_FUNCTIONS = frozenset({"open", "io.open", "builtins.open", "codecs.open"})
PATH_CLASSES = frozenset(
    {"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.WindowsPath"}
)
PATH_METHODS_RETURNING_PATHS = frozenset(
    {"with_name", "with_suffix", "joinpath", "resolve", "absolute", "expanduser"}
)
JSON_DUMPS = "json.dumps"
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
HANDLER_NAME = "handler"
PIPEDREAM_ANNOTATION = "pipedream"
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


def dotted_name(node: ast.AST | None) -> str | None:
    """`a.b.c` for a Name/Attribute chain, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def canonical(qualified: str) -> str:
    module, _, attr = qualified.rpartition(".")
    if module in _CANONICAL:
        return f"{_CANONICAL[module]}.{attr}"
    return qualified


def string_value(node: ast.AST | None) -> str | None:
    """The value of a plain (non-f) string literal, implicit concatenations included."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def number_value(node: ast.AST | None) -> int | float | None:
    """The value of an int or float literal (a leading `-` included); bools are not numbers."""
    negative = False
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        negative = isinstance(node.op, ast.USub)
        node = node.operand
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return -node.value if negative else node.value
    return None


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    for arg in call.keywords:
        if arg.arg == name:
            return arg
    return None


def has_star_kwargs(call: ast.Call) -> bool:
    return any(arg.arg is None for arg in call.keywords)


def positional_args(call: ast.Call) -> list[ast.expr]:
    """The plain positional arguments (`*args` left out)."""
    return [arg for arg in call.args if not isinstance(arg, ast.Starred)]


@dataclass
class RequestCall:
    """A call that sends an HTTP request through `requests` (module function or Session method)."""

    call: ast.Call
    method: str  # get, post, ..., or "request"
    on_session: bool

    def keyword(self, name: str) -> ast.keyword | None:
        return keyword(self.call, name)

    def value(self, name: str) -> ast.expr | None:
        arg = keyword(self.call, name)
        return None if arg is None else arg.value

    @property
    def url(self) -> ast.expr | None:
        found = self.value("url")
        if found is not None:
            return found
        positional = positional_args(self.call)
        index = 1 if self.method == "request" else 0
        return positional[index] if len(positional) > index else None

    @property
    def passes_kwargs(self) -> bool:
        return has_star_kwargs(self.call)


class Scope:
    __slots__ = ("node", "bindings", "parent")

    def __init__(self, node: ast.AST | None, parent: "Scope | None") -> None:
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
        # ids of the nodes a request is sent from: the call, every enclosing node up to and
        # including the nearest function or lambda (see `note_call`)
        self._sending: set[int] = set()

    # --- scopes and bindings (driven by the engine) -------------------------------------
    def push_scope(self, node: ast.AST) -> None:
        self.scope = Scope(node, self.scope)

    def pop_scope(self) -> None:
        assert self.scope.parent is not None
        self.scope = self.scope.parent

    def bind(self, name: str, value: object) -> None:
        self.scope.bindings[name] = value

    def bind_target(self, target: ast.AST, value: object) -> None:
        if isinstance(target, ast.Name):
            self.bind(target.id, value)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self.bind_target(element, UNKNOWN)
        elif isinstance(target, ast.Starred):
            self.bind_target(target.value, UNKNOWN)
        elif isinstance(target, ast.Attribute):
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

    def value_of(self, node: ast.AST | None) -> ast.AST | None:
        """Follow a name to the expression last assigned to it (one level of indirection)."""
        if isinstance(node, (ast.Name, ast.Attribute)):
            dotted = dotted_name(node)
            if dotted is not None:
                bound = self.lookup(dotted)
                if isinstance(bound, ast.expr):
                    return bound
        return node

    # --- questions the rules ask ----------------------------------------------------------
    def qualified_name(self, node: ast.AST) -> str | None:
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

    def is_session(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Call):
            return self.qualified_name(node.func) in SESSION_FACTORIES
        dotted = dotted_name(node)
        if dotted is None:
            return False
        bound = self.lookup(dotted)
        return isinstance(bound, ast.Call) and self.qualified_name(bound.func) in SESSION_FACTORIES

    def request_call(self, call: ast.Call) -> RequestCall | None:
        key = id(call)
        if key in self._request_cache:
            return self._request_cache[key]
        found = self._classify_request(call)
        self._request_cache[key] = found
        return found

    def _classify_request(self, call: ast.Call) -> RequestCall | None:
        func = call.func
        qualified = self.qualified_name(func)
        if qualified is not None:
            module, _, method = qualified.rpartition(".")
            if module == "requests" and method in REQUEST_METHODS:
                return RequestCall(call, method, on_session=False)
            return None
        if isinstance(func, ast.Attribute) and func.attr in REQUEST_METHODS:
            if self.is_session(func.value):
                return RequestCall(call, func.attr, on_session=True)
        return None

    def note_call(self, call: ast.Call, parents: list[ast.AST]) -> None:
        """Driven by the engine for every call, before the rules see it: a call that sends a
        request (a `requests` call, or a call of a local function that sends one) marks itself and
        its ancestors up to the nearest function, so that `sends_request` can answer."""
        if self.request_call(call) is None and not self._calls_sender(call):
            return
        sending = self._sending
        sending.add(id(call))
        for parent in reversed(parents):
            if id(parent) in sending:
                break  # (its own ancestors were marked by an earlier call)
            sending.add(id(parent))
            if isinstance(parent, (*FUNCTIONS, ast.Lambda)):
                break

    def sends_request(self, node: ast.AST) -> bool:
        """Does `node` (a statement, an expression, a function), as far as the walk has seen it,
        send an HTTP request: a `requests` call inside it, not inside a function nested in it, or a
        call of a function defined earlier in the file that sends one?"""
        return id(node) in self._sending

    def local_function(self, call: ast.Call) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The function defined in this file (and bound to the name) that `call` calls, if any."""
        if isinstance(call.func, ast.Name):
            bound = self.lookup(call.func.id)
            if isinstance(bound, FUNCTIONS):
                return bound
        return None

    def _calls_sender(self, call: ast.Call) -> bool:
        function = self.local_function(call)
        return function is not None and id(function) in self._sending

    def is_json_dumps(self, node: ast.AST | None) -> bool:
        return isinstance(node, ast.Call) and self.qualified_name(node.func) == JSON_DUMPS

    def is_open_call(self, call: ast.Call) -> bool:
        """`open(...)`, `io.open(...)`, or `.open(...)` on a pathlib path."""
        qualified = self.qualified_name(call.func)
        if qualified in OPEN_FUNCTIONS:
            return True
        func = call.func
        return (
            qualified is None
            and isinstance(func, ast.Attribute)
            and func.attr == "open"
            and self.is_path(func.value)
        )

    def is_path(self, node: ast.AST, _depth: int = 0) -> bool:
        if _depth > 16:
            return False  # `p = p / "x"` binds p to an expression that refers to p itself
        node = self.value_of(node) or node
        if isinstance(node, ast.Call):
            if self.qualified_name(node.func) in PATH_CLASSES:
                return True
            return (
                isinstance(node.func, ast.Attribute)
                and node.func.attr in PATH_METHODS_RETURNING_PATHS
                and self.is_path(node.func.value, _depth + 1)
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self.is_path(node.left, _depth + 1)
        return False

    def dict_value(self, node: ast.AST | None) -> ast.Dict | None:
        """The dict literal an expression is, or a name is bound to."""
        value = self.value_of(node)
        return value if isinstance(value, ast.Dict) else None


def _is_pipedream_param(param: ast.arg) -> bool:
    """`pd: "pipedream"` (the platform's own annotation)."""
    annotation = param.annotation
    if annotation is None:
        return False
    text = string_value(annotation)
    if text is None and isinstance(annotation, ast.Name):
        text = annotation.id
    return text is not None and text.strip().lower() == PIPEDREAM_ANNOTATION


def parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    args = function.args
    return [*args.posonlyargs, *args.args, *args.kwonlyargs]


def step_context_name(function: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The name a step handler gives the platform's context: any parameter annotated `"pipedream"`,
    else the first parameter of a function named `handler` (`def handler(pd)`, `def handler(ctx)`;
    `self`/`cls` skipped)."""
    params = parameters(function)
    for param in params:
        if _is_pipedream_param(param):
            return param.arg
    if function.name == HANDLER_NAME and params:
        first = params[0]
        if first.arg in {"self", "cls"} and len(params) > 1:
            first = params[1]
        return first.arg
    return None


def has_pipedream_annotation(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(_is_pipedream_param(param) for param in parameters(function))


def flow_exit_receiver(call: ast.Call) -> str | None:
    """`X` of a call `X.flow.exit(...)` (the platform's way to end the workflow), X a plain name."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "exit"):
        return None
    flow = func.value
    if not (isinstance(flow, ast.Attribute) and flow.attr == "flow"):
        return None
    return flow.value.id if isinstance(flow.value, ast.Name) else None


class DictEntry:
    """One `key: value` element of a dict literal, with the source range from key to value
    (ast has no node for it; libcst's `DictElement` has the same range)."""

    __slots__ = ("key", "value", "lineno", "col_offset", "end_lineno", "end_col_offset")

    def __init__(self, key: ast.expr, value: ast.expr) -> None:
        self.key, self.value = key, value
        self.lineno, self.col_offset = key.lineno, key.col_offset
        self.end_lineno, self.end_col_offset = value.end_lineno, value.end_col_offset


def dict_items(node: ast.Dict) -> Iterator[tuple[str | None, DictEntry]]:
    """(string key or None, entry) for each `key: value` element of a dict literal (`**x` skipped)."""
    for key, value in zip(node.keys, node.values):
        if key is not None:
            yield string_value(key), DictEntry(key, value)


def dict_string_keys(node: ast.Dict) -> dict[str, ast.expr]:
    return {key.lower(): entry.value for key, entry in dict_items(node) if key is not None}


def dumped_value(dumps: ast.Call) -> ast.expr | None:
    """The object `json.dumps(x)` encodes, when x is its only argument. With keywords such as
    `default=` or `cls=` the encoding differs from `json=`'s, so no rewrite is safe: None."""
    if len(dumps.args) != 1 or dumps.keywords or isinstance(dumps.args[0], ast.Starred):
        return None
    return dumps.args[0]
