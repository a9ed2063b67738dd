"""Strings built at run time, seen as templates: literal text with holes where values go in.

The model answers "what text does this expression build" with a template (URLs of requests, paths
of files, GraphQL documents). A template is a tuple of parts: `str` for literal text, `Hole` for an
interpolated value. Adjacent literal parts are merged, so the text right before a hole is always a
single `str` part. Names are followed through the model to the literal they are bound to: a name
named like a constant (`BASE_URL`) in an f-string, any name in a `+` concatenation; with `any_name`
set (what a URL starts with does not change when a loop rebinds `page`), any name is followed into
whatever string it is bound to.

Nodes are CPython `ast` nodes: an f-string is a `JoinedStr` of `Constant` text and
`FormattedValue` parts (implicit concatenation already joined, `{{`/`}}` and escapes already
resolved), `"..." % x` a `BinOp(op=Mod)`, `a + b` a `BinOp(op=Add)`, `"...".format(...)` a `Call`
on an `Attribute`.
"""

from __future__ import annotations

import ast
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .nodes import string_value

if TYPE_CHECKING:
    from .model import Model

PLACEHOLDER = "\x00"
_MAX_DEPTH = 50


@dataclass(frozen=True)
class Hole:
    """Where a value is interpolated; `node` is the expression that supplies it."""

    node: ast.AST


Part = str | Hole
Template = tuple[Part, ...]


def _merge(parts: list[Part]) -> Template:
    merged: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if merged and isinstance(merged[-1], str):
                merged[-1] = merged[-1] + part
                continue
        merged.append(part)
    return tuple(merged)


def _constant_name(node: ast.AST) -> bool:
    """`PAGE_SIZE`, `settings.BASE_URL`: named like a constant, so not rebound later (a loop that
    does `page += 1` after the request would make a lowercase name's first binding misleading)."""
    if isinstance(node, ast.Attribute):
        name = node.attr
    elif isinstance(node, ast.Name):
        name = node.id
    else:
        return False
    return any(c.isalpha() for c in name) and name == name.upper()


def _number_text(node: ast.AST) -> str | None:
    """The text of an int or float literal (bools and complex numbers are not)."""
    if isinstance(node, ast.Constant):
        value = node.value
        if type(value) is int:
            return str(value)
        if type(value) is float:
            return repr(value)
    return None


def constant_text(node: ast.AST, model: Model | None = None, any_name: bool = False) -> str | None:
    """The text a constant contributes when interpolated: a string or number literal, directly or
    through a constant-named name bound to one (any name bound to one when `any_name`)."""
    if (
        model is not None
        and isinstance(node, (ast.Name, ast.Attribute))
        and (any_name or _constant_name(node))
    ):
        node = model.value_of(node) or node
    text = string_value(node)
    if text is not None:
        return text
    return _number_text(node)


def _followed(node: ast.AST, model: Model | None, depth: int) -> list[Part] | None:
    """The parts a name contributes when it is followed into what it is bound to: the template of
    a string-building expression, or a number's text."""
    if model is None or not isinstance(node, (ast.Name, ast.Attribute)):
        return None
    bound = model.value_of(node)
    if bound is None or bound is node:
        return None
    text = _number_text(bound)
    if text is not None:
        return [text]
    template = template_of(bound, model, depth + 1, any_name=True)
    return None if template is None else list(template)


def _names_string(node: ast.AST, model: Model | None) -> bool:
    """A name bound to a string literal (`base + str(i)` with `base = "https://..."`)."""
    if model is None or not isinstance(node, (ast.Name, ast.Attribute)):
        return False
    return string_value(model.value_of(node)) is not None


def _hole(node: ast.AST, model: Model | None, any_name: bool = False, depth: int = 0,
          literal_of_any_name: bool = False) -> list[Part]:
    """What an interpolated value contributes: the text of a constant (a literal, or a name bound
    to one: named like a constant, or any name with `literal_of_any_name`), with `any_name` the
    template any name is bound to, else a hole. (Constant text built from pieces is not followed
    without `any_name`: `JQL = "project = " + KEY` is still a value nobody encoded.)"""
    if any_name:
        followed = _followed(node, model, depth)
        if followed is not None:
            return followed
    text = constant_text(node, model, any_name or literal_of_any_name)
    return [Hole(node)] if text is None else [text]


def _printf_parts(text: str, operand: ast.AST) -> list[Part] | None:
    """`"a=%s&b=%(x)d" % ...`: literal text and one hole per conversion; None if malformed."""
    parts: list[Part] = []
    literal = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char != "%":
            literal.append(char)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == "%":
            literal.append("%")
            i += 2
            continue
        j = i + 1
        if j < n and text[j] == "(":
            close = text.find(")", j)
            if close < 0:
                return None
            j = close + 1
        while j < n and text[j] in "#0- +*.0123456789hlL":
            j += 1
        if j >= n or text[j] not in "diouxXeEfFgGcrsa":
            return None
        parts.append("".join(literal))
        literal = []
        parts.append(Hole(operand))
        i = j + 1
    parts.append("".join(literal))
    return parts


