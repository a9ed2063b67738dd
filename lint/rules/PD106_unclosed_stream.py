"""PD106 unclosed-stream: a `stream=True` response that leaks its connection, or is read whole."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..legacy._requests_args import is_constant
from ..legacy.base import Invalid, Valid
from ..legacy.scoped import ScopeTrackingRule, closes_its_argument, in_finally, single_name_target

WHOLE_BODY_READS = frozenset({"content", "text", "json"})


@dataclass
class _Stream:
    call: cst.Call
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

    def _report_leak(self, call: cst.Call) -> None:
        callee = cst.Module([]).code_for_node(call.func)
        self.report(
            call,
            "`stream=True` response never closed: its connection leaks until garbage collection; "
            f"use `with {callee}(..., stream=True) as r:` or close it in a `finally:`",
        )

    def _report_whole_read(self, call: cst.Call, attr: str) -> None:
        read = f".{attr}()" if attr == "json" else f".{attr}"
        self.report(
            call,
            f"`stream=True` response read whole with `{read}`: streaming gains nothing; "
            "drop `stream=True`, or read it in chunks with `iter_content(chunk_size=65536)`",
        )

    def _is_stream(self, node: cst.BaseExpression | None) -> bool:
        if not isinstance(node, cst.Call):
            return False
        request = self.model.request_call(node)
        if request is None:
            return False
        stream = request.keyword("stream")
        return stream is not None and is_constant(self.model, stream.value, "True")

    # the request -----------------------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        if not self._is_stream(node):
            return
        parent = self.parents[-1]
        if isinstance(parent, cst.WithItem) and parent.item is node:
            if parent.asname is not None and isinstance(parent.asname.name, cst.Name):
                self._track(parent.asname.name.value, node, closed=True)
            return
        if isinstance(parent, (cst.Return, cst.Yield)):
            return  # the caller owns it
        closing = len(self.parents) > 1 and closes_its_argument(self.model, self.parents[-2])
        if isinstance(parent, cst.Arg) and closing:
            wrapper = self.parents[-2]
            holder = self.parents[-3] if len(self.parents) > 2 else None
            if (
                isinstance(holder, cst.WithItem)
                and holder.item is wrapper
                and holder.asname is not None
                and isinstance(holder.asname.name, cst.Name)
            ):
                self._track(holder.asname.name.value, node, closed=True)
            return
        if isinstance(parent, cst.Attribute) and parent.value is node:
            if parent.attr.value in WHOLE_BODY_READS:
                self._report_whole_read(node, parent.attr.value)
            else:
                self._report_leak(node)
            return
        if isinstance(parent, (cst.Assign, cst.AnnAssign, cst.NamedExpr)) and single_name_target(parent):
            return  # tracked when the assignment is left
        self._report_leak(node)

    # names bound to a streamed response -------------------------------------------------------
    def assigned(self, name: str, call: cst.Call, assignment: cst.CSTNode) -> None:
        if self._is_stream(call):
            self._track(name, call)

    def visit_For(self, node: cst.For) -> None:
        self._forget(_target_names(node.target))

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None and not self._is_stream(node.item):
            self._forget(_target_names(node.asname.name))

    def _forget(self, names: list[str]) -> None:
        """Names rebound by a `for` target or a `with ... as` of something else."""
        table = self.tracked.current
        for name in names:
            if name in table:
                self._leaked(table.pop(name))

    def _track(self, name: str, call: cst.Call, closed: bool = False) -> None:
        table = self.tracked.current
        if name in table:
            self._leaked(table.pop(name))
        table[name] = _Stream(call, closed)

    def visit_Name(self, node: cst.Name) -> None:
        stream = self.tracked.find(node.value)
        if stream is None or stream.closed:
            return
        parent = self.parents[-1]
        if isinstance(parent, cst.WithItem) and parent.item is node:
            stream.closed = True
        elif isinstance(parent, (cst.Return, cst.Yield)) and parent.value is node:
            stream.closed = True
        elif (
            isinstance(parent, cst.Arg)
            and len(self.parents) > 1
            and closes_its_argument(self.model, self.parents[-2])
        ):
            stream.closed = True

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if not isinstance(node.value, cst.Name):
            return
        stream = self.tracked.find(node.value.value)
        if stream is None:
            return
        attr = node.attr.value
        if attr in WHOLE_BODY_READS:
            self._report_whole_read(stream.call, attr)
        elif attr == "close" and not stream.closed and in_finally(self.parents):
            stream.closed = True


def _target_names(target: cst.BaseExpression) -> list[str]:
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [name for element in target.elements for name in _target_names(element.value)]
    if isinstance(target, cst.StarredElement):
        return _target_names(target.value)
    return []
