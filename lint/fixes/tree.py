"""Realise fix plans on libcst's lossless tree (the only module of pdlint that imports libcst).

Rules state their fixes on CPython's `ast` (`pdlint.plans`). `FixSession` parses a snippet once
with libcst and pairs the two trees statement by statement (both list a block's statements in the
same order; libcst groups the statements of a line in a `SimpleStatementLine`). A call is found
inside its statement by its rank among the statement's calls in source order, and must call the
same thing with the same number of positional arguments and the same keywords: the place is
exact or the plan fails with `FixError` (never a silent drop, never a neighbouring node).

`FixSession.realise(plans)` applies plans together: changes of one call compose in order, block
changes (insertions, removals, `with` blocks) are applied on the original positions of a block's
statements; a plan that collides with one already taken is deferred to the next round. Only the
statements that change are transformed and printed again (in their block's indentation, through
libcst's public API), each becoming one text edit of whole lines; the module is never regenerated.
Every comment of a removed or rewritten piece of code is kept: on its line, or as a comment line
where the code was (`RemoveStatements`), or at the end of the new block (`WrapInWith.closer`).
"""

from __future__ import annotations

import ast
import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Iterator, Sequence

import libcst as cst

from ..edits import line_list
from ..finding import FixPlan
from ..plans import (
    AddKeyword,
    AddParameter,
    DropsUse,
    HoistIntoWith,
    InsertAfter,
    MakeReturn,
    MakeSync,
    RemoveDictEntries,
    RemoveKeyword,
    RemoveStatements,
    RenameKeyword,
    SetArgument,
    UnwrapArgument,
    WrapInWith,
)
from . import FixError, Outcome, TextEdit, name_bindings, unused_imports


# --- where things are --------------------------------------------------------------------------
@dataclass(eq=False)
class _Block:
    node: cst.CSTNode  # Module, IndentedBlock or SimpleStatementSuite
    indents: tuple[str | None, ...]  # of the IndentedBlocks from the module down to this one
    parent_item: "_Item | None"  # the statement of the enclosing block that holds this block

    @property
    def is_suite(self) -> bool:
        return isinstance(self.node, cst.SimpleStatementSuite)


@dataclass(eq=False)
class _Item:
    """An entry of a block's body: a statement line, a compound statement, or (in a one-line
    suite) a small statement."""

    block: _Block
    index: int
    node: cst.CSTNode
    first_line: int  # the line it starts on (its first decorator's, for a decorated definition)
    last_line: int | None = None  # the line a statement line ends on (ast knows it exactly)

    def anchor(self) -> "_Item":
        """The item whose lines are printed again when this one changes."""
        item = self
        while item.block.is_suite:
            assert item.block.parent_item is not None
            item = item.block.parent_item
        return item

    def chain(self) -> list["_Item"]:
        """This item and the items holding it, innermost first."""
        items, item = [], self
        while item is not None:
            items.append(item)
            item = item.block.parent_item
        return items


@dataclass(eq=False)
class _Place:
    item: _Item
    small: int | None  # index in the statement line (or suite) for a small statement
    node: cst.CSTNode  # the libcst statement (small statement, compound statement, `elif` If)
    statement: ast.stmt


_SAME_KIND = {
    "AsyncFunctionDef": "FunctionDef", "AsyncFor": "For", "AsyncWith": "With", "Delete": "Del",
}


