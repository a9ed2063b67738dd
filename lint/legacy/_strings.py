"""Strings built at run time, seen as templates: literal text with holes where values go in.

Used by PD112 (which directory a path lies in), PD113 (query strings built by hand) and PD114
(GraphQL documents built by interpolation). A template is a tuple of parts: `str` for literal text,
`Hole` for an interpolated value. Adjacent literal parts are merged, so the text right before a
hole is always a single `str` part.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from .model import string_value

if TYPE_CHECKING:
    from .model import Model

PLACEHOLDER = "\x00"
_MAX_DEPTH = 50


@dataclass(frozen=True)
class Hole:
    """Where a value is interpolated; `node` is the expression that supplies it."""

    node: cst.CSTNode


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


def _constant_name(node: cst.BaseExpression) -> bool:
    """`PAGE_SIZE`, `settings.BASE_URL`: named like a constant, so not rebound later (a loop that
    does `page += 1` after the request would make a lowercase name's first binding misleading)."""
    name = node.attr.value if isinstance(node, cst.Attribute) else getattr(node, "value", "")
    return isinstance(name, str) and any(c.isalpha() for c in name) and name == name.upper()


def constant_text(
    node: cst.BaseExpression, model: Model | None = None, any_name: bool = False
) -> str | None:
    """The text a constant contributes when interpolated: a string or number literal, directly or
    through a constant-named name bound to one (any name bound to one when `any_name`)."""
    if (
        model is not None
        and isinstance(node, (cst.Name, cst.Attribute))
        and (any_name or _constant_name(node))
    ):
        node = model.value_of(node) or node
    text = string_value(node)
    if text is not None:
        return text
    if isinstance(node, (cst.Integer, cst.Float)):
        return node.value
    return None


def _names_string(node: cst.BaseExpression, model: Model | None) -> bool:
    """A name bound to a string literal (`base + str(i)` with `base = "https://..."`)."""
    if model is None or not isinstance(node, (cst.Name, cst.Attribute)):
        return False
    return string_value(model.value_of(node)) is not None


def _hole(node: cst.BaseExpression, model: Model | None, any_name: bool = False) -> Part:
    text = constant_text(node, model, any_name)
    return Hole(node) if text is None else text


def _fstring_text(raw: str) -> str:
    return raw.replace("{{", "{").replace("}}", "}")


def _printf_parts(text: str, operand: cst.BaseExpression) -> list[Part] | None:
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


def _format_parts(text: str, call: cst.Call) -> list[Part] | None:
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


def is_format_call(node: cst.CSTNode) -> bool:
    """`"...".format(...)` on a string literal."""
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "format"
        and string_value(node.func.value) is not None
    )


def template_of(node: cst.BaseExpression, model: Model | None = None, depth: int = 0) -> Template | None:
    """The template a string-building expression produces, or None if `node` does not build a
    string from at least one literal piece (a bare name, a call, a number...)."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(node, cst.SimpleString):
        text = string_value(node)
        return None if text is None else _merge([text])
    if isinstance(node, cst.FormattedString):
        parts: list[Part] = []
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                parts.append(_fstring_text(part.value))
            elif isinstance(part, cst.FormattedStringExpression):
                parts.append(_hole(part.expression, model))
        return _merge(parts)
    if isinstance(node, cst.ConcatenatedString):
        left = template_of(node.left, model, depth + 1)
        right = template_of(node.right, model, depth + 1)
        if left is None or right is None:
            return None
        return _merge([*left, *right])
    if isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Add):
            left = template_of(node.left, model, depth + 1)
            right = template_of(node.right, model, depth + 1)
            if left is None and right is None and not (
                _names_string(node.left, model) or _names_string(node.right, model)
            ):
                return None
            # `base + str(i)` with `base = "https://..."`: the literal a name holds is the prefix
            left_parts = left if left is not None else (_hole(node.left, model, any_name=True),)
            right_parts = right if right is not None else (_hole(node.right, model, any_name=True),)
            return _merge([*left_parts, *right_parts])
        if isinstance(node.operator, cst.Modulo):
            text = string_value(node.left)
            if text is None:
                return None
            printf = _printf_parts(text, node.right)
            return None if printf is None else _merge(printf)
        return None
    if is_format_call(node):
        assert isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
        text = string_value(node.func.value)
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


def builds_string(node: cst.CSTNode) -> bool:
    """Is `node` one of the expressions `template_of` understands as building a string?"""
    return isinstance(node, (cst.FormattedString, cst.ConcatenatedString)) or is_format_call(node) or (
        isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Add, cst.Modulo))
    )


def is_piece_of_larger_string(node: cst.CSTNode, parents: list[cst.CSTNode], model: Model | None) -> bool:
    """Is `node` only a piece of an enclosing string-building expression (which is judged instead)?"""
    if not parents:
        return False
    parent = parents[-1]
    if isinstance(parent, cst.ConcatenatedString):
        return True
    if isinstance(parent, cst.BinaryOperation):
        if isinstance(parent.operator, cst.Add):
            # a string-building `node` makes its parent `... + node + ...` one as well
            return builds_string(node) or string_value(node) is not None  # type: ignore[arg-type]
        if isinstance(parent.operator, cst.Modulo):
            return parent.left is node and string_value(node) is not None  # type: ignore[arg-type]
        return False
    if isinstance(parent, cst.Attribute) and parent.value is node and len(parents) > 1:
        return is_format_call(parents[-2]) and parents[-2].func is parent  # type: ignore[attr-defined]
    return False
