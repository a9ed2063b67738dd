"""Shared helpers for rules that follow a value bound to a name until its scope ends."""

from __future__ import annotations

import ast
from typing import Generic, TypeVar

from .base import Rule

T = TypeVar("T")

CONDITION_PASSTHROUGH = (ast.BoolOp, ast.UnaryOp)


def in_condition(node: ast.AST, parents: list[ast.AST]) -> bool:
    """Is `node` part of a comparison, or the test of an if/while/assert/match/ternary/comprehension?"""
    child = node
    for parent in reversed(parents):
        if isinstance(parent, ast.Compare):
            return True
        if isinstance(parent, CONDITION_PASSTHROUGH):
            child = parent
            continue
        if isinstance(parent, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            return parent.test is child
        if isinstance(parent, ast.Match):
            return parent.subject is child
        if isinstance(parent, ast.comprehension):
            return any(test is child for test in parent.ifs)
        return False
    return False


def in_finally(node: ast.AST, parents: list[ast.AST]) -> bool:
    """Is `node` (whose ancestors are `parents`) inside a `finally:` block of its own function?"""
    child = node
    for parent in reversed(parents):
        if isinstance(parent, (ast.Try, *_TRY_STAR)) and any(child is s for s in parent.finalbody):
            return True
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            return False
        child = parent
    return False


_TRY_STAR = (ast.TryStar,) if hasattr(ast, "TryStar") else ()


def single_name_target(node: ast.AST) -> str | None:
    """The name an `x = value` / `x: T = value` / `(x := value)` binds, if it binds exactly one."""
    if isinstance(node, ast.Assign):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            return node.targets[0].id
    elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)):
        if isinstance(node.target, ast.Name):
            return node.target.id
    return None


def assigned_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Assign):
        targets = list(node.targets)
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
        targets = [node.target]
    else:
        return []
    names: list[str] = []
    while targets:
        target = targets.pop()
        if isinstance(target, ast.Name):
            names.append(target.id)
        elif isinstance(target, (ast.Tuple, ast.List)):
            targets.extend(target.elts)
        elif isinstance(target, ast.Starred):
            targets.append(target.value)
    return names


class ScopeStack(Generic[T]):
    """name -> tracked value, one table per function (and one for the module)."""

    def __init__(self) -> None:
        self.tables: list[dict[str, T]] = [{}]

    def push(self) -> None:
        self.tables.append({})

    def pop(self) -> dict[str, T]:
        return self.tables.pop()

    @property
    def current(self) -> dict[str, T]:
        return self.tables[-1]

    def find(self, name: str) -> T | None:
        for table in reversed(self.tables):
            if name in table:
                return table[name]
        return None


class ScopeTrackingRule(Rule, Generic[T]):
    """A rule that follows values bound to names through each function (and the module), and
    judges what is still tracked when the scope ends, in `scope_ended`."""

    def __init__(self, context) -> None:
        super().__init__(context)
        self.tracked: ScopeStack[T] = ScopeStack()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.tracked.push()

    def leave_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._flush(self.tracked.pop())

    def leave_Module(self, node: ast.Module) -> None:
        self._flush(self.tracked.pop())

    def _flush(self, table: dict[str, T]) -> None:
        for value in table.values():
            self.scope_ended(value)

    def scope_ended(self, value: T) -> None:
        raise NotImplementedError

    # a name bound again ends what it held; a call bound to a name may start something to track
    def leave_Assign(self, node: ast.Assign) -> None:
        self._rebind(node)

    def leave_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._rebind(node)

    def leave_AugAssign(self, node: ast.AugAssign) -> None:
        self._rebind(node)

    def leave_NamedExpr(self, node: ast.NamedExpr) -> None:
        self._rebind(node)

    def _rebind(self, node: ast.AST) -> None:
        table = self.tracked.current
        for name in assigned_names(node):
            if name in table:
                self.scope_ended(table.pop(name))
        name = single_name_target(node)
        value = getattr(node, "value", None)
        if name is not None and isinstance(value, ast.Call):
            self.assigned(name, value, node)

    def assigned(self, name: str, call: ast.Call, assignment: ast.AST) -> None:
        """`name = call(...)` was just left (`self.parents` holds the assignment's ancestors)."""


CLOSING_WRAPPERS = frozenset({"contextlib.closing"})


def closes_its_argument(model, call: ast.AST) -> bool:
    """Is `call` `contextlib.closing(...)` or `<stack>.enter_context(...)`?"""
    if not isinstance(call, ast.Call):
        return False
    if isinstance(call.func, ast.Attribute) and call.func.attr == "enter_context":
        return True
    return model.qualified_name(call.func) in CLOSING_WRAPPERS or (
        isinstance(call.func, ast.Name) and call.func.id == "closing"
    )


def closing_call_of(model, node: ast.AST, parents: list) -> ast.Call | None:
    """The `closing(...)` / `<stack>.enter_context(...)` call `node` is an argument of, if any."""
    if not parents:
        return None
    parent = parents[-1]
    if isinstance(parent, (ast.keyword, ast.Starred)) and len(parents) > 1:
        call = parents[-2]
        if isinstance(parent, ast.Starred) and not (
            isinstance(call, ast.Call) and any(arg is parent for arg in call.args)
        ):
            return None
    elif isinstance(parent, ast.Call) and any(arg is node for arg in parent.args):
        call = parent
    else:
        return None
    return call if closes_its_argument(model, call) else None
