"""Where an expression occurs, read from its ancestors: what the code does with the value there;
and where a statement sits in its block.

`context(expr, parents, end)` looks at `parents[:end]` (closest ancestor last) and answers with
one of the kinds below and a detail. Values flow through `a if c else b`, `a or b`, `await a`,
and parentheses, so `r = requests.get(u) if ok else None` binds the response.
"""

from __future__ import annotations

import ast

TEST = "test"  # truthiness tested: `if x:`, `while x`, `assert x`, `not x`, a comprehension's `if`
COMPARED = "compared"  # an operand of a comparison
MATCHED = "matched"  # the subject of `match`
ATTRIBUTE = "attribute"  # `x.attr`; detail: the Attribute node
CALLED = "called"  # `x(...)`
ARGUMENT = "argument"  # an argument of a call; detail: the Call
RETURNED = "returned"  # `return x`, `yield x`, `yield from x`, a lambda's body
DISCARDED = "discarded"  # an expression statement of its own
WITH = "with"  # a `with` item's context expression; detail: the withitem
BOUND = "bound"  # assigned to names (assignment, walrus, augmented assignment value)
STORED = "stored"  # assigned to an attribute or subscript, or put in a container
FORMATTED = "formatted"  # interpolated into a string (f-string, `%`, `str.format`)
DELETED = "deleted"
OTHER = "other"

_TRY_STAR = (ast.TryStar,) if hasattr(ast, "TryStar") else ()
_TRY = (ast.Try, *_TRY_STAR)
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
_CONTAINERS = frozenset({ast.List, ast.Tuple, ast.Set, ast.Dict})
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
_TESTED = (ast.If, ast.While, ast.IfExp, ast.Assert)
_RETURNING = frozenset({ast.Return, ast.Yield, ast.YieldFrom, ast.Lambda})


def context(expr: ast.AST, parents: list[ast.AST], end: int | None = None) -> tuple[str, object, int]:
    """(kind, detail, index) of the occurrence of `expr`, whose ancestors are `parents[:end]`;
    `index` is where the ancestor that decided stands in `parents`."""
    child = expr
    index = (len(parents) if end is None else end) - 1
    while index >= 0:
        parent = parents[index]
        cls = parent.__class__
        if cls is ast.Attribute:
            return ATTRIBUTE, parent, index
        if cls is ast.Call:
            if parent.func is child:
                return CALLED, parent, index
            return ARGUMENT, parent, index
        if cls is ast.keyword or cls is ast.Starred:
            grand = parents[index - 1] if index > 0 else None
            if isinstance(grand, ast.Call):
                return ARGUMENT, grand, index
            return OTHER, None, index
        if cls is ast.IfExp:
            if parent.test is child:
                return TEST, None, index
        elif cls is ast.BoolOp or cls is ast.Await:
            pass  # the value flows on (a BoolOp in a test is a truthiness test of it)
        elif cls is ast.NamedExpr:
            return BOUND, parent, index
        elif cls is ast.UnaryOp:
            return (TEST, None, index) if isinstance(parent.op, ast.Not) else (OTHER, None, index)
        elif cls is ast.Compare:
            return COMPARED, parent, index
        elif cls in _TESTED:
            return (TEST, None, index) if parent.test is child else (OTHER, None, index)
        elif cls is ast.Expr:
            return DISCARDED, parent, index
        elif cls is ast.Return or cls is ast.Yield or cls is ast.YieldFrom or cls is ast.Lambda:
            return RETURNED, parent, index
        elif cls is ast.withitem:
            return (WITH, parent, index) if parent.context_expr is child else (OTHER, None, index)
        elif cls is ast.Assign or cls is ast.AnnAssign:
            return (*_assigned(parent, child), index)
        elif cls is ast.AugAssign:
            return (BOUND, parent, index) if parent.value is child else (OTHER, None, index)
        elif cls in _CONTAINERS:
            grand = parents[index - 1] if index > 0 else None
            if cls is ast.Tuple and isinstance(grand, ast.Assign) and grand.value is parent:
                return (*_assigned(grand, parent), index - 1)  # `a, b = x, y`: each element is bound
            if cls is ast.Dict and parent.keys and any(key is child for key in parent.keys):
                return OTHER, None, index
            outer = index - 1
            while outer >= 0 and parents[outer].__class__ in _CONTAINERS:
                outer -= 1
            if outer >= 0 and parents[outer].__class__ in _RETURNING:
                return RETURNED, parents[outer], outer  # `return f, True`: handed to the caller
            return STORED, parent, index
        elif cls in _COMPREHENSIONS:
            if getattr(parent, "elt", None) is child or getattr(parent, "value", None) is child:
                return STORED, parent, index
            return OTHER, None, index
        elif cls is ast.comprehension:
            return (TEST, None, index) if any(test is child for test in parent.ifs) else (OTHER, None, index)
        elif cls is ast.JoinedStr or cls is ast.FormattedValue:
            return FORMATTED, parent, index
        elif cls is ast.BinOp:
            if isinstance(parent.op, ast.Mod) and parent.right is child and _is_text(parent.left):
                return FORMATTED, parent, index
            return OTHER, None, index
        elif cls is ast.Match:
            return (MATCHED, None, index) if parent.subject is child else (OTHER, None, index)
        elif cls is ast.Delete:
            return DELETED, parent, index
        else:
            return OTHER, None, index
        child = parent
        index -= 1
    return OTHER, None, -1