class FixSession:
    """One snippet's libcst tree, paired with its ast tree."""

    def __init__(self, text: str, tree: ast.Module) -> None:
        self.text = text
        self.lines = line_list(text)
        self.tree = tree
        try:
            self.module = cst.parse_module(text)
        except Exception as error:  # noqa: BLE001 - CPython accepted the code; libcst may not
            raise FixError(f"libcst cannot parse this code: {str(error).splitlines()[0]}") from None
        self.places: dict[int, _Place] = {}
        self.items: dict[tuple[int, int], _Item] = {}
        self._blocks: dict[int, _Block] = {}
        root = self._block(self.module, (), None)
        self._pair_body(tree.body, root)
        self._calls: dict[int, list[ast.Call]] = {}  # statement id -> its calls in source order
        self._located: dict[int, tuple[cst.Call, _Place]] = {}
        self._cst_calls: dict[int, list[cst.Call]] = {}
        self._old_code: dict[tuple[int, int, int], str] = {}
        self._names: tuple[dict, dict] | None = None

    # pairing ------------------------------------------------------------------------------------
    def _block(self, node: cst.CSTNode, indents: tuple, parent: _Item | None) -> _Block:
        block = _Block(node, indents, parent)
        self._blocks[id(node)] = block
        return block

    def _pair_body(self, statements: Sequence[ast.stmt], block: _Block) -> None:
        position = 0
        for index, entry in enumerate(block.node.body):
            if isinstance(entry, cst.SimpleStatementLine):
                smalls: Sequence[cst.CSTNode] = entry.body
                item = _Item(block, index, entry, 0)
            elif isinstance(entry, cst.BaseSmallStatement):
                smalls = [entry]
                item = _Item(block, index, entry, 0)
            else:
                smalls = ()
                item = None
            if item is not None:
                self.items[(id(block), index)] = item
                for k, small in enumerate(smalls):
                    statement = self._next(statements, position, small)
                    position += 1
                    if k == 0:
                        item.first_line = statement.lineno
                    item.last_line = statement.end_lineno
                    small_index = k if isinstance(entry, cst.SimpleStatementLine) else index
                    self.places[id(statement)] = _Place(item, small_index, small, statement)
                continue
            statement = self._next(statements, position, entry)
            position += 1
            decorators = getattr(statement, "decorator_list", None) or ()
            first = min([statement.lineno, *(d.lineno for d in decorators)])
            item = _Item(block, index, entry, first)
            self.items[(id(block), index)] = item
            self.places[id(statement)] = _Place(item, None, entry, statement)
            self._pair_compound(statement, entry, item, block)
        if position != len(statements):
            raise FixError("the libcst tree has fewer statements than the ast tree")

    @staticmethod
    def _next(statements: Sequence[ast.stmt], position: int, node: cst.CSTNode) -> ast.stmt:
        if position >= len(statements):
            raise FixError("the libcst tree has more statements than the ast tree")
        statement = statements[position]
        kind = type(statement).__name__
        if _SAME_KIND.get(kind, kind) != type(node).__name__:
            raise FixError(f"statement {kind} at line {statement.lineno} is {type(node).__name__} in libcst")
        return statement

    def _sub(self, statements: Sequence[ast.stmt], suite: cst.CSTNode, item: _Item, outer: _Block) -> None:
        indents = outer.indents
        if isinstance(suite, cst.IndentedBlock):
            indents = (*indents, suite.indent)
        self._pair_body(statements, self._block(suite, indents, item))

    def _pair_compound(self, statement: ast.stmt, node: cst.CSTNode, item: _Item, outer: _Block) -> None:
        sub = self._sub
        if isinstance(node, cst.If):
            assert isinstance(statement, ast.If)
            sub(statement.body, node.body, item, outer)
            orelse = node.orelse
            if isinstance(orelse, cst.If):
                if len(statement.orelse) != 1 or not isinstance(statement.orelse[0], ast.If):
                    raise FixError(f"`elif` at line {statement.lineno} does not pair")
                nested = statement.orelse[0]
                self.places[id(nested)] = _Place(item, None, orelse, nested)
                self._pair_compound(nested, orelse, item, outer)
            elif isinstance(orelse, cst.Else):
                sub(statement.orelse, orelse.body, item, outer)
            return
        if isinstance(node, (cst.Try, cst.TryStar)):
            sub(statement.body, node.body, item, outer)
            handlers = statement.handlers  # type: ignore[attr-defined]
            if len(handlers) != len(node.handlers):
                raise FixError(f"the handlers of the try at line {statement.lineno} do not pair")
            for handler, cst_handler in zip(handlers, node.handlers):
                sub(handler.body, cst_handler.body, item, outer)
            if node.orelse is not None:
                sub(statement.orelse, node.orelse.body, item, outer)  # type: ignore[attr-defined]
            if node.finalbody is not None:
                sub(statement.finalbody, node.finalbody.body, item, outer)  # type: ignore[attr-defined]
            return
        if isinstance(node, cst.Match):
            for case, cst_case in zip(statement.cases, node.cases):  # type: ignore[attr-defined]
                sub(case.body, cst_case.body, item, outer)
            return
        sub(statement.body, node.body, item, outer)  # type: ignore[attr-defined]
        orelse = getattr(node, "orelse", None)
        if isinstance(orelse, cst.Else):
            sub(statement.orelse, orelse.body, item, outer)  # type: ignore[attr-defined]

    # finding nodes ------------------------------------------------------------------------------
    def place(self, statement: ast.stmt) -> _Place:
        found = self.places.get(id(statement))
        if found is None:
            raise FixError(f"no statement of this snippet at line {getattr(statement, 'lineno', '?')}")
        return found

    def call(self, node: ast.Call) -> tuple[cst.Call, _Place]:
        """The libcst call at the place of `node`, and the statement holding it."""
        located = self._located.get(id(node))
        if located is not None:
            return located
        found = self._rank(node)
        if found is None:
            raise FixError(f"no call of this snippet at line {getattr(node, 'lineno', '?')}")
        statement, rank = found
        place = self.places[id(statement)]
        cst_calls = self._cst_calls.get(id(place.node))
        if cst_calls is None:
            cst_calls = self._cst_calls[id(place.node)] = [
                n for n in _own_cst_nodes(place.node) if isinstance(n, cst.Call)
            ]
        if rank >= len(cst_calls):
            raise FixError(f"the statement at line {statement.lineno} has fewer calls in libcst")
        candidate = cst_calls[rank]
        if _signature(candidate) != _ast_signature(node):
            raise FixError(f"the call at line {node.lineno} is not where ast puts it")
        self._located[id(node)] = (candidate, place)
        return candidate, place

    def _rank(self, node: ast.Call) -> tuple[ast.stmt, int] | None:
        """The innermost statement whose own expressions hold `node`, and the rank of `node`
        among that statement's calls in source order."""
        line, end = getattr(node, "lineno", 0), getattr(node, "end_lineno", 0)
        candidates = sorted(
            (p.statement for p in self.places.values()
             if p.statement.lineno <= line and end <= p.statement.end_lineno),
            key=lambda s: s.end_lineno - s.lineno,
        )
        for statement in candidates:
            calls = self._calls.get(id(statement))
            if calls is None:
                calls = self._calls[id(statement)] = sorted(
                    (n for n in _own_ast_nodes(statement) if isinstance(n, ast.Call)),
                    key=lambda n: (n.lineno, n.col_offset, -n.end_lineno, -n.end_col_offset),
                )
            for rank, call in enumerate(calls):
                if call is node:
                    return statement, rank
        return None

    def names(self) -> tuple[dict[str, int], dict[str, list]]:
        if self._names is None:
            self._names = name_bindings(self.tree)
        return self._names

    # realising ----------------------------------------------------------------------------------
    def realise(self, plans: Sequence[FixPlan]) -> Outcome:
        """Apply `plans` together (those that collide wait: `Outcome.deferred`)."""
        outcome = Outcome()
        work = _Work(self)
        for index, plan in enumerate(plans):
            try:
                staged = work.stage(plan)
            except FixError as error:
                outcome.failed.append((index, str(error)))
                continue
            if work.absorbs(staged):
                outcome.absorbed.append(index)
            elif work.collides(staged):
                outcome.deferred.append(index)
            else:
                work.commit(staged, index)
        try:
            work.remove_unused_imports()
            outcome.edits = work.edits()
        except FixError as error:
            outcome.failed.extend((index, str(error)) for index in work.committed)
            outcome.edits = []
            return outcome
        outcome.applied = sorted(work.committed)
        return outcome

    def code_in_block(self, block: _Block, items: Sequence[cst.CSTNode]) -> str:
        """`items` printed as statements of `block`, in its indentation."""
        body: list = list(items)
        header = ""
        indent_so_far = ""
        for indent in block.indents:
            header += indent_so_far + "if x:" + self.module.default_newline
            indent_so_far += self.module.default_indent if indent is None else indent
        for indent in reversed(block.indents):
            body = [cst.If(test=cst.Name("x"), body=cst.IndentedBlock(body=body, indent=indent))]
        code = self.module.with_changes(body=body, header=(), footer=(), has_trailing_newline=True).code
        if not code.startswith(header):
            raise FixError("cannot print the statements in their block")
        return code[len(header):]


def _ast_signature(call: ast.Call) -> tuple:
    """What tells a call from its neighbours: what is called, how many positional arguments,
    which keywords (in order)."""
    func = call.func
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    parts.append(func.id if isinstance(func, ast.Name) else type(func).__name__)
    keywords = tuple(k.arg or "**" for k in call.keywords)
    return tuple(parts), len(call.args), tuple(sorted(keywords))


_CST_KINDS = {"Call": "Call", "Subscript": "Subscript", "SimpleString": "Constant", "Integer": "Constant",
              "Float": "Constant", "ConcatenatedString": "Constant", "FormattedString": "JoinedStr",
              "Lambda": "Lambda", "List": "List", "Tuple": "Tuple", "Dict": "Dict", "BinaryOperation": "BinOp",
              "IfExp": "IfExp", "Await": "Await", "BooleanOperation": "BoolOp", "Comparison": "Compare",
              "UnaryOperation": "UnaryOp", "Set": "Set", "ListComp": "ListComp", "GeneratorExp": "GeneratorExp",
              "NamedExpr": "NamedExpr", "Ellipsis": "Constant", "Imaginary": "Constant"}


def _signature(call: cst.Call) -> tuple:
    func = call.func
    parts = []
    while isinstance(func, cst.Attribute):
        parts.append(func.attr.value)
        func = func.value
    if isinstance(func, cst.Name):
        parts.append(func.value)
    else:
        parts.append(_CST_KINDS.get(type(func).__name__, type(func).__name__))
    positional = sum(1 for a in call.args if a.keyword is None and a.star != "**")
    keywords = tuple(a.keyword.value if a.keyword is not None else "**" for a in call.args
                     if a.keyword is not None or a.star == "**")
    return tuple(parts), positional, tuple(sorted(keywords))


_STATEMENT_LISTS = ("body", "orelse", "finalbody")


def _own_ast_nodes(statement: ast.stmt) -> Iterator[ast.AST]:
    """The nodes of a statement's own expressions (not those of the statements in its blocks)."""
    for name, value in ast.iter_fields(statement):
        if name in _STATEMENT_LISTS and isinstance(value, list):
            continue
        if name == "handlers":
            for handler in value:
                if handler.type is not None:
                    yield from ast.walk(handler.type)
            continue
        if name == "cases":
            for case in value:
                yield from ast.walk(case.pattern)
                if case.guard is not None:
                    yield from ast.walk(case.guard)
            continue
        for node in value if isinstance(value, list) else [value]:
            if isinstance(node, ast.AST):
                yield from ast.walk(node)


