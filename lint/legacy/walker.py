"""A fast depth-first walk over a libcst tree that dispatches to visit/leave callbacks by node type.

libcst's own `visit()` rebuilds every node it passes; linting needs no new nodes, so this walk reads
the dataclass fields directly. Whitespace and punctuation fields are skipped: no rule looks at them.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Iterable

import libcst as cst

Callback = Callable[[cst.CSTNode], None]

_SKIPPED_FIELDS = frozenset(
    {
        "lpar", "rpar", "comma", "semicolon", "equal", "colon", "dot", "star", "asynchronous",
        "leading_lines", "lines_after_decorators", "header", "footer", "encoding", "default_indent",
        "default_newline", "has_trailing_newline", "trailing_whitespace", "lbrace", "rbrace",
        "lbracket", "rbracket", "indent", "newline", "prefix", "quote", "start", "end",
        "whitespace_between",
    }
)
_child_fields: dict[type, tuple[str, ...]] = {}


def child_fields(cls: type) -> tuple[str, ...]:
    found = _child_fields.get(cls)
    if found is None:
        found = tuple(
            f.name
            for f in dataclasses.fields(cls)
            if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace")
        )
        _child_fields[cls] = found
    return found


def children(node: cst.CSTNode) -> Iterable[cst.CSTNode]:
    for name in child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, cst.CSTNode):
            yield value
        elif isinstance(value, (tuple, list)):
            for item in value:
                if isinstance(item, cst.CSTNode):
                    yield item


# type -> is it a CSTNode subclass? (`isinstance` against the CSTNode ABC is slow on a hot path)
_IS_NODE: dict[type, bool] = {}


def _node_class(kind: type) -> bool:
    found = _IS_NODE[kind] = isinstance(kind, type) and issubclass(kind, cst.CSTNode)
    return found


class Walker:
    """Walks a tree once, calling `visit[type]` callbacks before and `leave[type]` after children."""

    def __init__(
        self,
        visit: dict[type, list[Callback]],
        leave: dict[type, list[Callback]],
    ) -> None:
        self.visit = visit
        self.leave = leave
        self.parents: list[cst.CSTNode] = []

    def walk(self, root: cst.CSTNode) -> None:
        visit, leave, parents = self.visit, self.leave, self.parents
        fields_of = _child_fields
        is_node = _IS_NODE

        def walk_node(node: cst.CSTNode) -> None:
            cls = type(node)
            callbacks = visit.get(cls)
            if callbacks:
                for callback in callbacks:
                    callback(node)
            parents.append(node)
            names = fields_of.get(cls) or child_fields(cls)
            for name in names:
                value = getattr(node, name)
                kind = value.__class__
                if kind is tuple or kind is list:
                    for item in value:
                        item_kind = item.__class__
                        if is_node.get(item_kind) or (item_kind not in is_node and _node_class(item_kind)):
                            walk_node(item)
                elif is_node.get(kind) or (kind not in is_node and _node_class(kind)):
                    walk_node(value)
            parents.pop()
            callbacks = leave.get(cls)
            if callbacks:
                for callback in callbacks:
                    callback(node)

        walk_node(root)
