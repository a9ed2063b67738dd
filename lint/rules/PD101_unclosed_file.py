"""PD101 unclosed-file: a file opened and not closed deterministically."""

from __future__ import annotations

import ast
from dataclasses import dataclass

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
    statement: ast.stmt | None  # the statement `name = open(...)`, when the fix could apply
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
        """, line=3),
        Invalid("""
            import json
            def handler(pd):
                config = json.load(open("/tmp/config.json"))
        """, line=3),
        Invalid("""
            def handler(pd):
                f = open("/tmp/out.txt", "w")
                f.write("hello")
                f.close()
        """, line=2, expected_fix="""
            def handler(pd):
                with open("/tmp/out.txt", "w") as f:
                    f.write("hello")
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

    def scope_ended(self, value: _OpenFile) -> None:
        self._leaked(value)

    def _leaked(self, opened: _OpenFile) -> None:
        if not opened.closed:
            opened.closed = True
            fix = None
            if opened.statement is not None:
                statement, call, name = opened.statement, opened.call, opened.name
                fix = self.plan_fix(lambda locator: _with_block_fix(locator, statement, call, name))
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
        self.report(node)

    def assigned(self, name: str, call: ast.Call, assignment: ast.AST) -> None:
        if self.model.is_open_call(call):
            statement = None
            if isinstance(assignment, (ast.Assign, ast.AnnAssign)) and self.parents:
                body = _body_holding(self.parents[-1], assignment)
                if body is not None and _could_fix(body, assignment, name):
                    statement = assignment
            self.tracked.current[name] = _OpenFile(call, name, statement)

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


def _could_fix(body: list[ast.stmt], statement: ast.stmt, name: str) -> bool:
    """Does a `name.close()` line follow `statement` in its block, with something in between?"""
    start = next(i for i, item in enumerate(body) if item is statement)
    if not _alone(body, start):
        return False
    end = next(
        (i for i in range(start + 1, len(body)) if _is_close_of(body[i], name) and _alone(body, i)),
        None,
    )
    return end is not None and end > start + 1


def _cst_is_close_of(statement, name: str) -> bool:
    """Is the libcst `statement` exactly the line `name.close()`?"""
    import libcst as cst

    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    expr = statement.body[0]
    return (
        isinstance(expr, cst.Expr)
        and isinstance(expr.value, cst.Call)
        and not expr.value.args
        and isinstance(expr.value.func, cst.Attribute)
        and expr.value.func.attr.value == "close"
        and isinstance(expr.value.func.value, cst.Name)
        and expr.value.func.value.value == name
    )


def _with_block_fix(locator, statement: ast.stmt, call: ast.Call, name: str):
    """`f = open(...)` ... `f.close()` in one block -> `with open(...) as f:` ... (unsafe)."""
    import libcst as cst

    from ..fixes import replace

    line = locator.statement_line(statement)
    cst_call = locator.node(call, cst.Call)
    if line is None or cst_call is None:
        return None
    block = locator.parent(line)
    if not isinstance(block, (cst.IndentedBlock, cst.Module)):
        return None
    body = list(block.body)
    start = next((i for i, item in enumerate(body) if item is line), None)
    if start is None or not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
        return None
    end = next((i for i in range(start + 1, len(body)) if _cst_is_close_of(body[i], name)), None)
    if end is None or end == start + 1:
        return None
    inner = body[start + 1 : end]
    with_node = cst.With(
        items=[cst.WithItem(item=cst_call, asname=cst.AsName(name=cst.Name(name)))],
        body=cst.IndentedBlock(body=[inner[0].with_changes(leading_lines=()), *inner[1:]]),
        leading_lines=line.leading_lines,
    )
    new_body = [*body[:start], with_node, *body[end + 1 :]]
    return replace(block, block.with_changes(body=new_body), safety="unsafe")
