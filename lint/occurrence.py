"""Where an expression occurs, read from its ancestors: what the code does with the value there.

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