def _assigned(statement: ast.Assign | ast.AnnAssign, child: ast.AST) -> tuple[str, object]:
    if statement.value is not child:
        return OTHER, None
    targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
    if all(isinstance(target, (ast.Name, ast.Tuple, ast.List, ast.Starred)) for target in targets):
        return BOUND, statement
    return STORED, statement


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, (ast.JoinedStr, ast.Constant)) and not isinstance(
        getattr(node, "value", None), (int, float)
    )


def in_finally(node: ast.AST, parents: list[ast.AST], end: int | None = None) -> bool:
    """Is `node` (whose ancestors are `parents[:end]`) inside a `finally:` block of its own
    function?"""
    child = node
    for index in range((len(parents) if end is None else end) - 1, -1, -1):
        parent = parents[index]
        if isinstance(parent, _TRY) and any(child is s for s in parent.finalbody):
            return True
        if isinstance(parent, _SCOPES):
            return False
        child = parent
    return False


def in_condition(node: ast.AST, parents: list[ast.AST], end: int | None = None) -> bool:
    """Is `node` compared, matched or tested for truth where it occurs?"""
    return context(node, parents, end)[0] in (TEST, COMPARED, MATCHED)


def ancestor_index(node: ast.AST, parents: list[ast.AST]) -> int:
    """Where `node` stands in `parents` (-1 when it is not an ancestor)."""
    for index in range(len(parents) - 1, -1, -1):
        if parents[index] is node:
            return index
    return -1


# --- where a statement sits in its block ---------------------------------------------------------
# Read from ast's line numbers (ast keeps no tokens): after a `:` on the header's line
# (`if x: stop()`, libcst's SimpleStatementSuite) or on lines of its own. Rules use it to offer a
# fix only where libcst's tree has the shape the fix rewrites.
_BLOCK_FIELDS = ("body", "handlers", "orelse", "finalbody", "cases")


def block_of(owner: ast.AST, child: ast.AST) -> tuple[str, list] | None:
    """(the field of `owner` whose list holds `child`, that list): a statement in a module, a
    function, a compound statement, an `except` or `case` clause; a handler in its `try`, a case in
    its `match`."""
    for field in _BLOCK_FIELDS:
        block = getattr(owner, field, None)
        if isinstance(block, list) and any(item is child for item in block):
            return field, block
    return None


_BLOCKS = ("body", "orelse", "finalbody")


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
        if field == "body" and isinstance(owner, _TRY) and owner.handlers:
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