# Child fields in source order, where the dataclass declares them in another order.
_SOURCE_ORDER = {
    "IfExp": ("lpar", "body", "test", "orelse", "rpar"),
    "FunctionDef": ("leading_lines", "decorators", "lines_after_decorators", "asynchronous", "name",
                    "type_parameters", "params", "returns", "body"),
    "ClassDef": ("leading_lines", "decorators", "lines_after_decorators", "name", "type_parameters",
                 "bases", "keywords", "body"),
    "Parameters": ("posonly_params", "posonly_ind", "params", "star_arg", "kwonly_params", "star_kwarg"),
    "MatchCase": ("pattern", "guard", "body"),
}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(cls: type) -> tuple[str, ...]:
    found = _FIELDS.get(cls)
    if found is None:
        names = [f.name for f in dataclasses.fields(cls)]
        first = [name for name in _SOURCE_ORDER.get(cls.__name__, ()) if name in names]
        found = _FIELDS[cls] = (*first, *(name for name in names if name not in first))
    return found


# Nodes that hold no statement and no call: searches for those do not look inside them.
_LEAVES = (
    cst.BaseParenthesizableWhitespace, cst.Newline, cst.Comment, cst.TrailingWhitespace, cst.EmptyLine,
    cst.Name, cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary, cst.Comma, cst.Dot,
    cst.AssignEqual, cst.BaseBinaryOp, cst.BaseBooleanOp, cst.BaseCompOp, cst.BaseUnaryOp,
    cst.BaseAugOp, cst.LeftParen, cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
    cst.LeftCurlyBrace, cst.RightCurlyBrace, cst.Colon, cst.Semicolon, cst.AssignEqual,
)


# isinstance() against libcst's abstract classes is slow; these remember the answer per class.
_IS_LEAF: dict[type, bool] = {}
_IS_NODE: dict[type, bool] = {}


