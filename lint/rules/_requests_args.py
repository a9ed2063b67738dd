"""Helpers shared by the request-argument rules PD105-PD110.

Not a rule module (the registry only loads `PDnnn_*.py`): reading literal values through names,
the literal start of a URL, request headers including later `headers["X"] = ...` assignments.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from ..model import dict_items, dotted_name, string_value
from .base import Rule
from .scoped import ScopeStack

if TYPE_CHECKING:
    from ..model import Model

_FOLLOW_DEPTH = 4
_IPV4_LOOPBACK = re.compile(r"^127(?:\.\d{1,3}){3}$")
_CONSTANTS = {"True": True, "False": False, "None": None}


# --- literal values ----------------------------------------------------------------------------
def resolve(model: Model, node: ast.AST | None) -> ast.AST | None:
    """Follow names to the expression they are bound to, a few levels deep."""
    for _ in range(_FOLLOW_DEPTH):
        if node is None:
            return None
        followed = model.value_of(node)
        if followed is node:
            return node
        node = followed
    return node


def is_constant(model: Model, node: ast.AST | None, constant: str) -> bool:
    """Is `node` the literal `True`/`False`/`None`, or a name bound to it?"""
    value = resolve(model, node)
    return isinstance(value, ast.Constant) and value.value is _CONSTANTS[constant]


def int_value(model: Model, node: ast.AST | None) -> int | None:
    value = resolve(model, node)
    if isinstance(value, ast.Constant) and type(value.value) is int:
        return value.value
    return None


def literal_prefix(model: Model, node: ast.AST | None, depth: int = 0) -> str | None:
    """The text a string expression certainly starts with: a plain literal's whole value, an
    f-string's text up to the first `{...}`, the left end of a `+` concatenation, the template of
    `"..." % x` / `"...".format(x)` up to its first placeholder. None when unknown."""
    if node is None or depth > _FOLLOW_DEPTH:
        return None
    plain = string_value(node)
    if plain is not None:
        return plain
    if isinstance(node, ast.JoinedStr):
        text = []
        for part in node.values:
            if not isinstance(part, ast.Constant):
                break
            text.append(part.value)
        return "".join(text)
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Add):
            return literal_prefix(model, node.left, depth + 1)
        if isinstance(node.op, ast.Mod):
            template = string_value(node.left)
            return None if template is None else template.split("%", 1)[0]
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "format":
            template = string_value(node.func.value)
            return None if template is None else template.split("{", 1)[0]
        return None
    if isinstance(node, (ast.Name, ast.Attribute)):
        followed = model.value_of(node)
        if followed is not node:
            return literal_prefix(model, followed, depth + 1)
    return None


# --- URLs --------------------------------------------------------------------------------------
def http_host(prefix: str) -> tuple[str, bool] | None:
    """For a URL prefix starting with `http://`: (host, complete). `complete` is False when the
    literal text stops inside the host (`f"http://api{n}..."`). None for any other scheme."""
    stripped = prefix.lstrip()
    if stripped[:7].lower() != "http://":
        return None
    rest = stripped[7:]
    end = len(rest)
    for stop in "/?#":
        index = rest.find(stop)
        if index != -1:
            end = min(end, index)
    authority, complete = rest[:end], end < len(rest)
    if "@" in authority:
        authority = authority.rsplit("@", 1)[1]
    if authority.startswith("["):
        close = authority.find("]")
        if close == -1:
            return authority.lower(), False
        return authority[: close + 1].lower(), True
    if ":" in authority:
        return authority.split(":", 1)[0].lower(), True
    return authority.lower(), complete


def is_loopback(host: str) -> bool:
    host = host.lower().rstrip(".")
    return (
        host == "localhost"
        or host.endswith(".localhost")
        or _IPV4_LOOPBACK.match(host) is not None
        or host in {"[::1]", "::1", "[0:0:0:0:0:0:0:1]"}
    )


def could_be_loopback(partial_host: str) -> bool:
    """Could a host whose literal text stops here still turn out to be a loopback address?"""
    partial = partial_host.lower()
    if not partial:
        return True
    return (
        is_loopback(partial)
        or "localhost".startswith(partial)
        or "127.".startswith(partial)
        or partial.startswith("[")
        or partial.endswith(".")  # `f"http://{name}.localhost"` and the like
    )


# --- headers and other dict arguments ------------------------------------------------------------
class DictEdits:
    """What a rule has seen done to names bound to dict literals after they were bound:
    `headers["Content-Type"] = ...` (recorded), `headers.update(...)` and the like (the dict is
    then unknown). Feed it from the rule's leave_Assign / leave_AugAssign / visit_Call / visit_Del
    and scope handlers."""

    OPAQUE_METHODS = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__"})

    def __init__(self) -> None:
        self.edits: ScopeStack[dict[str, ast.expr] | None] = ScopeStack()

    def push(self) -> None:
        self.edits.push()

    def pop(self) -> None:
        self.edits.pop()

    def on_assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Name):
                self.edits.current[target.id] = {}  # a fresh binding starts without edits
            elif isinstance(target, ast.Subscript):
                name = dotted_name(target.value)
                if name is None:
                    continue
                key = _subscript_key(target)
                recorded = self._table_for(name)
                if key is None:
                    self.edits.current[name] = None
                elif recorded is not None:
                    recorded[key] = node.value

    def on_aug_assign(self, node: ast.AugAssign) -> None:
        name = dotted_name(node.target)
        if name is not None:
            self.edits.current[name] = None  # `headers |= {...}`: contents unknown from here on

    def on_call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in self.OPAQUE_METHODS:
            name = dotted_name(func.value)
            if name is not None:
                self.edits.current[name] = None

    def on_delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if isinstance(target, ast.Subscript):
                name = dotted_name(target.value)
                if name is not None:
                    self.edits.current[name] = None

    def _table_for(self, name: str) -> dict[str, ast.expr] | None:
        """The edits of `name` in the current scope (copied from an outer scope on first use)."""
        table = self.edits.current
        if name not in table:
            outer = self._lookup(name)
            table[name] = None if outer is None else dict(outer)
        return table[name]

    def _lookup(self, name: str) -> dict[str, ast.expr] | None:
        """Recorded edits of `name` ({} when none), or None when the dict became unknown."""
        for scope in reversed(self.edits.tables):
            if name in scope:
                return scope[name]
        return {}

    def entries(
        self, model: Model, node: ast.AST | None
    ) -> dict[str, ast.expr] | None:
        """String keys -> values of a dict argument (a literal, or a name bound to one plus the
        keys assigned to it since), keys as written. {} when absent, None when it cannot be known."""
        if node is None or (isinstance(node, ast.Constant) and node.value is None):
            return {}
        literal = model.dict_value(node)
        if literal is None:
            return None
        entries = {key: element.value for key, element in dict_items(literal) if key is not None}
        name = dotted_name(node) if literal is not node else None
        if name is not None:
            edits = self._lookup(name)
            if edits is None:
                return None
            entries.update(edits)
        return entries


def _subscript_key(node: ast.Subscript) -> str | None:
    return string_value(node.slice)


def get_ci(entries: dict[str, ast.expr] | None, key: str) -> ast.expr | None:
    """The value of `key` in `entries`, matched case-insensitively (the last one written wins)."""
    found = None
    for name, value in (entries or {}).items():
        if name.lower() == key.lower():
            found = value
    return found


class DictEditsRule(Rule):
    """A rule that reads header/body dicts as they stand at a request: it keeps `self.edits` in
    step with the walk. Subclasses call `self.edits.on_call(node)` first in their `visit_Call`."""

    def __init__(self, context) -> None:
        super().__init__(context)
        self.edits = DictEdits()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.edits.push()

    def leave_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.edits.pop()

    def leave_Assign(self, node: ast.Assign) -> None:
        self.edits.on_assign(node)

    def leave_AugAssign(self, node: ast.AugAssign) -> None:
        self.edits.on_aug_assign(node)

    def visit_Delete(self, node: ast.Delete) -> None:
        self.edits.on_delete(node)
