"""PD102 unchecked-response: a response used without checking its status."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from .base import Invalid, Valid
from ..plans import InsertAfter
from .scoped import ScopeTrackingRule, in_condition, single_name_target

BODY_READS = frozenset({"json", "text", "content", "iter_content", "iter_lines"})
CALLED_READS = frozenset({"json", "iter_content", "iter_lines"})
STATUS_ATTRIBUTES = frozenset({"ok", "status_code"})


@dataclass
class _Response:
    name: str
    call: ast.Call
    assign: ast.AST | None  # the assignment statement that bound it, for the fix
    done: bool = False


class UncheckedResponse(ScopeTrackingRule[_Response]):
    code = "PD102"
    name = "unchecked-response"
    fix_safety = "unsafe"
    summary = (
        "response used without checking its status: call `resp.raise_for_status()` "
        "(or test `resp.ok` / `resp.status_code`) before reading it"
    )

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/items", timeout=10)
                r.raise_for_status()
                return r.json()
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/items", timeout=10)
                if r.status_code != 200:
                    return None
                return r.json()
        """),
        Valid("""
            import requests
            def handler(pd):
                with requests.get("https://example.com/f", stream=True, timeout=10) as response:
                    response.raise_for_status()
                    for chunk in response.iter_content(chunk_size=65536):
                        pass
        """),
        Valid("""
            import requests
            def fetch(url):
                return requests.get(url, timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
                assert r.ok, r.text
                return r.json()
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
                check(r)
                return r.json()
        """),
        Valid("""
            import requests
            def handler(pd):
                requests.get("https://api.example.com", timeout=10).raise_for_status()
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
                match r.status_code:
                    case 200:
                        return r.json()
        """),
        Valid("""
            import requests as rq
            def handler(pd):
                s = rq.Session()
                results = [s.get(u, timeout=5) for u in pd.inputs["urls"]]
                return len(results)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
                if not r:
                    raise RuntimeError(r.status_code)
                return r.text
        """),
        Valid("""
            import requests
            session = requests.Session()
            def handler(pd):
                pd.export("resp", session.post("https://x.io", json={}, timeout=5))
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            r = requests.get('https://swapi.dev/api/films/')
        """, line=2, expected_fix="""
            import requests
            r = requests.get('https://swapi.dev/api/films/')
            r.raise_for_status()
        """),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
                print(r.status_code)
                return r.json()
        """, line=3, expected_fix="""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
                r.raise_for_status()
                print(r.status_code)
                return r.json()
        """),
        Invalid("""
            import requests
            def handler(pd):
                return requests.get("https://api.example.com", timeout=10).json()
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                requests.post("https://hooks.example.com", json={}, timeout=10)
        """, line=3),
        Invalid("""
            from requests import post as send
            def handler(pd):
                r = send("https://api.example.com", json={}, timeout=10)
                data = r.content
                r.raise_for_status()
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    r = s.get("https://api.example.com", timeout=10)
                    for line in r.iter_lines():
                        print(line)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                with requests.get("https://example.com", stream=True, timeout=10) as r:
                    for chunk in r.iter_content(chunk_size=65536):
                        pass
        """, line=3),
        Invalid("""
            r = requests.get(url)
            r.text
        """, line=1),
        Invalid("""
            import requests
            r = requests.get(url, timeout=5); data = r.json()
        """, line=2, expected_fix="""
            import requests
            r = requests.get(url, timeout=5); r.raise_for_status(); data = r.json()
        """),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://a.example.com", timeout=10)
                r = requests.get("https://b.example.com", timeout=10)
                r.raise_for_status()
        """, line=3),
    ]

    def scope_ended(self, value: _Response) -> None:
        self._unchecked(value)

    def _unchecked(self, response: _Response, read: str | None = None) -> None:
        if response.done:
            return
        response.done = True
        name = response.name
        if read is not None:
            message = (
                f"`{name}.{read}` is read before the response status is checked: "
                f"call `{name}.raise_for_status()` first"
            )
        else:
            message = (
                f"response `{name}` is never checked: call `{name}.raise_for_status()` "
                f"(or test `{name}.ok` / `{name}.status_code`)"
            )
        self.report(response.call, message, fix=self._plan_fix(response))

    # requests -------------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        if self.model.request_call(node) is None:
            return
        parent = self.parents[-1]
        if isinstance(parent, ast.Attribute) and parent.value is node:
            if parent.attr in BODY_READS:
                self.report(
                    node,
                    f"`.{parent.attr}` is read from the response without checking its status: "
                    "assign it, call `.raise_for_status()`, then read it",
                )
        elif isinstance(parent, ast.Expr) or (
            isinstance(parent, ast.withitem)
            and parent.context_expr is node
            and parent.optional_vars is None
        ):
            self.report(
                node,
                "the response is discarded unchecked, so a failed request goes unnoticed: "
                "assign it and call `.raise_for_status()`",
            )
        elif isinstance(parent, ast.withitem) and parent.context_expr is node:
            if isinstance(parent.optional_vars, ast.Name):
                self._track(parent.optional_vars.id, node, None)

    def assigned(self, name: str, call: ast.Call, assignment: ast.AST) -> None:
        if self.model.request_call(call):
            # the fix goes right after an assignment statement (not after a walrus)
            self._track(name, call, assignment if isinstance(assignment, ast.stmt) else None)

    def _track(self, name: str, call: ast.Call, assign: ast.AST | None) -> None:
        table = self.tracked.current
        if name in table:
            self._unchecked(table.pop(name))
        table[name] = _Response(name, call, assign)

    # uses of a tracked response --------------------------------------------------------------
    def visit_Attribute(self, node: ast.Attribute) -> None:
        if not isinstance(node.value, ast.Name):
            return
        response = self.tracked.find(node.value.id)
        if response is None or response.done:
            return
        attr = node.attr
        if attr == "raise_for_status":
            response.done = True
        elif attr in STATUS_ATTRIBUTES:
            if in_condition(node, self.parents):
                response.done = True
        elif attr in BODY_READS:
            self._unchecked(response, read=f"{attr}()" if attr in CALLED_READS else attr)

    def visit_Name(self, node: ast.Name) -> None:
        response = self.tracked.find(node.id)
        if response is None or response.done:
            return
        parent = self.parents[-1]
        if isinstance(parent, ast.Attribute) and parent.value is node:
            return  # judged by visit_Attribute
        if isinstance(parent, ast.withitem) and parent.optional_vars is node:
            return  # `with ... as name`: a declaration
        if isinstance(parent, ast.Assign) and any(t is node for t in parent.targets):
            return  # rebinding, judged by _rebind
        if isinstance(parent, ast.Delete) and len(parent.targets) == 1:
            return  # `del name` (but `del a, b` is a tuple, a use, as it always was)
        if isinstance(parent, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) and parent.target is node:
            return  # rebinding, judged by _rebind
        # `if resp:` tests resp.ok; anything else passes it on, returns or stores it: either way
        # not this rule's business any more
        response.done = True

    # names ast keeps as plain strings (libcst had Name nodes for them): a use, as before
    def _used(self, name: str | None) -> None:
        response = self.tracked.find(name) if name is not None else None
        if response is not None:
            response.done = True

    def visit_Global(self, node: ast.Global) -> None:
        for name in node.names:
            self._used(name)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        for name in node.names:
            self._used(name)

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        self._used(node.name)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        self._used(node.name)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        self._used(node.rest)

    # fix: insert `name.raise_for_status()` right after the assignment -------------------------
    def _plan_fix(self, response: _Response):
        assign = response.assign
        name = single_name_target(assign) if assign is not None else None
        if name is None:
            return None
        return self.plan_fix(InsertAfter(assign, f"{name}.raise_for_status()"))