def _branches(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The children of `node` that can hold a statement or a call."""
    for child in _kids(node):
        kind = type(child)
        leaf = _IS_LEAF.get(kind)
        if leaf is None:
            leaf = _IS_LEAF[kind] = issubclass(kind, _LEAVES)
        if not leaf:
            yield child


def _is_node(value: object) -> bool:
    kind = type(value)
    found = _IS_NODE.get(kind)
    if found is None:
        found = _IS_NODE[kind] = issubclass(kind, cst.CSTNode)
    return found


def _kids(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """A node's children in source order: `CSTNode.children` without its visitor."""
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if type(value) in (list, tuple):
            for element in value:
                if _is_node(element):
                    yield element
        elif _is_node(value):
            yield value


def _own_cst_nodes(statement: cst.CSTNode) -> list[cst.CSTNode]:
    """A libcst statement's own nodes in source order (pre-order), its blocks left out."""
    found: list[cst.CSTNode] = []
    stack = [statement]
    while stack:
        node = stack.pop()
        found.append(node)
        skip_orelse = node.orelse if isinstance(node, cst.If) else None
        children = [
            child for child in _branches(node)
            if not isinstance(child, (cst.BaseSuite, cst.Else, cst.Finally)) and child is not skip_orelse
        ]
        stack.extend(reversed(children))
    return found


# --- one round's changes -------------------------------------------------------------------------
@dataclass
class _Wrap:
    start: int
    end: int  # inclusive, original indices of the block's items
    items: list  # (ast expression or HoistIntoWith, name)
    replaces: int | None = None
    closer: int | None = None
    hoisted: list = field(default_factory=list)  # original libcst calls replaced by names


@dataclass
class _BlockOps:
    inserts: dict[int, list[str]] = field(default_factory=dict)
    removals: set[int] = field(default_factory=set)
    wraps: list[_Wrap] = field(default_factory=list)


@dataclass
class _LineOps:
    inserts: dict[int, list[str]] = field(default_factory=dict)
    removals: set[int] = field(default_factory=set)
    returns: set[int] = field(default_factory=set)


@dataclass
class _Staged:
    """A plan's changes, located, not yet taken."""

    plan: FixPlan
    keys: set = field(default_factory=set)  # what it changes, for collisions
    ranges: list = field(default_factory=list)  # (block id, first, last, hoist) of `with` blocks
    calls: set = field(default_factory=set)  # ids of the calls whose arguments change
    hoists: set = field(default_factory=set)  # ids of the calls hoisted into a `with`
    spots: list[tuple[_Item, int | None]] = field(default_factory=list)  # (item, statement node id)
    actions: list = field(default_factory=list)


class _Work:
    def __init__(self, session: FixSession) -> None:
        self.session = session
        self.committed: list[int] = []
        self.keys: set = set()
        self.removed: set[tuple[int, int]] = set()  # (block id, item index) of removed items
        self.removed_small: set[int] = set()  # ids of small statements removed from their line
        self.call_ops: dict[int, list] = {}
        self.hoist_calls: dict[int, str] = {}
        self.line_ops: dict[int, _LineOps] = {}
        self.block_ops: dict[int, _BlockOps] = {}
        self.anchors: list[tuple[_Block, int, int]] = []
        self.drops: list[ast.Name] = []
        self.changed_items: list[tuple[_Item, int | None]] = []
        self.ranges: list = []
        self.calls: set = set()
        self.hoists: set = set()

    # staging ------------------------------------------------------------------------------------
    def stage(self, plan: FixPlan) -> _Staged:
        staged = _Staged(plan)
        session = self.session
        for change in plan.changes:
            if isinstance(change, (SetArgument, AddKeyword, RenameKeyword, UnwrapArgument,
                                   RemoveKeyword, RemoveDictEntries)):
                call, place = session.call(change.call)
                names = _argument_keys(change)
                staged.keys.update(("arg", id(call), name) for name in names)
                staged.calls.add(id(call))
                staged.spots.append((place.item, id(place.node)))
                staged.actions.append(("call", call, change, place))
            elif isinstance(change, HoistIntoWith):
                call, call_place = session.call(change.call)
                place = session.place(change.statement)
                if call_place.item.anchor() is not place.item or place.item.block.is_suite:
                    raise FixError("the hoisted call is not in a statement of its own")
                block, first = place.item.block, place.item.index
                last = first
                if change.through is not None:
                    end = session.place(change.through)
                    if end.item.block is not block or end.item.index <= first:
                        raise FixError("the statements a `with` holds are not one run of one block")
                    last = end.item.index
                staged.keys.add(("hoist", id(call)))
                staged.hoists.add(id(call))
                staged.ranges.append((id(block), first, last, True))
                staged.spots.append((place.item, id(place.node)))
                for index in range(first + 1, last + 1):
                    staged.spots.append((block_item(block, index, session), None))
                staged.actions.append(("hoist", call, change, place, last))
            elif isinstance(change, MakeReturn):
                place = session.place(change.statement)
                if not isinstance(place.node, cst.Expr):
                    raise FixError("`return` goes before an expression statement only")
                staged.keys.add(("small", id(place.node)))
                staged.spots.append((place.item, id(place.node)))
                staged.actions.append(("return", place))
            elif isinstance(change, InsertAfter):
                place = session.place(change.statement)
                staged.keys.add(("after", id(place.node)))
                staged.spots.append((place.item, id(place.node)))
                staged.actions.append(("insert", place, change.code))
            elif isinstance(change, RemoveStatements):
                for statement in change.statements:
                    place = session.place(statement)
                    if place.small is None and place.node is not place.item.node:
                        raise FixError("an `elif` cannot be removed on its own")
                    staged.keys.add(("small", id(place.node)))
                    staged.keys.add(("removed", id(place.node)))
                    staged.spots.append((place.item, id(place.node)))
                    staged.actions.append(("remove", place))
            elif isinstance(change, WrapInWith):
                staged.actions.append(("wrap", self._stage_wrap(change, staged)))
            elif isinstance(change, (MakeSync, AddParameter)):
                place = session.place(change.function)
                if not isinstance(place.node, cst.FunctionDef):
                    raise FixError("not a function definition")
                if isinstance(change, AddParameter) and (place.node.params.params or place.node.params.star_arg
                                                         not in (cst.MaybeSentinel.DEFAULT, None)):
                    raise FixError("the function already takes parameters")
                staged.keys.add((type(change).__name__, id(place.node)))
                staged.spots.append((place.item, id(place.node)))
                staged.actions.append(("def", place, change))
            elif isinstance(change, DropsUse):
                staged.actions.append(("drop", change.name))
            else:
                raise FixError(f"unknown change {type(change).__name__}")
        return staged

    def _stage_wrap(self, change: WrapInWith, staged: _Staged) -> tuple:
        session = self.session
        places = [session.place(statement) for statement in change.body]
        block = places[0].item.block
        if block.is_suite or any(p.small not in (None, 0) or p.item.block is not block for p in places):
            raise FixError("a `with` block can wrap only whole lines of one indented block")
        indices = [p.item.index for p in places]
        if indices != list(range(indices[0], indices[-1] + 1)):
            raise FixError("a `with` block wraps consecutive statements only")
        extra = []
        for statement, expect in ((change.replaces, indices[0] - 1), (change.closer, indices[-1] + 1)):
            if statement is None:
                extra.append(None)
                continue
            place = session.place(statement)
            if place.item.block is not block or place.item.index != expect:
                raise FixError("the statement a `with` replaces or removes is not next to its block")
            if isinstance(place.item.node, cst.SimpleStatementLine) and len(place.item.node.body) != 1:
                raise FixError("the statement a `with` replaces or removes shares its line")
            extra.append(place.item.index)
            staged.keys.update({("small", id(place.node)), ("after", id(place.node))})
        replaces, closer = extra
        item_call = None
        if isinstance(change.item, ast.Call):
            item_call, item_place = session.call(change.item)
            if replaces is None or item_place.item.index != replaces:
                raise FixError("the `with` item is not in the statement it replaces")
        low = replaces if replaces is not None else indices[0]
        high = closer if closer is not None else indices[-1]
        for index in range(low, high + 1):
            staged.spots.append((block_item(block, index, session), None))
        staged.ranges.append((id(block), low, high, False))
        return block, indices[0], indices[-1], item_call, change.name, replaces, closer

    # collisions -----------------------------------------------------------------------------------
    def absorbs(self, staged: _Staged) -> bool:
        """Does code already removed by a taken plan hold everything this plan would change?"""
        if not staged.spots:
            return False
        return all(self._inside_removed(spot) for spot in staged.spots)

    def _inside_removed(self, spot: tuple[_Item, int | None]) -> bool:
        item, node = spot
        return node in self.removed_small or any(
            (id(each.block), each.index) in self.removed for each in item.chain()
        )

    def collides(self, staged: _Staged) -> bool:
        if staged.keys & self.keys:
            return True
        if staged.calls & self.hoists or staged.hoists & self.calls:
            return True  # a call hoisted into a `with` is printed as it was
        if any(self._inside_removed(spot) for spot in staged.spots):
            return True
        # a removal must not take away code that a taken plan changes
        for action in staged.actions:
            if action[0] != "remove":
                continue
            place = action[1]
            if self._whole_line(place):
                if any(self._changed_inside(place.item, item) for item, _ in self.changed_items):
                    return True
            elif id(place.node) in {node for _, node in self.changed_items}:
                return True
        # `with` blocks nest or stay apart (hoists into one statement share one `with`)
        for block, a, b, hoist in staged.ranges:
            for taken_block, c, d, taken_hoist in self.ranges:
                if block != taken_block:
                    continue
                if (a, b) == (c, d):
                    if not (hoist and taken_hoist):
                        return True
                elif not (b < c or d < a or (a <= c and d <= b) or (c <= a and b <= d)):
                    return True
        return False

    @staticmethod
    def _changed_inside(removed: _Item, item: _Item) -> bool:
        return any(each is removed for each in item.chain())

    # taking -------------------------------------------------------------------------------------
    def commit(self, staged: _Staged, index: int) -> None:
        self.committed.append(index)
        self.keys |= staged.keys
        self.ranges.extend(staged.ranges)
        self.calls |= staged.calls
        self.hoists |= staged.hoists
        self.changed_items.extend(staged.spots)
        for action in staged.actions:
            kind = action[0]
            if kind == "call":
                _, call, change, place = action
                self.call_ops.setdefault(id(call), []).append(change)
                self._anchor_item(place.item)
            elif kind == "hoist":
                _, call, change, place, last = action
                self.hoist_calls[id(call)] = change.name
                ops = self._block_ops(place.item.block)
                index = place.item.index
                shared = next((w for w in ops.wraps if w.hoisted and (w.start, w.end) == (index, last)), None)
                if shared is not None:
                    shared.items.append((call, change.name))
                    shared.hoisted.append(call)
                else:
                    ops.wraps.append(_Wrap(index, last, [(call, change.name)], hoisted=[call]))
                self._anchor(place.item.block, index, last)
            elif kind == "return":
                place = action[1]
                self._line_ops(place).returns.add(place.small if place.small is not None else 0)
                self._anchor_item(place.item)
            elif kind == "insert":
                _, place, code = action
                self._insert(place, code)
            elif kind == "remove":
                self._remove(action[1])
            elif kind == "wrap":
                block, first, last, item_call, name, replaces, closer = action[1]
                ops = self._block_ops(block)
                ops.wraps.append(_Wrap(first, last, [(item_call, name)], replaces, closer))
                if replaces is not None:
                    self.removed.add((id(block), replaces))
                if closer is not None:
                    self.removed.add((id(block), closer))
                low = replaces if replaces is not None else first
                high = closer if closer is not None else last
                self._anchor(block, low, high)
            elif kind == "def":
                _, place, change = action
                self.call_ops.setdefault(id(place.node), []).append(change)
                self._anchor_item(place.item)
            elif kind == "drop":
                self.drops.append(action[1])

    def _block_ops(self, block: _Block) -> _BlockOps:
        return self.block_ops.setdefault(id(block.node), _BlockOps())

    def _line_ops(self, place: _Place) -> _LineOps:
        holder = place.item.node if not place.item.block.is_suite else place.item.block.node
        return self.line_ops.setdefault(id(holder), _LineOps())

    def _anchor_item(self, item: _Item) -> None:
        anchor = item.anchor()
        self._anchor(anchor.block, anchor.index, anchor.index)

    def _anchor(self, block: _Block, low: int, high: int) -> None:
        self.anchors.append((block, low, high))

    def _whole_line(self, place: _Place) -> bool:
        return not place.item.block.is_suite and (
            not isinstance(place.item.node, cst.SimpleStatementLine) or len(place.item.node.body) == 1
        )

    def _insert(self, place: _Place, code: str) -> None:
        last_on_line = (
            not place.item.block.is_suite
            and (not isinstance(place.item.node, cst.SimpleStatementLine)
                 or place.small == len(place.item.node.body) - 1)
        )
        if last_on_line:
            self._block_ops(place.item.block).inserts.setdefault(place.item.index, []).append(code)
            self._anchor(place.item.block, place.item.index, place.item.index)
        else:
            assert place.small is not None
            self._line_ops(place).inserts.setdefault(place.small, []).append(code)
            self._anchor_item(place.item)

    def _remove(self, place: _Place) -> None:
        if self._whole_line(place):
            block = place.item.block
            self._block_ops(block).removals.add(place.item.index)
            self.removed.add((id(block), place.item.index))
            self._anchor(block, place.item.index, place.item.index)
        else:
            assert place.small is not None
            self._line_ops(place).removals.add(place.small)
            self.removed_small.add(id(place.node))
            self._anchor_item(place.item)

    # imports made unused --------------------------------------------------------------------------
    def remove_unused_imports(self) -> None:
        if not self.drops:
            return
        for statement, position in unused_imports(self.session.tree, self.drops, self.session.names()):
            place = self.session.place(statement)
            if ("small", id(place.node)) in self.keys:
                continue
            self.keys.add(("small", id(place.node)))
            if len(statement.names) == 1:
                self._remove(place)
            else:
                self.call_ops.setdefault(id(place.node), []).append(("alias", position))
                self._anchor_item(place.item)

    # printing -------------------------------------------------------------------------------------
    def edits(self) -> list[TextEdit]:
        session = self.session
        spans: dict[int, list[tuple[int, int]]] = {}
        blocks: dict[int, _Block] = {}
        for block, low, high in self.anchors:
            blocks[id(block)] = block
            spans.setdefault(id(block), []).append((low, high))
        # removals keep their comments on the next line: print it too
        for key, ops in self.block_ops.items():
            if key in blocks and ops.removals:
                block = blocks[key]
                count = len(block.node.body)
                spans[key].extend((i + 1, i + 1) for i in ops.removals if i + 1 < count)
        merged: list[tuple[_Block, int, int]] = []
        for key, ranges in spans.items():
            ranges.sort()
            low, high = ranges[0]
            for a, b in ranges[1:]:
                if a <= high:
                    high = max(high, b)
                else:
                    merged.append((blocks[key], low, high))
                    low, high = a, b
            merged.append((blocks[key], low, high))
        # a range inside an item another range prints is printed with it
        printed = {(id(block), i) for block, low, high in merged for i in range(low, high + 1)}
        outer = []
        for block, low, high in merged:
            holder = block.parent_item
            nested = False
            while holder is not None:
                if (id(holder.block), holder.index) in printed:
                    nested = True
                    break
                holder = holder.block.parent_item
            if not nested:
                outer.append((block, low, high))
        transformer = _Rebuilder(self)
        return [self._print(block, low, high, transformer) for block, low, high in outer]

    def _print(self, block: _Block, low: int, high: int, transformer: "_Rebuilder") -> TextEdit:
        session = self.session
        body = list(block.node.body)
        original = body[low : high + 1]
        updated = [transformer.rebuild(node) for node in original]
        new_items, tail = transformer.block_items(block.node, body, updated, low)
        first = block_item(block, low, session)
        start = first.first_line - len(getattr(first.node, "leading_lines", ()))
        last = block_item(block, high, session)
        new_code = self._code(block, new_items, tail)
        if isinstance(last.node, cst.SimpleStatementLine) and last.last_line is not None:
            end = last.last_line + 1  # a statement line ends where its last statement does
        else:
            # a compound statement's last lines may be comments libcst gives it: print it to know
            old_code = session._old_code.get((id(block), low, high))
            if old_code is None:
                old_code = session._old_code[(id(block), low, high)] = session.code_in_block(block, original)
            end = start + len(line_list(old_code))
            written = "".join(session.lines[start - 1 : end - 1])
            if written.rstrip("\r\n") != old_code.rstrip("\r\n"):
                raise FixError(f"lines {start}-{end - 1} are not where libcst puts them")
        if end - 1 >= len(session.lines) and not session.lines[-1].endswith(("\n", "\r")):
            new_code = new_code.rstrip("\r\n")  # the file ends without a line break
        return TextEdit(start, end, new_code)

    def _code(self, block: _Block, items: list, tail: list) -> str:
        if not tail:
            return self.session.code_in_block(block, items) if items else ""
        # comment lines where the removed statements were: printed before a placeholder `pass`
        # in the block's indentation, which is then cut off
        placeholder = cst.SimpleStatementLine([cst.Pass()], leading_lines=tail)
        code = self.session.code_in_block(block, [*items, placeholder])
        newline = self.session.module.default_newline
        cut = code.rstrip(newline).rfind(newline)
        if not code[cut + len(newline):].strip() == "pass":  # pragma: no cover - it always is
            raise FixError("cannot print comment lines")
        return code[: cut + len(newline)]


def block_item(block: _Block, index: int, session: FixSession) -> _Item:
    item = session.items.get((id(block), index))
    if item is None:  # pragma: no cover - every item was paired
        raise FixError(f"no item {index} in its block")
    return item


def _argument_keys(change) -> tuple:
    if isinstance(change, RenameKeyword):
        return (change.old, change.new)
    if isinstance(change, AddKeyword):
        return (change.name,)
    if isinstance(change, RemoveKeyword):
        return (change.name,)
    return (change.key,)


# --- the transformation ---------------------------------------------------------------------------
class _Rebuilder:
    """Rebuilds a statement with the round's changes: only the nodes on the way from it to a
    changed node are copied (libcst's visitors would rebuild every node)."""

    def __init__(self, work: _Work) -> None:
        self.work = work
        self.hoisted: dict[int, cst.Call] = {}
        self.targets = {*work.call_ops, *work.hoist_calls, *work.line_ops, *work.block_ops}

    def rebuild(self, root: cst.CSTNode) -> cst.CSTNode:
        parent: dict[int, cst.CSTNode] = {}
        hits = []
        stack = [root]
        while stack:
            node = stack.pop()
            if id(node) in self.targets:
                hits.append(node)
            for child in _branches(node):
                parent[id(child)] = node
                stack.append(child)
        on_path: set[int] = set()
        for node in hits:
            while node is not None and id(node) not in on_path:
                on_path.add(id(node))
                node = parent.get(id(node))
        return self._rebuild(root, on_path) if on_path else root

    def _rebuild(self, node: cst.CSTNode, on_path: set[int]) -> cst.CSTNode:
        changes = {}
        for name in _child_fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, cst.CSTNode):
                if id(value) in on_path:
                    changes[name] = self._rebuild(value, on_path)
            elif isinstance(value, (list, tuple)) and any(id(x) in on_path for x in value):
                changes[name] = [self._rebuild(x, on_path) if id(x) in on_path else x for x in value]
        return self.leave(node, node.with_changes(**changes) if changes else node)

    def leave(self, original, updated):
        key = id(original)
        work = self.work
        changes = work.call_ops.get(key)
        if changes is not None:
            updated = _apply_call_changes(updated, changes)
        if key in work.hoist_calls:
            self.hoisted[key] = updated.with_changes(lpar=(), rpar=())
            updated = cst.Name(work.hoist_calls[key], lpar=updated.lpar, rpar=updated.rpar)
        line = work.line_ops.get(key)
        if line is not None:
            updated = _apply_line_ops(updated, line)
        if key in work.block_ops and isinstance(updated, (cst.IndentedBlock, cst.Module)):
            items, tail = self.block_items(original, list(original.body), list(updated.body), 0)
            updated = updated.with_changes(body=items, footer=[*tail, *updated.footer])
        return updated

    def block_items(self, block: cst.CSTNode, originals: list, updated: list, offset: int):
        """The new body items for `updated` (items `offset`... of `block`, already transformed),
        and the comment lines of removed statements that had no statement after them."""
        ops = self.work.block_ops.get(id(block))
        if ops is None:
            return updated, []
        indent = block.indent if isinstance(block, cst.IndentedBlock) else None
        replaced = {w.replaces for w in ops.wraps if w.replaces is not None}
        closers = {w.closer for w in ops.wraps if w.closer is not None}
        entries: list[tuple[int, int, cst.CSTNode]] = []  # (first, last original index, node)
        carried: list[cst.EmptyLine] = []
        for position, node in enumerate(updated):
            index = position + offset
            if index in replaced or index in closers:
                continue
            if index in ops.removals:
                carried.extend(_comment_lines(originals[index]))
                continue
            if carried:
                node = node.with_changes(leading_lines=[*carried, *node.leading_lines])
                carried = []
            entries.append((index, index, node))
            for code in ops.inserts.get(index, ()):
                entries.append((index, index, _new_line(code)))
        last = offset + len(updated) - 1
        for wrap in sorted(ops.wraps, key=lambda w: w.end - w.start):
            if wrap.end < offset or wrap.start > last:
                continue  # printed with another range of the block
            inside = [e for e in entries if wrap.start <= e[0] and e[1] <= wrap.end]
            if not inside:
                raise FixError("a `with` block would be empty")
            first = entries.index(inside[0])
            entries[first : first + len(inside)] = [
                (wrap.start, wrap.end, self._with(wrap, [e[2] for e in inside], originals, indent))
            ]
        return [e[2] for e in entries], carried

    def _with(self, wrap: _Wrap, body: list, originals: list, indent) -> cst.With:
        items = []
        for expression, name in wrap.items:
            if expression is None:
                raise FixError("a `with` needs an item")
            node = self.hoisted.get(id(expression), expression)
            items.append(cst.WithItem(node, asname=cst.AsName(cst.Name(name))))
        items = [item.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
                 for item in items[:-1]] + items[-1:]
        leading = body[0].leading_lines
        header = cst.TrailingWhitespace()
        if wrap.replaces is not None:
            replaced = originals[wrap.replaces]
            leading = [*replaced.leading_lines, *_inner_comment_lines(replaced, skip=wrap.items[0][0])]
            header = replaced.trailing_whitespace
            # blank lines between `f = open(...)` and the next statement go with the line
            lines = list(body[0].leading_lines)
            while lines and lines[0].comment is None:
                lines.pop(0)
            body = [body[0].with_changes(leading_lines=lines), *body[1:]]
        else:
            body = [body[0].with_changes(leading_lines=()), *body[1:]]
        footer: list[cst.EmptyLine] = []
        if wrap.closer is not None:
            footer = _comment_lines(originals[wrap.closer], keep_blank=False)
        return cst.With(
            items=items,
            body=cst.IndentedBlock(body=body, header=header, indent=indent, footer=footer),
            leading_lines=leading,
        )


