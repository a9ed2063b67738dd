"""PD117 swallowed-http-error: an `except` that catches a failed request and lets the step end green."""

from __future__ import annotations

import ast

from ..loops import repeated_request
from ..model import FUNCTIONS, flow_exit_receiver
from .base import Invalid, Rule, Valid

# What `requests` raises for a request that failed (its JSON decoding errors are left out).
HTTP_FAILURES = frozenset(
    {
        "RequestException", "HTTPError", "ConnectionError", "ProxyError", "SSLError", "Timeout",
        "ConnectTimeout", "ReadTimeout", "TooManyRedirects", "ChunkedEncodingError",
        "ContentDecodingError", "RetryError", "URLRequired", "MissingSchema", "InvalidSchema",
        "InvalidURL", "InvalidHeader", "InvalidProxyURL", "StreamConsumedError",
        "UnrewindableBodyError",
    }
)
REQUESTS_MODULES = frozenset({"requests", "requests.exceptions"})
# Built-in classes a failed request is an instance of (RequestException derives from OSError).
BROAD_CLASSES = frozenset({"Exception", "BaseException", "OSError", "IOError", "EnvironmentError"})
SUPPRESS = "contextlib.suppress"
EXITS = frozenset({"sys.exit", "os._exit"})
_SCOPES = (*FUNCTIONS, ast.Lambda, ast.ClassDef)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_TRIES = (ast.Try, ast.TryStar) if hasattr(ast, "TryStar") else (ast.Try,)
_TEXT_WIDTH = 50


