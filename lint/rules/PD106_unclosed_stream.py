"""PD106 unclosed-stream: a `stream=True` response that leaks its connection, or is read whole."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from ..model import dotted_name
from ._requests_args import is_constant
from .base import Invalid, Valid
from .scoped import (
    ScopeTrackingRule,
    closing_call_of,
    in_finally,
    single_name_target,
)

WHOLE_BODY_READS = frozenset({"content", "text", "json"})


@dataclass
class _Stream:
    call: ast.Call
    closed: bool = False


class UnclosedStream(ScopeTrackingRule[_Stream]):
    code = "PD106"
    name = "unclosed-stream"
    summary = (
        "`stream=True` response not closed: its connection leaks; use it as a `with` item "
        "(`with requests.get(url, stream=True) as r:`)"
    )

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                with requests.get("https://example.com/big.zip", stream=True, timeout=30) as r:
                    r.raise_for_status()
                    with open("/tmp/big.zip", "wb") as f:
                        for chunk in r.iter_content(chunk_size=65536):
                            f.write(chunk)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://example.com/big.zip", stream=True, timeout=30)
                try:
                    for chunk in r.iter_content(chunk_size=65536):
                        pass
                finally:
                    r.close()
        """),
        Valid("""
            import requests
            def open_stream(url):
                return requests.get(url, stream=True, timeout=30)
        """),
        Valid("""
            import requests
            from contextlib import closing
            def handler(pd):
                with closing(requests.get("https://example.com/feed", stream=True, timeout=30)) as r:
                    for line in r.iter_lines():
                        print(line)
        """),
        Valid("""
            import requests as rq
            def handler(pd):
                r = rq.get("https://example.com/feed", stream=True, timeout=30)
                with r:
                    for line in r.iter_lines():
                        print(line)
        """),
        Valid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    with s.get("https://example.com/a.csv", stream=True, timeout=30) as r:
                        for line in r.iter_lines(decode_unicode=True):
                            print(line)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/items", timeout=30)
                return r.json()
        """),
        Valid("""
            import requests
            import contextlib
            def handler(pd):
                with contextlib.ExitStack() as stack:
                    r = stack.enter_context(requests.get(pd.inputs["url"], stream=True, timeout=30))
                    for chunk in r.iter_content(chunk_size=65536):
                        pass
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://example.com/big.zip", stream=False, timeout=30)
                return r.content
        """),
        Valid("""
            from requests import get as fetch
            def download(url, path):
                r = fetch(url, stream=True, timeout=30)
                try:
                    with open(path, "wb") as f:
                        for chunk in r.iter_content(65536):
                            f.write(chunk)
                finally:
                    if r is not None:
                        r.close()
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://example.com/big.zip", stream=True, timeout=30)
                with open("/tmp/big.zip", "wb") as f:
                    for chunk in r.iter_content(chunk_size=65536):
                        f.write(chunk)
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://example.com/big.zip", stream=True, timeout=30)
                for chunk in r.iter_content(chunk_size=65536):
                    pass
                r.close()
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                with requests.get("https://api.example.com/items", stream=True, timeout=30) as r:
                    r.raise_for_status()
                    return r.json()
        """, line=3),
        Invalid("""
            import requests as rq
            def handler(pd):
                data = rq.get("https://example.com/a.bin", stream=True, timeout=30).content
        """, line=3),
        Invalid("""
            import requests
            import shutil
            def handler(pd):
                with open("/tmp/a.bin", "wb") as f:
                    shutil.copyfileobj(
                        requests.get(pd.inputs["url"], stream=True, timeout=30).raw, f
                    )
        """, line=6),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                resp = s.get("https://example.com/export.csv", stream=True, timeout=30)
                for line in resp.iter_lines():
                    print(line)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    r = s.post("https://example.com/search", json={}, stream=True, timeout=30)
                    try:
                        print(r.text)
                    finally:
                        r.close()
        """, line=4),
        Invalid("""
            from requests import get as fetch
            STREAM = True
            def handler(pd):
                r = fetch("https://example.com/a", stream=STREAM, timeout=30)
                r = fetch("https://example.com/b", stream=STREAM, timeout=30)
                try:
                    pass
                finally:
                    r.close()
        """, line=4),
        Invalid("""
            r = requests.get(url, stream=True)
            for chunk in r.iter_content(chunk_size=8192):
                handle(chunk)
        """, line=1),
    ]

    def scope_ended(self, value: _Stream) -> None:
        self._leaked(value)

    # findings -----------------------------------------------------------------------------------
    def _leaked(self, stream: _Stream) -> None:
        if not stream.closed:
            stream.closed = True
            self._report_leak(stream.call)

    def _report_leak(self, call: ast.Call) -> None:
        callee = dotted_name(call.func) or ast.unparse(call.func)
        self.report(
            call,
            "`stream=True` response never closed: its connection leaks until garbage collection; "
            f"use `with {callee}(..., stream=True) as r:` or close it in a `finally:`",
        )

    def _report_whole_read(self, call: ast.Call, attr: str) -> None:
        read = f".{attr}()" if attr == "json" else f".{attr}"
        self.report(
            call,
            f"`stream=True` response read whole with `{read}`: streaming gains nothing; "
            "drop `stream=True`, or read it in chunks with `iter_content(chunk_size=65536)`",
        )

    def _is_stream(self, node: ast.AST | None) -> bool:
        if not isinstance(node, ast.Call):
            return False
        request = self.model.request_call(node)
        if request is None:
            return False
        stream = request.keyword("stream")
        return stream is not None and is_constant(self.model, stream.value, "True")

    # the request -----------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        if not self._is_stream(node):
            return
        parent = self.parents[-1]
        if isinstance(parent, ast.withitem) and parent.context_expr is node:
            if isinstance(parent.optional_vars, ast.Name):
                self._track(parent.optional_vars.id, node, closed=True)
            return
        if isinstance(parent, (ast.Return, ast.Yield)):
            return  # the caller owns it
        wrapper = closing_call_of(self.model, node, self.parents)
        if wrapper is not None:
            depth = next(i for i in range(len(self.parents) - 1, -1, -1) if self.parents[i] is wrapper)
            holder = self.parents[depth - 1] if depth > 0 else None
            if (
                isinstance(holder, ast.withitem)
                and holder.context_expr is wrapper
                and isinstance(holder.optional_vars, ast.Name)
            ):
                self._track(holder.optional_vars.id, node, closed=True)
            return
        if isinstance(parent, ast.Attribute) and parent.value is node:
            if parent.attr in WHOLE_BODY_READS:
                self._report_whole_read(node, parent.attr)
            else:
                self._report_leak(node)
            return
        if isinstance(parent, (ast.Assign, ast.AnnAssign, ast.NamedExpr)) and single_name_target(parent):
            return  # tracked when the assignment is left
        self._report_leak(node)

    # names bound to a streamed response -------------------------------------------------------
    def assigned(self, name: str, call: ast.Call, assignment: ast.AST) -> None:
        if self._is_stream(call):
            self._track(name, call)

    def visit_For(self, node: ast.For) -> None:
        self._forget(_target_names(node.target))

    def visit_withitem(self, node: ast.withitem) -> None:
        if node.optional_vars is not None and not self._is_stream(node.context_expr):
            self._forget(_target_names(node.optional_vars))

    def _forget(self, names: list[str]) -> None:
        """Names rebound by a `for` target or a `with ... as` of something else."""
        table = self.tracked.current
        for name in names:
            if name in table:
                self._leaked(table.pop(name))

    def _track(self, name: str, call: ast.Call, closed: bool = False) -> None:
        table = self.tracked.current
        if name in table:
            self._leaked(table.pop(name))
        table[name] = _Stream(call, closed)

    def visit_Name(self, node: ast.Name) -> None:
        stream = self.tracked.find(node.id)
        if stream is None or stream.closed:
            return
        parent = self.parents[-1]
        if isinstance(parent, ast.withitem) and parent.context_expr is node:
            stream.closed = True
        elif isinstance(parent, (ast.Return, ast.Yield)) and parent.value is node:
            stream.closed = True
        elif closing_call_of(self.model, node, self.parents) is not None:
            stream.closed = True

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if not isinstance(node.value, ast.Name):
            return
        stream = self.tracked.find(node.value.id)
        if stream is None:
            return
        attr = node.attr
        if attr in WHOLE_BODY_READS:
            self._report_whole_read(stream.call, attr)
        elif attr == "close" and not stream.closed and in_finally(node, self.parents):
            stream.closed = True


def _target_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []
