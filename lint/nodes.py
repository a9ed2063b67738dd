"""Facts read off single CPython `ast` nodes, with no knowledge of names or scopes: dotted names,
literal values, a call's arguments by keyword or position, dict literal entries, assignment targets.
"""

from __future__ import annotations

import ast
from typing import Iterator, Sequence

_LITERAL_CONSTANTS = {"True": True, "False": False, "None": None}


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


def is_literal(node: ast.AST | None, constant: str) -> bool:
    """Is `node` the literal `True`, `False` or `None`?"""
    return isinstance(node, ast.Constant) and node.value is _LITERAL_CONSTANTS[constant]


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


def argument(call: ast.Call, name: str, parameters: Sequence[str]) -> ast.expr | None:
    """The expression passed for parameter `name` of a callee whose positional parameters are
    `parameters` (in order): by keyword, or by position when no `*args` comes before it."""
    for arg in call.keywords:
        if arg.arg == name:
            return arg.value
    try:
        index = parameters.index(name)
    except ValueError:
        return None
    for position, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            return None
        if position == index:
            return arg
    return None


def argument_node(call: ast.Call, name: str, parameters: Sequence[str]) -> ast.AST | None:
    """Like `argument`, but the `keyword` node itself when passed by keyword (where a finding about
    the argument is reported)."""
    found = keyword(call, name)
    return found if found is not None else argument(call, name, parameters)


def unstarred(node: ast.expr) -> ast.expr:
    """`*x` -> `x`."""
    return node.value if isinstance(node, ast.Starred) else node


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


def target_names(target: ast.AST) -> list[str]:
    """The plain names an assignment / `for` / `with` target binds (`a, (b, *c)` -> a, b, c)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in target_names(element)]
    if isinstance(target, ast.Starred):
        return target_names(target.value)
    return []


def target_values(target: ast.AST, value: ast.expr | None) -> Iterator[tuple[ast.expr, ast.expr | None]]:
    """(leaf target, the value it receives, or None when unknown) for an assignment of `value` to
    `target`: `a, (b, c) = 1, (2, 3)` pairs each name with its element; a starred target or
    element, or a value that is not a literal tuple/list of the same length, leaves them unknown."""
    if isinstance(target, (ast.Tuple, ast.List)):
        elements = target.elts
        values = None
        if (
            isinstance(value, (ast.Tuple, ast.List))
            and len(value.elts) == len(elements)
            and not any(isinstance(e, ast.Starred) for e in (*elements, *value.elts))
        ):
            values = value.elts
        for index, element in enumerate(elements):
            yield from target_values(unstarred(element), values[index] if values else None)
    elif isinstance(target, ast.Starred):
        yield from target_values(target.value, None)
    else:
        yield target, value  # type: ignore[misc]


def single_name_target(node: ast.AST) -> str | None:
    """The name an `x = value` / `x: T = value` / `(x := value)` binds, if it binds exactly one."""
    if isinstance(node, ast.Assign):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            return node.targets[0].id
    elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)):
        if isinstance(node.target, ast.Name):
            return node.target.id
    return None


def contains(outer: ast.AST, inner: ast.AST) -> bool:
    """Does `outer`'s source range hold `inner`'s start (both nodes of one tree)?"""
    start = (getattr(inner, "lineno", 0), getattr(inner, "col_offset", 0))
    first = (getattr(outer, "lineno", 0), getattr(outer, "col_offset", 0))
    last = (getattr(outer, "end_lineno", 0) or 0, getattr(outer, "end_col_offset", 0) or 0)
    return first <= start < last