class SwallowedHttpError(Rule):
    code = "PD117"
    name = "swallowed-http-error"
    summary = (
        "`except` that catches a failed request and neither re-raises nor stops the workflow: the "
        "step ends green and the failure is only in the logs"
    )

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                try:
                    r = requests.get("https://api.example.com/items", timeout=10)
                    r.raise_for_status()
                except requests.HTTPError as e:
                    raise RuntimeError(f"items unavailable: {e}") from e
                return r.json()
        """),
        Valid("""
            import logging
            import requests
            def handler(pd):
                try:
                    r = requests.post("https://api.example.com/leads", json={}, timeout=10)
                    r.raise_for_status()
                except Exception:
                    logging.exception("lead not created")
                    raise
        """),
        Valid("""
            import requests
            def handler(pd):
                try:
                    r = requests.get("https://api.example.com/weather", timeout=10)
                    r.raise_for_status()
                except Exception as e:
                    return pd.flow.exit(f"weather unavailable: {e}")
                return r.json()
        """),
        Valid("""
            import json
            import requests
            def handler(pd):
                try:
                    r = requests.get("https://api.example.com/settings", timeout=10)
                    settings = r.json()
                except (KeyError, ValueError, json.JSONDecodeError):
                    settings = {}
                return settings
        """),
        Valid("""
            import requests
            def handler(pd):
                try:
                    amount = float(pd.steps["trigger"]["event"]["body"]["amount"])
                except Exception:
                    amount = 0.0
                return requests.post("https://api.example.com/pay", json={"amount": amount}, timeout=10).json()
        """),
        Valid("""
            import time
            import requests
            def handler(pd):
                for attempt in range(3):
                    try:
                        r = requests.get("https://api.example.com/report", timeout=10)
                        r.raise_for_status()
                        return r.json()
                    except requests.RequestException:
                        time.sleep(2 ** attempt)
                        continue
                raise RuntimeError("report unavailable after 3 attempts")
        """),
        Valid("""
            import requests
            def handler(pd):
                for attempt in range(3):
                    try:
                        r = requests.get("https://api.example.com/report", timeout=10)
                        r.raise_for_status()
                        break
                    except requests.Timeout as e:
                        last = e
                else:
                    raise RuntimeError("no answer") from last
                return r.json()
        """),
        Valid("""
            import requests
            def handler(pd):
                try:
                    r = requests.get("https://api.example.com/topics", timeout=10)
                    r.raise_for_status()
                except requests.HTTPError as e:
                    if e.response.status_code == 404:
                        return []
                    raise
                return r.json()
        """),
        Valid("""
            import requests
            def handler(pd):
                error = None
                try:
                    requests.delete("https://api.example.com/items/1", timeout=10).raise_for_status()
                except requests.HTTPError as e:
                    error = str(e)
                if error:
                    raise RuntimeError(error)
        """),
        Valid("""
            import urllib.error
            import urllib.request
            def handler(pd):
                try:
                    return urllib.request.urlopen("https://api.example.com", timeout=10).read()
                except urllib.error.URLError:
                    return b""
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            def handler(pd):
                try:
                    r = requests.post("https://api.example.com/events", json={}, timeout=10)
                    r.raise_for_status()
                    return r.json()
                except Exception as e:
                    print(e)
                    return {"error": str(e)}
        """, line=7),
        Invalid("""
            import requests
            def handler(pd):
                try:
                    requests.post("https://hooks.example.com/ping", json={"ok": 1}, timeout=5)
                except:
                    pass
        """, line=5),
        Invalid("""
            import logging
            import requests
            from requests.exceptions import HTTPError
            def handler(pd):
                try:
                    r = requests.patch("https://api.example.com/deals/1", json={}, timeout=10)
                    r.raise_for_status()
                except HTTPError as err:
                    logging.error("deal not updated: %s", err)
                    return {"status": "failed"}
        """, line=8),
        Invalid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    try:
                        return s.get("https://api.example.com/me", timeout=10).json()
                    except (ValueError, requests.RequestException) as exc:
                        return {"ok": False, "error": str(exc)}
        """, line=6),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://status.example.com/api", timeout=10)
                try:
                    r.raise_for_status()
                except requests.exceptions.HTTPError:
                    return []
                return r.json()
        """, line=6),
        Invalid("""
            import requests
            def handler(pd):
                sent = 0
                for contact in pd.steps["load"]["$return_value"]:
                    try:
                        requests.post("https://api.example.com/contacts", json=contact, timeout=10).raise_for_status()
                        sent += 1
                    except Exception as e:
                        print(f"skipped {contact}: {e}")
                        continue
                return {"sent": sent}
        """, line=8),
        Invalid("""
            import requests
            def fetch(url):
                r = requests.get(url, timeout=10)
                r.raise_for_status()
                return r.json()
            def handler(pd):
                try:
                    data = fetch("https://api.example.com/orders")
                except BaseException:
                    data = []
                return data
        """, line=9),
        Invalid("""
            from contextlib import suppress
            import requests
            def handler(pd):
                with suppress(requests.exceptions.Timeout):
                    requests.post("https://analytics.example.com/track", json={}, timeout=5)
                return {"tracked": True}
        """, line=4),
        Invalid("""
            import requests
            try:
                CONFIG = requests.get("https://config.example.com/router.json", timeout=5).json()
            except OSError:
                CONFIG = {}
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                try:
                    r = requests.get("https://api.example.com/a", timeout=10)
                    r.raise_for_status()
                except requests.Timeout:
                    pd.export("error", "timeout")
                except requests.ConnectionError:
                    raise
        """, line=6),
    ]

    def __init__(self, context) -> None:
        super().__init__(context)
        self._retrying: dict[int, list[tuple[ast.ExceptHandler, str]]] = {}  # loop id -> handlers

    def leave_Try(self, node: ast.Try) -> None:
        if not self._touches_http(node.body):
            return
        for handler in node.handlers:
            caught = self._catches_http(handler.type)
            if caught is None or _surfaces(self.model, handler.body):
                continue
            self._judge(handler, f"except {caught}:" if caught else "except:", node)

    if hasattr(ast, "TryStar"):
        leave_TryStar = leave_Try

    def leave_With(self, node: ast.With) -> None:
        for item in node.items:
            call = item.context_expr
            if not (isinstance(call, ast.Call) and self.model.qualified_name(call.func) == SUPPRESS):
                continue
            caught = next((c for c in map(self._catches_http, call.args) if c is not None), None)
            if caught is not None and self._touches_http(node.body):
                self._report(node, f"with {_short(ast.unparse(call))}:")
                return

    def leave_While(self, node: ast.While) -> None:
        self._loop_ended(node)

    def leave_For(self, node: ast.For) -> None:
        self._loop_ended(node)

    def _judge(self, handler: ast.ExceptHandler, clause: str, statement: ast.stmt) -> None:
        if _leaves(handler.body):
            self._report(handler, clause)
            return
        if _surfaces_next(self.model, statement, self.parents):
            return
        loop = self._enclosing_loop(statement)
        if loop is not None:
            self._retrying.setdefault(id(loop), []).append((handler, clause))
            return
        self._report(handler, clause)

    def _loop_ended(self, loop: ast.AST) -> None:
        """The handlers that went on to the loop's next pass: a failure surfaces after the last
        attempt when the loop's `else:` or the statement after the loop raises; a loop with no
        bound has no last attempt (PD120 reports it)."""
        waiting = self._retrying.pop(id(loop), None)
        if not waiting:
            return
        if repeated_request(self.model, loop) is not None:
            return
        if _surfaces(self.model, getattr(loop, "orelse", [])) or _surfaces_next(self.model, loop, self.parents):
            return
        for handler, clause in waiting:
            self._report(handler, clause)

    def _enclosing_loop(self, statement: ast.stmt) -> ast.AST | None:
        child: ast.AST = statement
        for parent in reversed(self.parents):
            if isinstance(parent, _SCOPES):
                return None
            if isinstance(parent, _LOOPS) and any(s is child for s in parent.body):
                return parent
            child = parent
        return None

    def _report(self, node: ast.AST, clause: str) -> None:
        self.report(
            node,
            f"`{clause}` swallows the failed request: the step ends green and the failure shows only "
            "in the logs; re-raise (`raise`) or stop the workflow with `return pd.flow.exit(...)`",
        )

    def _touches_http(self, statements: list[ast.stmt]) -> bool:
        """Does the block send a request or check a response's status (`raise_for_status()`)?"""
        if any(self.model.sends_request(statement) for statement in statements):
            return True
        return any(
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "raise_for_status"
            for node in _walk_own(statements)
        )

    def _catches_http(self, node: ast.expr | None, depth: int = 0) -> str | None:
        """The text of the caught class (or tuple) when it catches a failed request: `""` for a
        bare `except:`, None when it does not."""
        if node is None:
            return ""
        if isinstance(node, ast.Tuple):
            if any(self._catches_http(element, depth) is not None for element in node.elts):
                return _short(ast.unparse(node))
            return None
        if isinstance(node, ast.Name) and node.id in BROAD_CLASSES and self.model.lookup(node.id) is None:
            if node.id not in self.model.imports:
                return node.id
        qualified = self.model.qualified_name(node)
        if qualified is not None:
            module, _, name = qualified.rpartition(".")
            return ast.unparse(node) if module in REQUESTS_MODULES and name in HTTP_FAILURES else None
        value = self.model.value_of(node)
        if depth == 0 and value is not node and isinstance(value, ast.Tuple):
            return ast.unparse(node) if self._catches_http(value, 1) is not None else None
        return None


