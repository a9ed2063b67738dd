"""Realise the fix plans of a snippet (`pdlint.plans`) as text edits.

Two ways, one result. Most plans say that a range of the source becomes some text (an argument's
value, a keyword's name, `return ` before a statement, a statement on a new line): `text` edits
those ranges directly, at the places ast gives, and needs no other parse. A plan that reshapes
code (a keyword added to a call spread over lines, dict entries or arguments removed with their
comments, statements moved into a `with` block) goes to `tree`, which realises every plan of the
round on one libcst parse and prints again only the statements that change. Both keep every
comment and the layout around a change, apply non-overlapping plans together and defer a plan
that collides with one already taken to the next round. libcst is imported only by `tree`.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass, field
from typing import Sequence

from ..edits import apply_edits
from ..finding import FixPlan


class FixError(Exception):
    """A plan that cannot be realised on this code: a bug in a rule's planning or in here."""


def failure(finding, reason: str) -> str:
    """The one line that reports a fix that could not be built. With PDLINT_STRICT_FIXES=1 (as
    pdlint's own tests run) it is raised instead."""
    message = (
        f"{finding.path}:{finding.line}:{finding.column}: could not build the fix of "
        f"{finding.code} ({reason}); please report this pdlint bug"
    )
    if os.environ.get("PDLINT_STRICT_FIXES") == "1":
        raise FixError(message)
    return message


@dataclass
class TextEdit:
    """Replace snippet lines `start` .. `end - 1` (1-based, whole lines with their line breaks)
    by `text`."""

    start: int
    end: int
    text: str


@dataclass
class Outcome:
    edits: list[TextEdit] = field(default_factory=list)
    applied: list[int] = field(default_factory=list)  # indices of the plans realised
    absorbed: list[int] = field(default_factory=list)  # plans whose code another plan removed
    deferred: list[int] = field(default_factory=list)  # plans that collided: the next round
    failed: list[tuple[int, str]] = field(default_factory=list)

    def apply(self, text: str) -> str:
        return apply_edits(text, self.edits)


# Tests force the libcst path to check that both give the same text.
TEXT_EDITS = os.environ.get("PDLINT_FIX_TEXT_EDITS", "1") != "0"


class Fixer:
    """One snippet's plans realised: by text edits where they suffice, else on one libcst tree
    (parsed at most once, when first needed)."""

    def __init__(self, text: str, tree: ast.Module) -> None:
        self.text = text
        self.tree = tree
        self._text_path = None
        self._session = None

    def _tree_session(self):
        if self._session is None:
            from .tree import FixSession

            self._session = FixSession(self.text, self.tree)
        return self._session

    def realise(self, plans: Sequence[FixPlan]) -> Outcome:
        """Apply `plans` together (those that collide wait: `Outcome.deferred`)."""
        if TEXT_EDITS:
            if self._text_path is None:
                from .text import TextPath

                self._text_path = TextPath(self.text, self.tree)
            done = self._text_path.realise(plans)
            if done is not None:
                return done
        return self._tree_session().realise(plans)


def name_bindings(tree: ast.AST) -> tuple[dict[str, int], dict[str, list]]:
    """How often each name is written, and what binds it: `(import statement, alias index)` for
    an import, None for anything else (a parameter, a definition, `global`...)."""
    uses: dict[str, int] = {}
    bindings: dict[str, list] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            uses[node.id] = uses.get(node.id, 0) + 1
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for position, alias in enumerate(node.names):
                bound = alias.asname or alias.name.split(".")[0]
                bindings.setdefault(bound, []).append((node, position))
        elif isinstance(node, ast.arg):
            bindings.setdefault(node.arg, []).append(None)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bindings.setdefault(node.name, []).append(None)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                bindings.setdefault(name, []).append(None)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bindings.setdefault(node.name, []).append(None)
    return uses, bindings


def unused_imports(tree: ast.AST, drops: Sequence[ast.Name], names) -> list[tuple[ast.stmt, int]]:
    """The import aliases (statement, alias index) that the dropped uses leave without a use:
    every use of the name is dropped and the import is its only binding."""
    dropped: dict[str, int] = {}
    for name in drops:
        dropped[name.id] = dropped.get(name.id, 0) + 1
    uses, bindings = names
    found = []
    for name, count in dropped.items():
        bound = bindings.get(name, [])
        if uses.get(name, 0) == count and len(bound) == 1 and bound[0] is not None:
            found.append(bound[0])
    return found
