"""PD107 tiny-chunks: `iter_content()` reading the body one byte at a time."""

from __future__ import annotations

import ast

from ..nodes import argument, keyword
from ..plans import AddKeyword, SetArgument
from .base import Invalid, Rule, Valid

CHUNK_SIZE = 65536
ITER_CONTENT_PARAMETERS = ("chunk_size", "decode_unicode")  # Response.iter_content


class TinyChunks(Rule):
    code = "PD107"
    name = "tiny-chunks"
    summary = (
        "`iter_content()` reads one byte per chunk by default: pass `chunk_size=65536`"
    )
    fix_safety = "safe"

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                with requests.get("https://example.com/a.zip", stream=True, timeout=30) as r:
                    with open("/tmp/a.zip", "wb") as f:
                        for chunk in r.iter_content(chunk_size=65536):
                            f.write(chunk)
        """),
        Valid("""
            import requests
            def handler(pd):
                with requests.get("https://example.com", stream=True, timeout=30) as response:
                    for chunk in response.iter_content(chunk_size=8192):
                        print(len(chunk))
        """),
        Valid("""
            def save(response, path):
                with open(path, "wb") as f:
                    for chunk in response.iter_content(1024 * 1024):
                        f.write(chunk)
        """),
        Valid("""
            def relay(response):
                for piece in response.iter_content(chunk_size=None):
                    yield piece
        """),
        Valid("""
            def lines(response):
                return list(response.iter_lines())
        """),
        Valid("""
            def copy(response, **options):
                return b"".join(response.iter_content(**options))
        """),
        Valid("""
            CHUNK = 64 * 1024
            def copy(response, f):
                for chunk in response.iter_content(CHUNK, decode_unicode=False):
                    f.write(chunk)
        """),
        Valid("""
            def copy(pd, response, f):
                for chunk in response.iter_content(chunk_size=pd.inputs["chunk_size"]):
                    f.write(chunk)
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            def handler(pd):
                with requests.get("https://example.com/a.zip", stream=True, timeout=30) as r:
                    with open("/tmp/a.zip", "wb") as f:
                        for chunk in r.iter_content():
                            f.write(chunk)
        """, line=5, expected_fix="""
            import requests
            def handler(pd):
                with requests.get("https://example.com/a.zip", stream=True, timeout=30) as r:
                    with open("/tmp/a.zip", "wb") as f:
                        for chunk in r.iter_content(chunk_size=65536):
                            f.write(chunk)
        """),
        Invalid("""
            def save(response, f):
                for chunk in response.iter_content(1):
                    f.write(chunk)
        """, line=2, expected_fix="""
            def save(response, f):
                for chunk in response.iter_content(65536):
                    f.write(chunk)
        """),
        Invalid("""
            def save(response, f):
                for chunk in response.iter_content(chunk_size=1):
                    f.write(chunk)
        """, line=2, expected_fix="""
            def save(response, f):
                for chunk in response.iter_content(chunk_size=65536):
                    f.write(chunk)
        """),
        Invalid("""
            def text_of(response):
                return "".join(response.iter_content(decode_unicode=True))
        """, line=2, expected_fix="""
            def text_of(response):
                return "".join(response.iter_content(decode_unicode=True, chunk_size=65536))
        """),
        Invalid("""
            import requests as rq
            def handler(pd):
                s = rq.Session()
                with s.get(pd.inputs["url"], stream=True, timeout=30) as resp:
                    body = b"".join(resp.iter_content())
        """, line=5, expected_fix="""
            import requests as rq
            def handler(pd):
                s = rq.Session()
                with s.get(pd.inputs["url"], stream=True, timeout=30) as resp:
                    body = b"".join(resp.iter_content(chunk_size=65536))
        """),
        Invalid("""
            from requests import get as fetch
            def handler(pd):
                for chunk in fetch("https://example.com/f", stream=True, timeout=30).iter_content():
                    pass
        """, line=3, expected_fix="""
            from requests import get as fetch
            def handler(pd):
                for chunk in fetch("https://example.com/f", stream=True, timeout=30).iter_content(chunk_size=65536):
                    pass
        """),
        Invalid("""
            CHUNK_SIZE = 1
            def save(response, f):
                for chunk in response.iter_content(chunk_size=CHUNK_SIZE):
                    f.write(chunk)
        """, line=3),
        Invalid("""
            def save(response, f):
                chunks = response.iter_content(
                    decode_unicode=False,
                )
                for chunk in chunks:
                    f.write(chunk)
        """, line=2, expected_fix="""
            def save(response, f):
                chunks = response.iter_content(
                    decode_unicode=False,
                    chunk_size=65536,
                )
                for chunk in chunks:
                    f.write(chunk)
        """),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if not (isinstance(func, ast.Attribute) and func.attr == "iter_content"):
            return
        if any(isinstance(arg, ast.Starred) for arg in node.args) or any(
            kw.arg is None for kw in node.keywords
        ):
            return  # the chunk size may be in *args / **kwargs
        chunk = argument(node, "chunk_size", ITER_CONTENT_PARAMETERS)
        if chunk is None:
            self.report(
                node,
                "`iter_content()` without `chunk_size` reads the body one byte per chunk, "
                f"which is very slow: pass `chunk_size={CHUNK_SIZE}`",
                fix=self.plan_fix(AddKeyword(node, "chunk_size", str(CHUNK_SIZE)),
                                  safety=self._safety(node)),
            )
        elif self.model.int_of(chunk) == 1:
            fix = None
            if isinstance(chunk, ast.Constant):
                # A name bound to 1 gets no fix: the constant may be used elsewhere.
                key = "chunk_size" if keyword(node, "chunk_size") is not None else 0
                fix = self.plan_fix(SetArgument(node, key, str(CHUNK_SIZE)), safety=self._safety(node))
            self.report(
                node,
                "`iter_content()` with a chunk size of 1 reads the body one byte per chunk, "
                f"which is very slow: pass `chunk_size={CHUNK_SIZE}`",
                fix=fix,
            )

    def _safety(self, call: ast.Call) -> str:
        """Safe when nothing can tell one chunk size from another: the chunks are joined, or a
        `for` loop only writes, hashes or yields each one (and skips empty ones); unsafe
        otherwise (a loop that compares chunks, counts them or stops early)."""
        parent = self.parents[-1] if self.parents else None
        if isinstance(parent, ast.Call) and parent.args == [call] and _is_join(parent):
            return "safe"
        if isinstance(parent, ast.For) and parent.iter is call and isinstance(parent.target, ast.Name):
            if _only_passed_on(parent, parent.target.id):
                return "safe"
        return "unsafe"


_PASSING_METHODS = frozenset({"write", "update", "send", "sendall"})


def _is_join(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute) and func.attr == "join"
        and isinstance(func.value, ast.Constant) and func.value.value in ("", b"")
        and not call.keywords
    )


def _only_passed_on(loop: ast.For, name: str) -> bool:
    """Does the loop body use `name` only as the one argument of `x.write(name)` (or update,
    send, sendall), in `yield name`, or as the test of `if name:` / `if not name:`, with no
    `break` or `return`?"""
    allowed: set[int] = set()
    for node in ast.walk(ast.Module(body=loop.body, type_ignores=[])):
        if isinstance(node, (ast.Break, ast.Return)):
            return False
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in _PASSING_METHODS and len(node.args) == 1 and not node.keywords:
            allowed.add(id(node.args[0]))
        elif isinstance(node, (ast.Yield, ast.If)):
            test = node.value if isinstance(node, ast.Yield) else node.test
            if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
                test = test.operand
            if test is not None:
                allowed.add(id(test))
    return all(
        id(node) in allowed
        for node in ast.walk(ast.Module(body=loop.body, type_ignores=[]))
        if isinstance(node, ast.Name) and node.id == name
    )
