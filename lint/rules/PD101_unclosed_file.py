"""PD101 unclosed-file: a file opened and not closed deterministically."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..plans import HoistIntoWith, WrapInWith
from ._statements import alone_on_its_line, statement_in_a_suite
from .base import Invalid, Valid
from .scoped import (
    ScopeTrackingRule,
    closing_call_of,
    in_finally,
    single_name_target,
)


@dataclass
class _OpenFile:
    call: ast.Call
    name: str | None
    plan: WrapInWith | None  # `name = open(...)` ... `name.close()` -> a `with` block
    closed: bool = False


class UnclosedFile(ScopeTrackingRule[_OpenFile]):
    code = "PD101"
    name = "unclosed-file"
    summary = (
        "file opened but not closed deterministically: use `with open(...) as f:` "
        "(and keep the request inside that block)"
    )
    fix_safety = "unsafe"

    VALID = [
        Valid("""
            def handler(pd):
                with open("/tmp/data.json") as f:
                    return f.read()
        """),
        Valid("""
            import requests
            def handler(pd):
                with open("/tmp/logo.png", "rb") as image:
                    r = requests.post("https://api.example.com/upload", files={"image": image}, timeout=30)
                    r.raise_for_status()
        """),
        Valid("""
            import contextlib
            def handler(pd):
                with contextlib.ExitStack() as stack:
                    files = [stack.enter_context(open(p, "rb")) for p in pd.inputs["paths"]]
        """),
        Valid("""
            def handler(pd):
                f = open("/tmp/out.txt", "w")
                try:
                    f.write("x")
                finally:
                    f.close()
        """),
        Valid("""
            def open_log(path):
                return open(path, "a")
        """),
        Valid("""
            from pathlib import Path
            def handler(pd):
                with Path("/tmp/a.txt").open() as f:
                    return f.read()
        """),
        Valid("""
            import webbrowser
            def handler(pd):
                webbrowser.open("https://example.com")
        """),
        Valid("""
            def handler(pd):
                f = open("/tmp/a.txt")
                with f:
                    return f.read()
        """),
        Valid("""
            from contextlib import closing
            def handler(pd):
                with closing(open("/tmp/a.txt")) as f:
                    return f.read()
        """),
    ]
    INVALID = [
        Invalid("""
            files = {"image": open("/tmp/python-logo.png", "rb")}
        """, line=1),
        Invalid("""
            from requests_toolbelt.multipart.encoder import MultipartEncoder
            m = MultipartEncoder(fields={
                'file': ('filename', open('/tmp/file.pdf', 'rb'), 'application/pdf')
            })
        """, line=3),
        Invalid("""
            def handler(pd):
                return open("/tmp/data.json").read()
        """, line=2),
        Invalid("""
            import requests
            def handler(pd):
                with requests.post("https://x.io", data=open("/tmp/a.bin", "rb"), timeout=5) as r:
                    r.raise_for_status()
        """, line=3, expected_fix="""
            import requests
            def handler(pd):
                with open("/tmp/a.bin", "rb") as f:
                    with requests.post("https://x.io", data=f, timeout=5) as r:
                        r.raise_for_status()
        """),
        Invalid("""
            import json
            def handler(pd, f):
                config = json.load(open("/tmp/config.json"))  # settings
        """, line=3, expected_fix="""
            import json
            def handler(pd, f):
                with open("/tmp/config.json") as f2:
                    config = json.load(f2)  # settings
        """),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.post(
                    "https://api.example.com/upload",
                    files={"image": open("/tmp/a.png", "rb"), "thumb": open("/tmp/b.png", "rb")},
                    timeout=30,
                )
                r.raise_for_status()
        """, line=5, expected_fix="""
            import requests
            def handler(pd):
                with open("/tmp/a.png", "rb") as f, open("/tmp/b.png", "rb") as f2:
                    r = requests.post(
                        "https://api.example.com/upload",
                        files={"image": f, "thumb": f2},
                        timeout=30,
                    )
                r.raise_for_status()
        """),
        Invalid("""
            def handler(pd):
                f = open("/tmp/out.txt", "w")  # the report
                f.write("hello")
                # all written
                f.close()  # done
        """, line=2, expected_fix="""
            def handler(pd):
                with open("/tmp/out.txt", "w") as f:  # the report
                    f.write("hello")
                    # all written
                    # done
        """),
        Invalid("""
            import io
            def handler(pd):
                f = io.open("/tmp/out.txt", "w")
                f.write("hello")
        """, line=3),
        Invalid("""
            from pathlib import Path
            def handler(pd):
                data = Path("/tmp/in.csv").open().readlines()
        """, line=3),
        Invalid("""
            import pathlib
            def handler(pd):
                p = pathlib.Path("/tmp") / "out.bin"
                handle = p.open("wb")
                handle.write(b"x")
        """, line=4),
    ]

    def __init__(self, context) -> None:
        super().__init__(context)
        self._hoisted_names: dict[int, list[str]] = {}  # statement id -> names given to its opens

    def scope_ended(self, value: _OpenFile) -> None:
        self._leaked(value)

    def _leaked(self, opened: _OpenFile) -> None:
        if not opened.closed:
            opened.closed = True
            fix = None
            if opened.plan is not None:
                fix = self.plan_fix(opened.plan)
            self.report(opened.call, fix=fix)

    def visit_Call(self, node: ast.Call) -> None:
        if not self.model.is_open_call(node):
            return
        parent = self.parents[-1]
        if isinstance(parent, ast.withitem) and parent.context_expr is node:
            return
        if isinstance(parent, ast.Return):
            return
        if closing_call_of(self.model, node, self.parents) is not None:
            return
        if isinstance(parent, (ast.Assign, ast.AnnAssign)) and single_name_target(parent):
            return  # judged when the assignment is left
        hoist = self._hoist(node)
        self.report(node, fix=None if hoist is None else self.plan_fix(hoist))

    def _hoist(self, call: ast.Call) -> HoistIntoWith | None:
        """`requests.post(u, files={"f": open(p, "rb")})` -> `with open(p, "rb") as f:` around
        the statement, when the `open(...)` is (in a literal) an argument of a call that is done
        with the file when it returns, evaluated once, in a statement on lines of its own."""
        parents = self.parents
        consumer = None
        for depth in range(len(parents) - 1, -1, -1):
            parent = parents[depth]
            if isinstance(parent, ast.stmt):
                statement, owner = parent, parents[depth - 1] if depth else None
                break
            if isinstance(parent, _NOT_ACROSS):
                return None
            if isinstance(parent, ast.Call) and consumer is None:
                if any(parent.func is inner for inner in [*parents[depth + 1:], call]):
                    return None  # `open(...).read()`: the file is the receiver, not an argument
                consumer = parent
        else:
            return None
        if consumer is None or isinstance(statement, (ast.While, ast.AsyncFor, ast.AsyncWith)):
            return None
        if not (self.model.request_call(consumer) is not None
                or self.model.qualified_name(consumer.func) in _CONSUMERS):
            return None
        if owner is None or not alone_on_its_line(statement, owner):
            return None
        scope = next((p for p in reversed(parents) if isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef))),
                     parents[0])
        # the opens of one statement share its `with`: each gets a name of its own
        taken = self._hoisted_names.setdefault(id(statement), [])
        name = _unused_name(scope, taken)
        taken.append(name)
        return HoistIntoWith(statement, call, name)

    def assigned(self, name: str, call: ast.Call, assignment: ast.AST) -> None:
        if self.model.is_open_call(call):
            plan = None
            if isinstance(assignment, (ast.Assign, ast.AnnAssign)) and self.parents:
                owner = self.parents[-1]
                body = _body_holding(owner, assignment)
                if body is not None and not statement_in_a_suite(assignment, owner):
                    plan = _with_block(body, assignment, call, name)
            self.tracked.current[name] = _OpenFile(call, name, plan)

    def visit_Name(self, node: ast.Name) -> None:
        opened = self.tracked.find(node.id)
        if opened is None or opened.closed:
            return
        parent = self.parents[-1]
        if isinstance(parent, ast.withitem) and parent.context_expr is node:
            opened.closed = True
        elif isinstance(parent, ast.Return) and parent.value is node:
            opened.closed = True
        elif closing_call_of(self.model, node, self.parents) is not None:
            opened.closed = True

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if not (isinstance(node.value, ast.Name) and node.attr == "close"):
            return
        opened = self.tracked.find(node.value.id)
        if opened is None or opened.closed:
            return
        if in_finally(node, self.parents):
            opened.closed = True


