"""A fast depth-first walk over an `ast` tree that dispatches to visit/leave callbacks by node type.

Children are visited in the order Python evaluates them, which is also libcst's: a function's
decorators and defaults before its body, a dict's keys and values pair by pair, the test of
`a if test else b` first, a comprehension's `for`/`if` clauses before the element it builds. Expression contexts (`Load`/`Store`) and operators are not walked.
"""

from __future__ import annotations

import ast
from typing import Callable, Iterator

Callback = Callable[[ast.AST], None]

# ast's field order where it differs from the order of evaluation.
_SOURCE_ORDER = {
    ast.FunctionDef: ("decorator_list", "args", "returns", "body"),
    ast.AsyncFunctionDef: ("decorator_list", "args", "returns", "body"),
    ast.ClassDef: ("decorator_list", "bases", "keywords", "body"),
    ast.ListComp: ("generators", "elt"),
    ast.SetComp: ("generators", "elt"),
    ast.GeneratorExp: ("generators", "elt"),
    ast.DictComp: ("generators", "key", "value"),
}
_SKIPPED_FIELDS = frozenset({"ctx", "type_comment", "kind", "op", "ops"})  # operators: read, not walked
# Fields that hold plain values (names, numbers, flags), never nodes: not walked.
_PLAIN_FIELDS = {
    ast.Name: ("id",), ast.Constant: ("value",), ast.Attribute: ("attr",), ast.arg: ("arg",),
    ast.keyword: ("arg",), ast.alias: ("name", "asname"), ast.FunctionDef: ("name",),
    ast.AsyncFunctionDef: ("name",), ast.ClassDef: ("name",), ast.ImportFrom: ("module", "level"),
    ast.Global: ("names",), ast.Nonlocal: ("names",), ast.ExceptHandler: ("name",),
    ast.FormattedValue: ("conversion",), ast.comprehension: ("is_async",), ast.AnnAssign: ("simple",),
    ast.MatchAs: ("name",), ast.MatchStar: ("name",), ast.MatchMapping: ("rest",),
    ast.MatchSingleton: ("value",), ast.MatchClass: ("kwd_attrs",),
}
# Some classes (FunctionDef in 3.12+, TypeAlias...) have fields not listed above: appended.


class _ChildFields(dict):
    """The fields to walk, by node class, worked out on first use."""

    def __missing__(self, cls: type) -> tuple[str, ...]:
        plain = _PLAIN_FIELDS.get(cls, ())
        fields = [name for name in cls._fields if name not in _SKIPPED_FIELDS and name not in plain]  # type: ignore[attr-defined]
        preferred = _SOURCE_ORDER.get(cls, ())
        found = tuple([*(n for n in preferred if n in fields), *(n for n in fields if n not in preferred)])
        self[cls] = found
        return found


_child_fields = _ChildFields()


def child_fields(cls: type) -> tuple[str, ...]:
    return _child_fields[cls]


def children(node: ast.AST) -> Iterator[ast.AST]:
    """The child nodes of `node`, in source order."""
    if type(node) is ast.Dict:
        for key, value in zip(node.keys, node.values):  # type: ignore[attr-defined]
            if key is not None:
                yield key
            yield value
        return
    for name in child_fields(type(node)):
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, ast.AST):
                    yield item


class Walker:
    """Walks a tree once, calling `visit[type]` callbacks before and `leave[type]` after children.
    The tables answer every node class (None or an empty list when nothing is called): a dict
    subclass whose `__missing__` fills them in as the walk meets classes will do."""

    def __init__(
        self,
        visit: dict[type, list[Callback]],
        leave: dict[type, list[Callback]],
    ) -> None:
        self.visit = visit
        self.leave = leave
        self.parents: list[ast.AST] = []

    def walk(self, root: ast.AST) -> None:
        visit, leave, parents = self.visit, self.leave, self.parents
        fields_of = _child_fields
        node_base = ast.AST
        dict_class = ast.Dict

        def walk_node(node: ast.AST) -> None:
            cls = node.__class__
            callbacks = visit[cls]
            if callbacks:
                for callback in callbacks:
                    callback(node)
            parents.append(node)
            if cls is dict_class:
                for child in children(node):
                    walk_node(child)
            else:
                for name in fields_of[cls]:
                    value = getattr(node, name, None)
                    if value.__class__ is list:
                        for item in value:
                            if isinstance(item, node_base):
                                walk_node(item)
                    elif isinstance(value, node_base):
                        walk_node(value)
            parents.pop()
            callbacks = leave[cls]
            if callbacks:
                for callback in callbacks:
                    callback(node)

        try:
            walk_node(root)
        finally:
            # walk_node refers to itself through its closure cell: without this the cycle would
            # keep the tree and every callback's owner alive until the cyclic collector runs.
            del walk_node
