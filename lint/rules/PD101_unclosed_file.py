"""PD101 unclosed-file: a file opened and not closed deterministically."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..legacy.base import Invalid, Valid
from ..legacy.scoped import ScopeTrackingRule, closes_its_argument, in_finally, single_name_target



@dataclass
class _OpenFile:
    call: cst.Call
    name: str | None
    line: cst.CSTNode | None  # the statement line `name = open(...)`, and its block, for the fix
    block: cst.CSTNode | None
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
            self.report(opened.call, fix=_with_block_fix(opened))

    def visit_Call(self, node: cst.Call) -> None:
        if not self.model.is_open_call(node):
            return
        parent = self.parents[-1]
        if isinstance(parent, cst.WithItem) and parent.item is node:
            return
        if isinstance(parent, cst.Return):
            return
        if isinstance(parent, cst.Arg) and closes_its_argument(self.model, self.parents[-2]):
            return
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and single_name_target(parent):
            return  # judged when the assignment is left
        self.report(node)

    def assigned(self, name: str, call: cst.Call, assignment: cst.CSTNode) -> None:
        if self.model.is_open_call(call):
            line = self.parents[-1] if isinstance(self.parents[-1], cst.SimpleStatementLine) else None
            block = self.parents[-2] if line is not None and len(self.parents) > 1 else None
            self.tracked.current[name] = _OpenFile(call, name, line, block)

    def visit_Name(self, node: cst.Name) -> None:
        opened = self.tracked.find(node.value)
        if opened is None or opened.closed:
            return
        parent = self.parents[-1]
        if isinstance(parent, cst.WithItem) and parent.item is node:
            opened.closed = True
        elif isinstance(parent, cst.Return) and parent.value is node:
            opened.closed = True
        elif isinstance(parent, cst.Arg) and closes_its_argument(self.model, self.parents[-2]):
            opened.closed = True

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if not (isinstance(node.value, cst.Name) and node.attr.value == "close"):
            return
        opened = self.tracked.find(node.value.value)
        if opened is None or opened.closed:
            return
        if in_finally(self.parents):
            opened.closed = True


def _is_close_of(statement: cst.CSTNode, name: str) -> bool:
    """Is `statement` exactly the line `name.close()`?"""
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


def _with_block_fix(opened: _OpenFile):
    """`f = open(...)` ... `f.close()` in one block -> `with open(...) as f:` ... (unsafe)."""
    from ..fixes import replace

    block, line, name = opened.block, opened.line, opened.name
    if name is None or not isinstance(block, (cst.IndentedBlock, cst.Module)):
        return None
    body = list(block.body)
    start = next((i for i, statement in enumerate(body) if statement is line), None)
    if start is None or not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
        return None
    end = next((i for i in range(start + 1, len(body)) if _is_close_of(body[i], name)), None)
    if end is None or end == start + 1:
        return None
    inner = body[start + 1 : end]
    with_node = cst.With(
        items=[cst.WithItem(item=opened.call, asname=cst.AsName(name=cst.Name(name)))],
        body=cst.IndentedBlock(body=[inner[0].with_changes(leading_lines=()), *inner[1:]]),
        leading_lines=line.leading_lines,
    )
    new_body = [*body[:start], with_node, *body[end + 1 :]]
    return replace(block, block.with_changes(body=new_body), safety="unsafe")
