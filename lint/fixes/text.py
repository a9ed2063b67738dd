"""Plans realised as edits of source ranges, at the places ast gives, without another parse.

Only changes whose text is certain are done here: a value replaced, a keyword renamed, a keyword
appended to or removed from a call on one line, `json.dumps(x)` unwrapped when nothing but `x` sits between its
parentheses, `return ` before a statement, a statement inserted after another, whole statement
lines without comments removed, an import of one name on a line of its own removed. For anything
else `TextPath.realise` returns None and the round goes to `pdlint.fixes.tree`, which gives the
same text for these changes (a test holds the two to that).
"""

from __future__ import annotations

import ast
import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from ..edits import line_list
from ..finding import FixPlan
from ..plans import (
    AddKeyword,
    DropsUse,
    InsertAfter,
    MakeReturn,
    RemoveKeyword,
    RemoveStatements,
    RenameKeyword,
    SetArgument,
    UnwrapArgument,
)
from ..occurrence import statement_in_a_suite
from . import Outcome, TextEdit, name_bindings, unused_imports


class _NeedsTree(Exception):
    """This change is not a plain range edit: the round goes to libcst's tree."""


@dataclass(frozen=True)
class _Range:
    """Characters `start` .. `end` (offsets in the snippet) become `text`."""

    start: int
    end: int
    text: str

    def collides(self, other: "_Range") -> bool:
        if self.start == other.start:
            return True
        if max(self.start, other.start) < min(self.end, other.end):
            return True
        # an insertion inside what the other replaces
        return (self.start == self.end and other.start < self.start < other.end) or (
            other.start == other.end and self.start < other.start < self.end
        )

    def inside(self, start: int, end: int) -> bool:
        return start <= self.start and self.end <= end


_SEMICOLON = re.compile(r"[ \t]*;[ \t]*")


