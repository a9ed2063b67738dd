"""Where a statement sits in its block, read from ast's line numbers (ast keeps no tokens): after
a `:` on the header's line (`if x: stop()`, libcst's SimpleStatementSuite) or on lines of its own.
Rules use it to offer a fix only where libcst's tree has the shape the fix rewrites."""

from __future__ import annotations

import ast

_BLOCKS = ("body", "orelse", "finalbody")
_TRY_STAR = (ast.TryStar,) if hasattr(ast, "TryStar") else ()


def alone_on_its_line(statement: ast.stmt, owner: ast.AST) -> bool:
    """Is `statement` (in a block of `owner`) the only statement on its line, and on a line of its
    own rather than after a `:` (`if x: stop()`)? The fix checks again on libcst's tree."""
    place = _place(statement, owner)
    if place is None:
        return True
    block, index, _ = place
    if index > 0 and block[index - 1].end_lineno == statement.lineno:
        return False
    if index + 1 < len(block) and block[index + 1].lineno == statement.end_lineno:
        return False
    return not statement_in_a_suite(statement, owner)


def statements_after(statement: ast.stmt, owner: ast.AST) -> tuple[ast.stmt, ...]:
    """The statements after `statement` in its block of `owner`."""
    place = _place(statement, owner)
    if place is None:
        return ()
    block, index, _ = place
    return tuple(block[index + 1 :])


def statement_in_a_suite(statement: ast.stmt, owner: ast.AST) -> bool:
    """Is `statement` (in a block of `owner`) in a one-line block after a `:` (`if x: a; b`),
    libcst's SimpleStatementSuite, rather than an indented block? ast keeps no tokens, so this is
    read from line numbers: the block's first statement starts on the header's last line (or, for
    `else:` / `finally:`, on the line right after the previous block)."""
    place = _place(statement, owner)
    if place is None:
        return False
    block, _, previous_end = place
    first = block[0].lineno
    if previous_end is None:
        return first <= _header_end(owner)
    return first <= previous_end + 1


def _place(statement: ast.stmt, owner: ast.AST) -> tuple[list[ast.stmt], int, int | None] | None:
    """(the block of `owner` holding `statement`, its index there, the last line of what precedes
    the block when that is another block rather than the header)."""
    previous_end = None
    for field in _BLOCKS:
        block = getattr(owner, field, None)
        if not isinstance(block, list) or not block:
            continue
        for index, item in enumerate(block):
            if item is statement:
                return block, index, previous_end
        previous_end = block[-1].end_lineno
        if field == "body" and isinstance(owner, (ast.Try, *_TRY_STAR)) and owner.handlers:
            previous_end = owner.handlers[-1].end_lineno
    return None


def _header_end(owner: ast.AST) -> int:
    """The last line of a compound statement's header (before its body), as far as ast tells."""
    end = getattr(owner, "lineno", 0)
    for field, value in ast.iter_fields(owner):
        if field in _BLOCKS or field in ("handlers", "decorator_list"):
            continue
        for node in value if isinstance(value, list) else [value]:
            if isinstance(node, ast.AST):
                for inner in ast.walk(node):
                    end = max(end, getattr(inner, "end_lineno", None) or 0)
    return end
