"""Shared helpers for rules that follow a value bound to a name until its scope ends."""

from __future__ import annotations

from typing import Generic, TypeVar

import libcst as cst

from .base import Rule

T = TypeVar("T")

CONDITION_PASSTHROUGH = (cst.BooleanOperation, cst.UnaryOperation, cst.ComparisonTarget)


def in_condition(node: cst.CSTNode, parents: list[cst.CSTNode]) -> bool:
    """Is `node` part of a comparison, or the test of an if/while/assert/match/ternary/comprehension?"""
    child = node
    for parent in reversed(parents):
        if isinstance(parent, cst.Comparison):
            return True
        if isinstance(parent, CONDITION_PASSTHROUGH):
            child = parent
            continue
        if isinstance(parent, (cst.If, cst.While, cst.IfExp, cst.Assert)):
            return parent.test is child
        if isinstance(parent, cst.Match):
            return parent.subject is child
        if isinstance(parent, cst.CompIf):
            return parent.test is child
        return False
    return False


def in_finally(parents: list[cst.CSTNode]) -> bool:
    for parent in reversed(parents):
        if isinstance(parent, cst.Finally):
            return True
        if isinstance(parent, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            return False
    return False


def single_name_target(node: cst.CSTNode) -> str | None:
    """The name an `x = value` / `x: T = value` / `(x := value)` binds, if it binds exactly one."""
    if isinstance(node, cst.Assign):
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
            return node.targets[0].target.value
    elif isinstance(node, cst.AnnAssign):
        if isinstance(node.target, cst.Name):
            return node.target.value
    elif isinstance(node, cst.NamedExpr) and isinstance(node.target, cst.Name):
        return node.target.value
    return None


def assigned_names(node: cst.CSTNode) -> list[str]:
    if isinstance(node, cst.Assign):
        targets = [t.target for t in node.targets]
    elif isinstance(node, (cst.AnnAssign, cst.AugAssign, cst.NamedExpr)):
        targets = [node.target]
    else:
        return []
    names: list[str] = []
    while targets:
        target = targets.pop()
        if isinstance(target, cst.Name):
            names.append(target.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            targets.extend(element.value for element in target.elements)
        elif isinstance(target, cst.StarredElement):
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

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.tracked.push()

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._flush(self.tracked.pop())

    def leave_Module(self, node: cst.Module) -> None:
        self._flush(self.tracked.pop())

    def _flush(self, table: dict[str, T]) -> None:
        for value in table.values():
            self.scope_ended(value)

    def scope_ended(self, value: T) -> None:
        raise NotImplementedError

    # a name bound again ends what it held; a call bound to a name may start something to track
    def leave_Assign(self, node: cst.Assign) -> None:
        self._rebind(node)

    def leave_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._rebind(node)

    def leave_AugAssign(self, node: cst.AugAssign) -> None:
        self._rebind(node)

    def leave_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._rebind(node)

    def _rebind(self, node: cst.CSTNode) -> None:
        table = self.tracked.current
        for name in assigned_names(node):
            if name in table:
                self.scope_ended(table.pop(name))
        name = single_name_target(node)
        value = getattr(node, "value", None)
        if name is not None and isinstance(value, cst.Call):
            self.assigned(name, value, node)

    def assigned(self, name: str, call: cst.Call, assignment: cst.CSTNode) -> None:
        """`name = call(...)` was just left (`self.parents` holds the assignment's ancestors)."""


CLOSING_WRAPPERS = frozenset({"contextlib.closing"})


def closes_its_argument(model, call: cst.CSTNode) -> bool:
    """Is `call` `contextlib.closing(...)` or `<stack>.enter_context(...)`?"""
    if not isinstance(call, cst.Call):
        return False
    if isinstance(call.func, cst.Attribute) and call.func.attr.value == "enter_context":
        return True
    return model.qualified_name(call.func) in CLOSING_WRAPPERS or (
        isinstance(call.func, cst.Name) and call.func.value == "closing"
    )
