"""Scopes and bindings as Python defines them, met in one pass over the code.

A scope is the module, a function or lambda, a class body, or a comprehension. Every binding of a
name (assignment, walrus, `for`/`with`/`except` target, parameter, import, `def`, `class`) is a
`Binding` in the scope Python puts it in: a walrus inside a comprehension binds in the enclosing
function, `global`/`nonlocal` names bind in the module / the enclosing function, class bodies are
not seen from the methods inside them, `self.x = ...` in a method binds `x` on the class for
every method to see. A binding keeps the one it replaced in the same scope (`previous`), so a
value that refers to its own name (`url = url + "?q=" + q`) is read with the earlier binding.
"""

from __future__ import annotations

import ast

MODULE, FUNCTION, LAMBDA, CLASS, COMPREHENSION = "module", "function", "lambda", "class", "comprehension"
SELF_PREFIX = "<self>."


class Binding:
    """`name` bound at `site` to `value` (an expression, a def/class node, or None when the model
    cannot know it: a parameter, a loop target). `thing`: the object it holds, if the model
    follows it; `derived`: (object, attribute) for `status = r.status_code`; `imported`: the
    qualified name for an import alias; `owner`: the node whose block holds `site`."""

    __slots__ = ("name", "value", "site", "owner", "thing", "derived", "imported", "previous", "scope")

    def __init__(self, name: str, value: ast.AST | None, site: ast.AST | None, scope: "Scope") -> None:
        self.name = name
        self.value = value
        self.site = site
        self.scope = scope
        self.owner: ast.AST | None = None
        self.thing = None
        self.derived = None
        self.imported: str | None = None
        self.previous: Binding | None = None

    def __repr__(self) -> str:
        return f"Binding({self.name}, {type(self.value).__name__})"


class Scope:
    __slots__ = ("node", "parent", "kind", "bindings", "declared", "things", "self_name", "returns")

    def __init__(self, node: ast.AST | None, parent: "Scope | None", kind: str) -> None:
        self.node = node
        self.parent = parent
        self.kind = kind
        self.bindings: dict[str, Binding] = {}
        self.declared: dict[str, Scope] = {}  # `global x` / `nonlocal x`: where x lives
        self.things: list = []  # objects created here (functions and the module only)
        self.self_name: str | None = None  # a method's first parameter
        self.returns: list = []  # what `return` statements of a function hand back

    @property
    def owner(self) -> "Scope":
        """The function (or module) that runs this scope's code: comprehensions, lambdas and class
        bodies run inside it."""
        scope = self
        while scope.kind not in (FUNCTION, MODULE) and scope.parent is not None:
            scope = scope.parent
        return scope

    def binding_scope(self) -> "Scope":
        """Where a walrus binds: the nearest scope that is not a comprehension."""
        scope = self
        while scope.kind == COMPREHENSION and scope.parent is not None:
            scope = scope.parent
        return scope

    def class_of_method(self) -> "Scope | None":
        """For a method (its own body, or a comprehension/lambda inside it), the class scope."""
        scope: Scope | None = self
        while scope is not None and scope.kind in (COMPREHENSION, LAMBDA):
            scope = scope.parent
        if scope is None or scope.kind != FUNCTION or scope.self_name is None:
            return None
        parent = scope.parent
        return parent if parent is not None and parent.kind == CLASS else None

    def bind(self, binding: Binding) -> None:
        name = binding.name
        home = self.declared.get(name, self)
        binding.scope = home
        binding.previous = home.bindings.get(name)
        home.bindings[name] = binding

    def lookup(self, name: str) -> Binding | None:
        """The binding `name` refers to here, Python's way (class bodies skipped from inside)."""
        scope: Scope | None = self
        first = True
        while scope is not None:
            declared = scope.declared.get(name)
            if declared is not None:
                return declared.bindings.get(name)
            if first or scope.kind != CLASS:
                found = scope.bindings.get(name)
                if found is not None:
                    return found
            first = False
            scope = scope.parent
        return None

    def module(self) -> "Scope":
        scope = self
        while scope.parent is not None:
            scope = scope.parent
        return scope

    def enclosing_function(self) -> "Scope | None":
        scope = self.parent
        while scope is not None and scope.kind not in (FUNCTION, LAMBDA):
            scope = scope.parent
        return scope


def self_attribute(dotted: str, scope: Scope) -> tuple[Scope, str] | None:
    """For `self.x...` inside a method (or a function, lambda or comprehension nested in one, where
    `self` is not rebound): (the class scope, the key the attribute is bound under)."""
    head, dot, rest = dotted.partition(".")
    if not dot:
        return None
    current: Scope | None = scope
    while current is not None and current.kind in (FUNCTION, LAMBDA, COMPREHENSION):
        if current.kind == FUNCTION and current.self_name == head:
            parent = current.parent
            if parent is not None and parent.kind == CLASS and head not in current.declared:
                return parent, SELF_PREFIX + rest
            return None
        if head in current.bindings or head in current.declared:
            return None  # `self` is another name here
        current = current.parent
    return None


def method_self_name(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The first parameter of a method (not a staticmethod)."""
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Name) and decorator.id == "staticmethod":
            return None
    params = [*node.args.posonlyargs, *node.args.args]
    return params[0].arg if params else None