@functools.lru_cache(maxsize=256)
def _new_line(code: str) -> cst.SimpleStatementLine:
    """The statement `code` (libcst's nodes never change, so one parse serves every use)."""
    statement = cst.parse_statement(code)
    if not isinstance(statement, cst.SimpleStatementLine):
        raise FixError(f"not a simple statement: {code!r}")
    return statement


@functools.lru_cache(maxsize=256)
def _expression(code: str) -> cst.BaseExpression:
    return cst.parse_expression(code)


def _comments_in(node: cst.CSTNode, skip: cst.CSTNode | None = None) -> list[cst.Comment]:
    found: list[cst.Comment] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current is skip:
            continue
        if isinstance(current, cst.Comment):
            found.append(current)
            continue
        stack.extend(_kids(current))
    return found


def _comment_lines(node: cst.CSTNode, keep_blank: bool = True) -> list[cst.EmptyLine]:
    """Comment lines that keep every comment of a statement that goes: its leading lines as they
    were, then each comment written in it."""
    lines = list(getattr(node, "leading_lines", ()))
    if not keep_blank:
        lines = [line for line in lines if line.comment is not None]
    leading = {id(line.comment) for line in lines if line.comment is not None}
    for comment in _comments_in(node):
        if id(comment) not in leading:
            lines.append(cst.EmptyLine(comment=comment))
    return lines