def _format_parts(text: str, call: ast.Call) -> list[Part] | None:
    """`"a={}&b={name}".format(...)`: literal text and one hole per replacement field."""
    parts: list[Part] = []
    try:
        for literal, field, _spec, _conversion in string.Formatter().parse(text):
            parts.append(literal)
            if field is not None:
                parts.append(Hole(call))
    except ValueError:
        return None
    return parts


def is_format_call(node: ast.AST, model: Model | None = None) -> bool:
    """`"...".format(...)` on a string literal, or (with a model) on a name bound to one
    (`QUERY.format(id=x)` with a module-level `QUERY = "..."`)."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and _template_text(node.func.value, model) is not None
    )


def _template_text(node: ast.AST, model: Model | None) -> str | None:
    """The text of a string literal, or of the literal a name is bound to (with a model)."""
    text = string_value(node)
    if text is None and model is not None and isinstance(node, (ast.Name, ast.Attribute)):
        text = model.string_of(node)
    return text


def template_of(
    node: ast.AST | None, model: Model | None = None, depth: int = 0, any_name: bool = False
) -> Template | None:
    """The template a string-building expression produces, or None if `node` does not build a
    string from at least one literal piece (a bare name, a call, a number...). Interpolated names
    are followed as the module docstring says."""
    if depth > _MAX_DEPTH or node is None:
        return None
    if isinstance(node, ast.Constant):
        text = string_value(node)
        return None if text is None else _merge([text])
    if isinstance(node, ast.JoinedStr):
        parts: list[Part] = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                if isinstance(part.value, str):
                    parts.append(part.value)
            elif isinstance(part, ast.FormattedValue):
                parts.extend(_hole(part.value, model, any_name, depth))
        return _merge(parts)
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ast.Add):
            left = template_of(node.left, model, depth + 1, any_name)
            right = template_of(node.right, model, depth + 1, any_name)
            if left is None and right is None and not any(
                _names_string(side, model) or (any_name and _followed(side, model, depth) is not None)
                for side in (node.left, node.right)
            ):
                return None
            # `base + str(i)` with `base = "https://..."`: the literal a name holds is the prefix
            left_parts = left if left is not None else _hole(node.left, model, any_name, depth, True)
            right_parts = right if right is not None else _hole(node.right, model, any_name, depth, True)
            return _merge([*left_parts, *right_parts])
        if isinstance(node.op, ast.Mod):
            text = _template_text(node.left, model)
            if text is None:
                return None
            printf = _printf_parts(text, node.right)
            return None if printf is None else _merge(printf)
        return None
    if is_format_call(node, model):
        assert isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        text = _template_text(node.func.value, model)
        assert text is not None
        formatted = _format_parts(text, node)
        return None if formatted is None else _merge(formatted)
    return None


def has_hole(template: Template) -> bool:
    return any(isinstance(part, Hole) for part in template)


def text_of(template: Template, placeholder: str = PLACEHOLDER) -> str:
    return "".join(part if isinstance(part, str) else placeholder for part in template)


def literal_prefix(template: Template) -> str:
    """The literal text before the first hole."""
    prefix = []
    for part in template:
        if isinstance(part, Hole):
            break
        prefix.append(part)
    return "".join(prefix)


def builds_string(node: ast.AST, model: Model | None = None) -> bool:
    """Is `node` one of the expressions `template_of` understands as building a string?

    (libcst also counted an implicit concatenation of plain literals; ast has already joined it
    into one `Constant`, which has no hole either way.)"""
    return isinstance(node, ast.JoinedStr) or is_format_call(node, model) or (
        isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod))
    )


def is_piece_of_larger_string(node: ast.AST, parents: list[ast.AST], model: Model | None) -> bool:
    """Is `node` only a piece of an enclosing string-building expression (which is judged instead)?"""
    if not parents:
        return False
    parent = parents[-1]
    if isinstance(parent, ast.JoinedStr):
        return True  # a text part or `{...}` of an f-string
    if isinstance(parent, ast.FormattedValue):
        return parent.format_spec is node  # `{x:{width}}`: the spec is part of the f-string
    if isinstance(parent, ast.BinOp):
        if isinstance(parent.op, ast.Add):
            # a string-building `node` makes its parent `... + node + ...` one as well
            return builds_string(node, model) or string_value(node) is not None
        if isinstance(parent.op, ast.Mod):
            return parent.left is node and string_value(node) is not None
        return False
    if isinstance(parent, ast.Attribute) and parent.value is node and len(parents) > 1:
        grand = parents[-2]
        return is_format_call(grand, model) and grand.func is parent  # type: ignore[attr-defined]
    return False