def _short(text: str) -> str:
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 3] + "..."


def _walk_own(statements: list[ast.stmt], into_loops: bool = True):
    """The nodes of `statements`, nested functions and classes left out (and nested loops, unless
    `into_loops`)."""
    stack: list[ast.AST] = list(reversed(statements))
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, _SCOPES) or (not into_loops and isinstance(child, _LOOPS)):
                continue
            stack.append(child)


def _surfaces(model, statements: list[ast.stmt]) -> bool:
    """Does the block let the failure surface: a `raise`, `pd.flow.exit(...)`, `sys.exit(...)`, or
    a `raise_for_status()` (on a second attempt)?"""
    for node in _walk_own(statements):
        if isinstance(node, ast.Raise):
            return True
        if isinstance(node, ast.Call):
            if flow_exit_receiver(node) is not None or model.qualified_name(node.func) in EXITS:
                return True
            if isinstance(node.func, ast.Attribute) and node.func.attr == "raise_for_status":
                return True
    return False


def _leaves(statements: list[ast.stmt]) -> bool:
    """Does the handler return, or break out of the loop it is in?"""
    for node in _walk_own(statements, into_loops=False):
        if isinstance(node, (ast.Return, ast.Break)):
            return True
    return False


def _surfaces_next(model, statement: ast.stmt, parents: list[ast.AST]) -> bool:
    """Does the statement right after `statement` raise: `raise ...`, an `if` whose body raises or
    stops the workflow, `r.raise_for_status()`?"""
    if not parents:
        return False
    owner = parents[-1]
    for field in ("body", "orelse", "finalbody"):
        block = getattr(owner, field, None)
        if not isinstance(block, list):
            continue
        for index, item in enumerate(block):
            if item is statement:
                if index + 1 == len(block):
                    return False
                following = block[index + 1]
                if isinstance(following, ast.If):
                    return _surfaces(model, following.body)
                return isinstance(following, (ast.Raise, ast.Expr, ast.Return)) and _surfaces(model, [following])
    return False