def _inner_comment_lines(node: cst.CSTNode, skip) -> list[cst.EmptyLine]:
    """Comment lines for the comments written inside a statement line (not its leading lines or
    trailing comment), those inside `skip` left out."""
    comments = [c for small in node.body for c in _comments_in(small, skip=skip)]
    return [cst.EmptyLine(comment=c) for c in comments]


# --- statement lines ----------------------------------------------------------------------------
def _apply_line_ops(node: cst.CSTNode, ops: _LineOps) -> cst.CSTNode:
    smalls = list(node.body)
    last_had_semicolon = isinstance(smalls[-1].semicolon, cst.Semicolon)
    out: list[cst.BaseSmallStatement] = []
    lost: list[cst.Comment] = []
    for index, small in enumerate(smalls):
        if index in ops.removals:
            lost.extend(_comments_in(small))
            continue
        if index in ops.returns:
            assert isinstance(small, cst.Expr)
            small = cst.Return(value=small.value, semicolon=small.semicolon,
                               whitespace_after_return=cst.SimpleWhitespace(" "))
        out.append(small)
        for code in ops.inserts.get(index, ()):
            separator = small.semicolon if isinstance(small.semicolon, cst.Semicolon) else \
                cst.Semicolon(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(" "))
            out[-1] = out[-1].with_changes(semicolon=separator)
            new = _new_line(code).body[0]
            out.append(new.with_changes(semicolon=small.semicolon))
    if not out:
        raise FixError("a statement line would be empty")
    if not last_had_semicolon and isinstance(out[-1].semicolon, cst.Semicolon):
        out[-1] = out[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    changed = node.with_changes(body=out)
    if lost:
        if not isinstance(node, cst.SimpleStatementLine):
            raise FixError("comments of a removed statement in a one-line block")
        changed = changed.with_changes(
            leading_lines=[*node.leading_lines, *(cst.EmptyLine(comment=c) for c in lost)]
        )
    return changed


# --- call arguments -----------------------------------------------------------------------------
def _apply_call_changes(node: cst.CSTNode, changes: list) -> cst.CSTNode:
    for change in changes:
        if isinstance(change, tuple) and change[0] == "alias":
            node = _remove_alias(node, change[1])
            continue
        if isinstance(change, MakeSync):
            node = node.with_changes(asynchronous=None)
            continue
        if isinstance(change, AddParameter):
            node = node.with_changes(params=node.params.with_changes(params=[cst.Param(cst.Name(change.name))]))
            continue
        assert isinstance(node, cst.Call)
        if isinstance(change, AddKeyword):
            node = add_keyword(node, change.name, _expression(change.value))
            continue
        if isinstance(change, RemoveKeyword):
            index = _argument_index(node, change.name)
            node = node.with_changes(**_remove_element(_CallArgs(node), index))
            continue
        index = _argument_index(node, change.key if not isinstance(change, RenameKeyword) else change.old)
        args = list(node.args)
        arg = args[index]
        if isinstance(change, SetArgument):
            value = _expression(change.value)
            args[index] = arg.with_changes(value=value.with_changes(lpar=arg.value.lpar, rpar=arg.value.rpar)
                                           if arg.value.lpar else value)
        elif isinstance(change, RenameKeyword):
            args[index] = arg.with_changes(keyword=cst.Name(change.new))
        elif isinstance(change, UnwrapArgument):
            args[index] = arg.with_changes(value=_unwrapped(arg.value, keyword=arg.keyword is not None))
        elif isinstance(change, RemoveDictEntries):
            value = arg.value
            if not isinstance(value, cst.Dict):
                raise FixError("the argument is not a dict literal")
            for entry in sorted(change.indices, reverse=True):
                value = value.with_changes(**_remove_element(_DictEntries(value), entry))
            args[index] = arg.with_changes(value=value)
        else:  # pragma: no cover
            raise FixError(f"unknown change {type(change).__name__}")
        node = node.with_changes(args=args)
    return node


def _argument_index(call: cst.Call, key) -> int:
    position = 0
    for index, arg in enumerate(call.args):
        if isinstance(key, str):
            if arg.keyword is not None and arg.keyword.value == key:
                return index
        elif arg.keyword is None and not arg.star:
            if position == key:
                return index
            position += 1
    raise FixError(f"the call has no argument {key!r}")


_NEEDS_PARENTHESES = (cst.NamedExpr, cst.Yield, cst.Lambda, cst.IfExp)


def _unwrapped(value: cst.BaseExpression, keyword: bool) -> cst.BaseExpression:
    """`f(x)` -> `x`; kept in parentheses where comments or line breaks sat around `x`."""
    if not isinstance(value, cst.Call) or len(value.args) != 1 or value.args[0].keyword or value.args[0].star:
        raise FixError("the argument is not a call of one positional argument")
    arg = value.args[0]
    inner = arg.value
    before = value.whitespace_before_args
    after_parts = [arg.whitespace_after_arg]
    if isinstance(arg.comma, cst.Comma):
        after_parts += [arg.comma.whitespace_before, arg.comma.whitespace_after]
    spaced = any(not _blank(ws) for ws in [before, *after_parts])
    if not spaced and not (isinstance(inner, cst.NamedExpr) and not inner.lpar):
        return inner.with_changes(lpar=[*value.lpar, *inner.lpar], rpar=[*inner.rpar, *value.rpar])
    after = [ws for ws in after_parts if not _blank(ws)]
    if len(after) > 1:
        raise FixError("comments on both sides of a comma")
    closing = after[0] if after else cst.SimpleWhitespace("")
    return inner.with_changes(
        lpar=[*value.lpar, cst.LeftParen(whitespace_after=before), *inner.lpar],
        rpar=[*inner.rpar, cst.RightParen(whitespace_before=closing), *value.rpar],
    )


def _blank(ws) -> bool:
    return isinstance(ws, cst.SimpleWhitespace) and ws.value == ""


def keyword_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        keyword=cst.Name(name),
        value=value,
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace("")
        ),
    )