class TextPath:
    def __init__(self, text: str, tree: ast.Module) -> None:
        self.text = text
        self.tree = tree
        self.lines = line_list(text)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        found = re.search(r"\r\n|\r|\n", text)
        self.newline = found.group(0) if found else "\n"
        self._blocks: dict | None = None
        self._names: tuple | None = None

    # places ---------------------------------------------------------------------------------------
    def _at(self, line: int, byte_column: int) -> int:
        text = self.lines[line - 1]
        column = byte_column if text.isascii() else len(text.encode("utf-8")[:byte_column].decode("utf-8", "replace"))
        return self.starts[line - 1] + column

    def start(self, node: ast.AST) -> int:
        return self._at(node.lineno, node.col_offset)  # type: ignore[attr-defined]

    def end(self, node: ast.AST) -> int:
        return self._at(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]

    def _block_of(self, statement: ast.stmt) -> tuple[ast.AST, list[ast.stmt], int]:
        if self._blocks is None:
            self._blocks = blocks(self.tree)
        found = self._blocks.get(id(statement))
        if found is None:
            raise _NeedsTree
        return found

    def _own_lines(self, statement: ast.stmt) -> bool:
        """Is `statement` on lines of its own (no `;` neighbour), in an indented block?"""
        owner, block, index = self._block_of(statement)
        if index > 0 and block[index - 1].end_lineno == statement.lineno:
            return False
        if index + 1 < len(block) and block[index + 1].lineno == statement.end_lineno:
            return False
        return not statement_in_a_suite(statement, owner)

    def _lines_of(self, statement: ast.stmt) -> _Range:
        """The whole lines of a statement that has them to itself and no comment in them."""
        if isinstance(statement, _COMPOUND) or not self._own_lines(statement):
            raise _NeedsTree
        start, end = self.starts[statement.lineno - 1], self.starts[statement.end_lineno]
        if "#" in self.text[start:end]:
            raise _NeedsTree  # comments stay: the tree path keeps them as comment lines
        return _Range(start, end, "")

    # changes ------------------------------------------------------------------------------------
    def _argument(self, call: ast.Call, key) -> ast.expr:
        if isinstance(key, str):
            for keyword in call.keywords:
                if keyword.arg == key:
                    return keyword.value
        else:
            positional = [arg for arg in call.args if not isinstance(arg, ast.Starred)]
            if key < len(positional):
                return positional[key]
        raise _NeedsTree

    def _ranges(self, change) -> list[_Range]:
        text = self.text
        if isinstance(change, SetArgument):
            value = self._argument(change.call, change.key)
            return [_Range(self.start(value), self.end(value), change.value)]
        if isinstance(change, RenameKeyword):
            keyword = next((k for k in change.call.keywords if k.arg == change.old), None)
            if keyword is None:
                raise _NeedsTree
            start = self.start(keyword)
            if text[start : start + len(change.old)] != change.old:
                raise _NeedsTree
            return [_Range(start, start + len(change.old), change.new)]
        if isinstance(change, UnwrapArgument):
            value = self._argument(change.call, change.key)
            if not (isinstance(value, ast.Call) and len(value.args) == 1 and not value.keywords
                    and not isinstance(value.args[0], ast.Starred)):
                raise _NeedsTree
            inner = value.args[0]
            written = text[self.start(inner) : self.end(inner)]
            if text[self.end(value.func) : self.end(value)] != f"({written})":
                raise _NeedsTree  # parentheses, spaces, comments or a comma around it: the tree keeps them
            new = f"({written})" if isinstance(inner, ast.NamedExpr) else written
            return [_Range(self.start(value), self.end(value), new)]
        if isinstance(change, AddKeyword):
            call = change.call
            if call.lineno != call.end_lineno:
                raise _NeedsTree
            close = self.end(call) - 1
            if text[close] != ")":
                raise _NeedsTree
            new = f"{change.name}={change.value}"
            arguments = [*call.args, *call.keywords]
            if not arguments:
                if text[self.end(call.func) : close + 1] != "()":
                    raise _NeedsTree
                return [_Range(close, close, new)]
            last = max(self.end(argument) for argument in arguments)
            between = text[last:close]
            if between not in ("", ","):
                raise _NeedsTree  # spaces, or a trailing comma with spaces: the tree path's layout
            return [_Range(last, close, f", {new}")]
        if isinstance(change, RemoveKeyword):
            return [self._keyword_removal(change.call, change.name)]
        if isinstance(change, MakeReturn):
            start = self.start(change.statement)
            return [_Range(start, start, "return ")]
        if isinstance(change, InsertAfter):
            return [self._insert(change.statement, change.code)]
        if isinstance(change, RemoveStatements):
            return [self._removal(statement, change.statements) for statement in change.statements]
        raise _NeedsTree

    def _keyword_removal(self, call: ast.Call, name: str) -> _Range:
        """`f(a, name=x, b)` -> `f(a, b)`, on a call written on one line."""
        if call.lineno != call.end_lineno:
            raise _NeedsTree
        arguments = sorted([*call.args, *call.keywords], key=self.start)
        index = next((i for i, a in enumerate(arguments) if isinstance(a, ast.keyword) and a.arg == name), None)
        close = self.end(call) - 1
        if index is None or self.text[close] != ")":
            raise _NeedsTree
        keyword = arguments[index]
        if index + 1 < len(arguments):
            return _Range(self.start(keyword), self.start(arguments[index + 1]), "")
        between = self.text[self.end(keyword) : close]
        if between not in ("", ","):
            raise _NeedsTree
        if index == 0 or between == ",":
            return _Range(self.start(keyword), close, "")
        return _Range(self.end(arguments[index - 1]), self.end(keyword), "")

    def _insert(self, statement: ast.stmt, code: str) -> _Range:
        owner, block, index = self._block_of(statement)
        end = self.end(statement)
        if index + 1 < len(block) and block[index + 1].lineno == statement.end_lineno:
            # `a; b` -> `a; code; b`, the new statement written with `a`'s separator
            separator = self.text[end : self.start(block[index + 1])]
            if not _SEMICOLON.fullmatch(separator):
                raise _NeedsTree
            return _Range(end, end, separator + code)
        rest = self.lines[statement.end_lineno - 1][end - self.starts[statement.end_lineno - 1]:]
        if rest.lstrip(" \t").startswith(";"):
            raise _NeedsTree  # a `;` closing the line
        if statement_in_a_suite(statement, owner):
            return _Range(end, end, "; " + code)  # `if x: a` -> `if x: a; code`
        first = index
        while first > 0 and block[first - 1].end_lineno == block[first].lineno:
            first -= 1
        line = self.lines[block[first].lineno - 1]
        indent = line[: self.start(block[first]) - self.starts[block[first].lineno - 1]]
        if indent.strip():
            raise _NeedsTree
        after = self.starts[statement.end_lineno]
        if not self.lines[statement.end_lineno - 1].endswith(("\n", "\r")):
            return _Range(after, after, self.newline + indent + code)  # the last line, no line break
        return _Range(after, after, indent + code + self.newline)

    def _removal(self, statement: ast.stmt, removed: Sequence[ast.stmt]) -> _Range:
        owner, block, index = self._block_of(statement)
        if index + 1 < len(block) and block[index + 1].lineno == statement.end_lineno:
            if not any(block[index + 1] is other for other in removed):
                raise _NeedsTree  # a statement after it on its line stays
        if index > 0 and block[index - 1].end_lineno == statement.lineno:
            previous = block[index - 1]
            if isinstance(statement, _COMPOUND):
                raise _NeedsTree
            # `a; b` -> `a` (what follows `b` on its line, a comment or a `;`, stays)
            return _Range(self.end(previous), self.end(statement), "")
        return self._lines_of(statement)

    def _import_removal(self, statement: ast.stmt) -> _Range:
        if len(statement.names) != 1:  # type: ignore[attr-defined]
            raise _NeedsTree
        return self._lines_of(statement)

    # a round ----------------------------------------------------------------------------------------
    def realise(self, plans: Sequence[FixPlan]) -> Outcome | None:
        """The plans as line edits, or None when one of them needs the tree path."""
        outcome = Outcome()
        taken: list[_Range] = []
        removed: list[_Range] = []
        drops: list[ast.Name] = []
        for index, plan in enumerate(plans):
            ranges: list[_Range] = []
            plan_drops = []
            try:
                for change in plan.changes:
                    if isinstance(change, DropsUse):
                        plan_drops.append(change.name)
                    else:
                        ranges.extend(self._ranges(change))
            except _NeedsTree:
                return None
            if ranges and any(all(r.inside(gone.start, gone.end) for r in ranges) for gone in removed):
                outcome.absorbed.append(index)
                continue
            if any(r.collides(t) for r in ranges for t in taken):
                outcome.deferred.append(index)
                continue
            taken.extend(ranges)
            removed.extend(r for r in ranges if r.text == "" and r.start < r.end)
            drops.extend(plan_drops)
            outcome.applied.append(index)
        if drops:
            if self._names is None:
                self._names = name_bindings(self.tree)
            for statement, _ in unused_imports(self.tree, drops, self._names):
                try:
                    gone = self._import_removal(statement)
                except _NeedsTree:
                    return None
                if any(gone.collides(t) for t in taken):
                    return None
                taken.append(gone)
        outcome.edits = self._line_edits(taken)
        return outcome

    def _line(self, offset: int) -> int:
        """The 1-based line holding `offset` (the last line for the very end)."""
        return min(bisect.bisect_right(self.starts, offset), len(self.lines))

    def _line_edits(self, ranges: list[_Range]) -> list[TextEdit]:
        spans = []
        for r in sorted(ranges, key=lambda r: (r.start, r.end)):
            first = self._line(r.start)
            last = self._line(max(r.start, r.end - 1))
            if spans and first <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], last)
                spans[-1][2].append(r)
            else:
                spans.append([first, last, [r]])
        edits = []
        for first, last, group in spans:
            base = self.starts[first - 1]
            piece = self.text[base : self.starts[last]]
            for r in sorted(group, key=lambda r: (r.start, r.end), reverse=True):
                piece = piece[: r.start - base] + r.text + piece[r.end - base :]
            edits.append(TextEdit(first, last + 1, piece))
        return edits


_BLOCKS = ("body", "orelse", "finalbody")


def blocks(tree: ast.AST) -> dict[int, tuple[ast.AST, list[ast.stmt], int]]:
    """Every statement under `tree`: (the node whose block holds it, that block, its index)."""
    found: dict[int, tuple[ast.AST, list[ast.stmt], int]] = {}
    stack = [tree]
    while stack:
        owner = stack.pop()
        for field in (*_BLOCKS, "handlers", "cases"):
            value = getattr(owner, field, None)
            if not isinstance(value, list):
                continue
            for index, item in enumerate(value):
                if isinstance(item, ast.stmt):
                    found[id(item)] = (owner, value, index)
                stack.append(item)
    return found


_COMPOUND = (
    ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While,
    ast.With, ast.AsyncWith, ast.Try, ast.Match, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()),
)