_BODY_FIELDS = ("body", "orelse", "finalbody")


def _body_holding(owner: ast.AST, statement: ast.stmt) -> list[ast.stmt] | None:
    """The statement list of `owner` (a module, a compound statement, an except or case clause)
    that holds `statement`."""
    for field in _BODY_FIELDS:
        body = getattr(owner, field, None)
        if isinstance(body, list) and any(item is statement for item in body):
            return body
    return None


def _alone(body: list[ast.stmt], index: int) -> bool:
    """Is `body[index]` the only statement on its lines (no `;` neighbour, no one-line suite)?"""
    statement = body[index]
    if index > 0 and body[index - 1].end_lineno == statement.lineno:
        return False
    return not (index + 1 < len(body) and body[index + 1].lineno == statement.end_lineno)


def _is_close_of(statement: ast.stmt, name: str) -> bool:
    """Is `statement` exactly the call `name.close()`?"""
    if not isinstance(statement, ast.Expr):
        return False
    call = statement.value
    return (
        isinstance(call, ast.Call)
        and not call.args
        and not call.keywords
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "close"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == name
    )


def _with_block(body: list[ast.stmt], statement: ast.stmt, call: ast.Call, name: str) -> WrapInWith | None:
    """`name = open(...)` ... `name.close()` in one block, each on a line of its own, something in
    between (each statement starting on a line of its own) -> those statements in
    `with open(...) as name:`."""
    start = next(i for i, item in enumerate(body) if item is statement)
    if not _alone(body, start):
        return None
    end = next(
        (i for i in range(start + 1, len(body)) if _is_close_of(body[i], name) and _alone(body, i)),
        None,
    )
    if end is None or end == start + 1:
        return None
    inner = body[start + 1 : end]
    if any(inner[i].lineno == inner[i - 1].end_lineno for i in range(1, len(inner))):
        return None  # `a; b` inside: a `with` block holds whole lines
    return WrapInWith(tuple(inner), call, name, replaces=statement, closer=body[end])


# Calls that are done with a file once they return: an `open(...)` among their arguments can be
# hoisted into a `with` around the statement.
_CONSUMERS = frozenset({"json.load", "pickle.load", "csv.reader", "tomllib.load", "yaml.safe_load"})
# Where an expression is evaluated lazily, conditionally or repeatedly: no hoisting across them.
_NOT_ACROSS = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.IfExp,
               ast.BoolOp, ast.Await)
_FILE_NAMES = ("f",)


def _unused_name(scope: ast.AST, taken: list[str]) -> str:
    """A name for the opened file that nothing in `scope` uses yet (nor `taken`)."""
    used = set(taken)
    for node in ast.walk(scope):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.arg):
            used.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            used.add(node.name)
        elif isinstance(node, ast.alias):
            used.add(node.asname or node.name.split(".")[0])
    candidates = [*_FILE_NAMES, *(f"f{i}" for i in range(2, 100))]
    return next(name for name in candidates if name not in used)