def add_keyword(call: cst.Call, name: str, value: cst.BaseExpression) -> cst.Call:
    """`call` with `name=value` as its last argument, in the call's own layout: `f(a)` ->
    `f(a, name=value)`; one argument per line -> a new line at the arguments' indentation, with
    a trailing comma when the call had one; comments stay on the lines they were on; the closing
    parenthesis keeps its place."""
    new = keyword_arg(name, value)
    args = list(call.args)
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    trailing = last.comma if isinstance(last.comma, cst.Comma) else None
    closing = trailing.whitespace_after if trailing is not None else last.whitespace_after_arg
    line_break = _argument_line_break(call)
    if isinstance(closing, cst.ParenthesizedWhitespace) and line_break is not None:
        # one argument per line, the closing parenthesis on a line of its own
        separator = cst.Comma(
            whitespace_before=trailing.whitespace_before if trailing else cst.SimpleWhitespace(""),
            whitespace_after=cst.ParenthesizedWhitespace(
                first_line=closing.first_line, empty_lines=closing.empty_lines,
                indent=line_break.indent, last_line=line_break.last_line,
            ),
        )
        end = cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(), empty_lines=(), indent=closing.indent,
            last_line=closing.last_line,
        )
        if trailing is not None:
            new = new.with_changes(comma=cst.Comma(whitespace_after=end))
        else:
            new = new.with_changes(whitespace_after_arg=end)
        before_comma = last.whitespace_after_arg if trailing is not None else cst.SimpleWhitespace("")
        args[-1] = last.with_changes(comma=separator, whitespace_after_arg=before_comma)
    else:
        separator = cst.Comma(
            whitespace_before=trailing.whitespace_before if trailing else cst.SimpleWhitespace(""),
            whitespace_after=cst.SimpleWhitespace(" "),
        )
        if trailing is not None:
            if isinstance(trailing.whitespace_after, cst.ParenthesizedWhitespace):
                # `f(a, b,\n)`: the trailing comma and the line break stay after the new argument
                new = new.with_changes(comma=cst.Comma(whitespace_after=trailing.whitespace_after))
            # `f(a, b,)` on one line: `f(a, b, name=value)`
            args[-1] = last.with_changes(comma=separator)
        else:
            new = new.with_changes(whitespace_after_arg=last.whitespace_after_arg)
            args[-1] = last.with_changes(comma=separator, whitespace_after_arg=cst.SimpleWhitespace(""))
    args.append(new)
    return call.with_changes(args=args)


def _argument_line_break(call: cst.Call) -> cst.ParenthesizedWhitespace | None:
    """The line break + indentation before the call's arguments, if they sit on lines of their own."""
    args = call.args
    for arg in reversed(args[:-1]):
        after = arg.comma.whitespace_after if isinstance(arg.comma, cst.Comma) else None
        if isinstance(after, cst.ParenthesizedWhitespace):
            return after
    if isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace):
        return call.whitespace_before_args
    return None


# --- removing an element of a comma-separated list, comments kept --------------------------------
class _Elements:
    """Access to a bracketed, comma-separated list of some node."""

    elements_field: str

    def __init__(self, node: cst.CSTNode) -> None:
        self.node = node

    @property
    def elements(self) -> list:
        return list(getattr(self.node, self.elements_field))

    def opening(self):
        return None

    def changes_opening(self, ws) -> dict:
        raise FixError("no opening bracket to keep comments at")

    def closing(self, last):
        return None

    def changes_closing(self, last, ws) -> tuple[object, dict]:
        raise FixError("no closing bracket to keep comments at")


class _CallArgs(_Elements):
    elements_field = "args"

    def opening(self):
        return self.node.whitespace_before_args

    def changes_opening(self, ws) -> dict:
        return {"whitespace_before_args": ws}

    def closing(self, last):
        return last.whitespace_after_arg

    def changes_closing(self, last, ws):
        return last.with_changes(whitespace_after_arg=ws), {}


