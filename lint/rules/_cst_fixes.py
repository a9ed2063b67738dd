"""libcst builders shared by fixes: adding a keyword argument to a call in the call's own layout."""

from __future__ import annotations

import libcst as cst


def keyword_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        keyword=cst.Name(name),
        value=value,
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        ),
    )


def _line_break(indent_from: cst.ParenthesizedWhitespace) -> cst.ParenthesizedWhitespace:
    """A bare line break followed by the indentation of `indent_from` (its comment dropped)."""
    return cst.ParenthesizedWhitespace(
        first_line=cst.TrailingWhitespace(),
        empty_lines=(),
        indent=indent_from.indent,
        last_line=indent_from.last_line,
    )


def _argument_indent(call: cst.Call) -> cst.ParenthesizedWhitespace | None:
    """The line break + indentation that separates the call's arguments, if it has one per line."""
    args = call.args
    if len(args) >= 2 and isinstance(args[-2].comma, cst.Comma):
        after = args[-2].comma.whitespace_after
        if isinstance(after, cst.ParenthesizedWhitespace):
            return after
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return call.whitespace_before_args
    return None


def add_keyword(call: cst.Call, name: str, value: cst.BaseExpression) -> cst.Call:
    """`call` with `name=value` appended as its last argument, in the call's own layout:
    `f(a)` -> `f(a, name=value)`; one argument per line (with or without a trailing comma) ->
    a new line at the same indentation; comments stay on the lines they were on."""
    new = keyword_arg(name, value)
    args = list(call.args)
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    indent = _argument_indent(call)
    trailing = last.comma if isinstance(last.comma, cst.Comma) else None
    closing = trailing.whitespace_after if trailing is not None else last.whitespace_after_arg
    if isinstance(closing, cst.ParenthesizedWhitespace) and indent is not None:
        # One argument per line, the closing parenthesis on its own line.
        separator = cst.Comma(
            whitespace_before=trailing.whitespace_before if trailing else cst.SimpleWhitespace(""),
            whitespace_after=closing.with_changes(indent=indent.indent, last_line=indent.last_line),
        )
        end = cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(),
            empty_lines=(),
            indent=closing.indent,
            last_line=closing.last_line,
        )
        if trailing is not None:
            new = new.with_changes(comma=cst.Comma(whitespace_after=end))
        else:
            new = new.with_changes(whitespace_after_arg=end)
        args[-1] = last.with_changes(comma=separator, whitespace_after_arg=cst.SimpleWhitespace(""))
    else:
        separator = cst.Comma(
            whitespace_before=trailing.whitespace_before if trailing else cst.SimpleWhitespace(""),
            whitespace_after=cst.SimpleWhitespace(" "),
        )
        if trailing is not None:
            new = new.with_changes(comma=trailing)
        new = new.with_changes(whitespace_after_arg=last.whitespace_after_arg)
        args[-1] = last.with_changes(comma=separator, whitespace_after_arg=cst.SimpleWhitespace(""))
    args.append(new)
    return call.with_changes(args=args)
