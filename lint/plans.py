"""What a fix changes, stated on CPython's `ast` nodes while the rules walk (no libcst here).

A rule that can fix a finding passes `fix=self.plan_fix(change, ..., safety=...)` to `report`
(see `pdlint.rules.base.Rule.plan_fix`). The changes below are all a fix can say; `pdlint.fixes`
realises every plan of a snippet on one libcst tree per round, keeping the user's layout and
comments, and turns the changed statements into text edits.

Rules decide on `ast` whether a fix applies; a plan is only stated where it can be realised
(an exact place, the right shape of code), because `fixable` promises that `--fix` (or
`--unsafe-fixes`) removes the finding. Values are source text (`"30"`, `"r.raise_for_status()"`).

Arguments of a call are named by `key`: a keyword's name, or the index of a positional argument.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Union

ArgumentKey = Union[int, str]


# --- the arguments of a call ---------------------------------------------------------------------
@dataclass(frozen=True)
class SetArgument:
    """The value of argument `key` of `call` becomes `value`."""

    call: ast.Call
    key: ArgumentKey
    value: str


@dataclass(frozen=True)
class AddKeyword:
    """`name=value` becomes the last argument of `call`, in the call's own layout."""

    call: ast.Call
    name: str
    value: str


@dataclass(frozen=True)
class RenameKeyword:
    call: ast.Call
    old: str
    new: str


@dataclass(frozen=True)
class UnwrapArgument:
    """The value of argument `key` of `call`, itself a call with one positional argument
    (`json.dumps(x)`), becomes that argument (`x`)."""

    call: ast.Call
    key: ArgumentKey


@dataclass(frozen=True)
class RemoveKeyword:
    call: ast.Call
    name: str


@dataclass(frozen=True)
class RemoveDictEntries:
    """Entries `indices` (0-based, in source order) go from the dict literal that is argument
    `key` of `call`."""

    call: ast.Call
    key: ArgumentKey
    indices: tuple[int, ...]


# --- statements ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class MakeReturn:
    """The expression statement becomes `return <expression>`."""

    statement: ast.Expr


@dataclass(frozen=True)
class InsertAfter:
    """A new statement `code` right after `statement`, in its block (on the same line after a
    `;` when other statements follow it there)."""

    statement: ast.stmt
    code: str


@dataclass(frozen=True)
class RemoveStatements:
    """These statements go; their comments stay where they were, as comment lines."""

    statements: tuple[ast.stmt, ...]


@dataclass(frozen=True)
class WrapInWith:
    """`body` (consecutive statements of one block, each on lines of its own) becomes the block
    of `with <item> as <name>:`. `replaces`, the statement right before `body`, gives the `with`
    its place and comments (`f = open(...)  # note` -> `with open(...) as f:  # note`); `closer`,
    right after `body`, is removed and its comments go to the end of the new block."""

    body: tuple[ast.stmt, ...]
    item: ast.expr
    name: str
    replaces: ast.stmt | None = None
    closer: ast.stmt | None = None


@dataclass(frozen=True)
class HoistIntoWith:
    """`call`, somewhere in `statement`, becomes `name`, and `statement` goes into the block of
    `with <call> as <name>:` (several calls of one statement share one `with`); with `through`,
    a later statement of the same block, the statements from `statement` to `through` go there."""

    statement: ast.stmt
    call: ast.Call
    name: str
    through: ast.stmt | None = None


@dataclass(frozen=True)
class MakeSync:
    """`async def` becomes `def`."""

    function: ast.AsyncFunctionDef


@dataclass(frozen=True)
class AddParameter:
    """The function, which takes no parameters, takes `name`."""

    function: ast.FunctionDef | ast.AsyncFunctionDef
    name: str


@dataclass(frozen=True)
class DropsUse:
    """The fix removes this use of an imported name. When the fixes applied together remove
    every use of the name, its import goes too (the whole statement when nothing is left)."""

    name: ast.Name


Change = Union[
    SetArgument, AddKeyword, RenameKeyword, UnwrapArgument, RemoveKeyword, RemoveDictEntries,
    MakeReturn, InsertAfter, RemoveStatements, WrapInWith, HoistIntoWith, MakeSync, AddParameter,
    DropsUse,
]