class _DictEntries(_Elements):
    elements_field = "elements"

    def opening(self):
        return self.node.lbrace.whitespace_after

    def changes_opening(self, ws) -> dict:
        return {"lbrace": self.node.lbrace.with_changes(whitespace_after=ws)}

    def closing(self, last):
        return self.node.rbrace.whitespace_before

    def changes_closing(self, last, ws):
        return last, {"rbrace": self.node.rbrace.with_changes(whitespace_before=ws)}


class _ImportNames(_Elements):
    elements_field = "names"

    def opening(self):
        lpar = getattr(self.node, "lpar", None)
        return lpar.whitespace_after if lpar is not None else None

    def changes_opening(self, ws) -> dict:
        lpar = getattr(self.node, "lpar", None)
        if lpar is None:
            raise FixError("no parenthesis to keep comments at")
        return {"lpar": lpar.with_changes(whitespace_after=ws)}

    def closing(self, last):
        rpar = getattr(self.node, "rpar", None)
        return rpar.whitespace_before if rpar is not None else None

    def changes_closing(self, last, ws):
        rpar = getattr(self.node, "rpar", None)
        if rpar is None:
            raise FixError("no parenthesis to keep comments at")
        return last, {"rpar": rpar.with_changes(whitespace_before=ws)}


def _remove_alias(node: cst.CSTNode, position: int) -> cst.CSTNode:
    return node.with_changes(**_remove_element(_ImportNames(node), position))


def _remove_element(access: _Elements, index: int) -> dict:
    """The changes to `access.node` that take element `index` out of its list, every comment of
    the element and of the whitespace that goes with it moved to the whitespace that stays."""
    elements = access.elements
    element = elements[index]
    comma = element.comma if isinstance(element.comma, cst.Comma) else None
    opening = access.opening()
    before = opening if index == 0 else elements[index - 1].comma.whitespace_after
    lost = _comments_in(element.with_changes(comma=cst.MaybeSentinel.DEFAULT))
    if comma is not None:
        lost += _comments_in(comma.whitespace_before)
    rest = elements[:index] + elements[index + 1 :]
    changes: dict = {access.elements_field: rest}
    if comma is not None:
        # `a, X, b` or `a, X,)`: on one line the whitespace before X stays, across lines X's
        # comma's line break does
        after = comma.whitespace_after
        closing = access.closing(element) if index == len(elements) - 1 else None
        if (isinstance(before, cst.ParenthesizedWhitespace) and not isinstance(after, cst.ParenthesizedWhitespace)
                and isinstance(closing, cst.ParenthesizedWhitespace) and not isinstance(access, _CallArgs)):
            # `{..., a,  # a⏎ X,  # x⏎}`: libcst gives the line break after X's comma to the
            # closing bracket; X's line goes and its comment joins the comment lines after `a`
            if closing.first_line.comment is not None:
                lost.append(closing.first_line.comment)
            kept = _merge(before, lost, closing.with_changes(first_line=cst.TrailingWhitespace()))
            if index > 0:
                rest[index - 1] = rest[index - 1].with_changes(
                    comma=rest[index - 1].comma.with_changes(whitespace_after=cst.SimpleWhitespace(""))
                )
            else:
                changes.update(access.changes_opening(cst.SimpleWhitespace("")))
            last, extra = access.changes_closing(rest[-1] if rest else None, kept)
            if rest:
                rest[-1] = last
            changes.update(extra)
            return changes
        if before is not None and not isinstance(after, cst.ParenthesizedWhitespace):
            kept = _merge(None, lost, before)
        else:
            kept = _merge(before, lost, after)
        if index > 0:
            rest[index - 1] = rest[index - 1].with_changes(
                comma=rest[index - 1].comma.with_changes(whitespace_after=kept)
            )
        elif opening is not None:
            changes.update(access.changes_opening(kept))
        elif _comments_in(kept):
            raise FixError("comments with no bracket to keep them at")
        return changes
    # `a, X)`: `a` loses its comma; X's closing whitespace closes the list
    closing = access.closing(element)
    if index == 0:
        kept = _merge(before, lost, closing if closing is not None else cst.SimpleWhitespace(""))
        if not _blank(kept):
            if _comments_in(kept):
                raise FixError("comments in a list that becomes empty")
            kept = cst.SimpleWhitespace("")
        if opening is not None:
            changes.update(access.changes_opening(kept))
        return changes
    previous = rest[-1]
    lost += _comments_in(previous.comma.whitespace_before)
    kept = _merge(before, lost, closing if closing is not None else cst.SimpleWhitespace(""))
    previous = previous.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    if closing is None:
        if _comments_in(kept):
            raise FixError("comments with no bracket to keep them at")
        rest[-1] = previous
        return changes
    previous, extra = access.changes_closing(previous, _joined(access, previous, kept))
    rest[-1] = previous
    changes.update(extra)
    return changes


def _joined(access: _Elements, previous, kept):
    """For call arguments, the whitespace between the value and the comma that went comes
    before the closing whitespace."""
    if not isinstance(access, _CallArgs) or _blank(previous.whitespace_after_arg):
        return kept
    own = previous.whitespace_after_arg
    if isinstance(own, cst.SimpleWhitespace) and isinstance(kept, cst.SimpleWhitespace):
        return cst.SimpleWhitespace(own.value + kept.value)
    raise FixError("whitespace around a comma that cannot be joined")


def _merge(before, lost: list[cst.Comment], kept):
    """The whitespace that stays (`kept`) when `before` goes, with the comments of both and the
    `lost` ones: the comment at the end of the line before stays there, every other one becomes
    a comment line at the indentation of the elements."""
    moved: list[cst.Comment] = []
    if isinstance(before, cst.ParenthesizedWhitespace):
        stay = before.first_line if before.first_line.comment else None
        moved += [line.comment for line in before.empty_lines if line.comment is not None]
        if isinstance(kept, cst.ParenthesizedWhitespace) and kept.first_line.comment is not None:
            moved.append(kept.first_line.comment)
        at = before  # comment lines at the indentation of the elements
    else:
        # nothing before goes: the end of the line before stays as it is
        stay = kept.first_line if isinstance(kept, cst.ParenthesizedWhitespace) and kept.first_line.comment else None
        at = kept
    seen = {id(c) for c in moved}
    if stay is not None:
        seen.add(id(stay.comment))
    if isinstance(kept, cst.ParenthesizedWhitespace):
        seen.update(id(line.comment) for line in kept.empty_lines if line.comment is not None)
    for comment in lost:
        if id(comment) not in seen:
            seen.add(id(comment))
            moved.append(comment)
    if not moved and stay is None:
        return kept
    if isinstance(kept, cst.ParenthesizedWhitespace):
        lines = [cst.EmptyLine(indent=at.indent, whitespace=at.last_line, comment=c) for c in moved]
        return kept.with_changes(
            first_line=stay if stay is not None else cst.TrailingWhitespace(),
            empty_lines=[*lines, *kept.empty_lines],
        )
    if isinstance(before, cst.ParenthesizedWhitespace):
        own = [c for c in moved if not any(line.comment is c for line in before.empty_lines)]
        lines = [cst.EmptyLine(indent=before.indent, whitespace=before.last_line, comment=c) for c in own]
        return before.with_changes(empty_lines=[*before.empty_lines, *lines])
    raise FixError("comments with no line break to keep them at")
