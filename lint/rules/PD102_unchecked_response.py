"""PD102 unchecked-response: a response used without checking its status."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..legacy.base import Invalid, Valid
from ..legacy.scoped import ScopeTrackingRule, in_condition, single_name_target

BODY_READS = frozenset({"json", "text", "content", "iter_content", "iter_lines"})
CALLED_READS = frozenset({"json", "iter_content", "iter_lines"})
STATUS_ATTRIBUTES = frozenset({"ok", "status_code"})
_DECLARATIONS = (cst.Param, cst.FunctionDef, cst.ClassDef, cst.ImportAlias, cst.AsName)


@dataclass
class _Response:
    name: str
    call: cst.Call
    assign: cst.CSTNode | None  # the assignment that bound it, and its line, for the fix
    line: cst.CSTNode | None
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
        self.report(response.call, message, fix=self._fix(response))

    # requests -------------------------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
        if self.model.request_call(node) is None:
            return
        parent = self.parents[-1]
        if isinstance(parent, cst.Attribute) and parent.value is node:
            if parent.attr.value in BODY_READS:
                self.report(
                    node,
                    f"`.{parent.attr.value}` is read from the response without checking its status: "
                    "assign it, call `.raise_for_status()`, then read it",
                )
        elif isinstance(parent, cst.Expr) or (
            isinstance(parent, cst.WithItem) and parent.item is node and parent.asname is None
        ):
            self.report(
                node,
                "the response is discarded unchecked, so a failed request goes unnoticed: "
                "assign it and call `.raise_for_status()`",
            )
        elif isinstance(parent, cst.WithItem) and parent.item is node:
            if parent.asname is not None and isinstance(parent.asname.name, cst.Name):
                self._track(parent.asname.name.value, node, None, None)

    def assigned(self, name: str, call: cst.Call, assignment: cst.CSTNode) -> None:
        if self.model.request_call(call):
            line = self.parents[-1] if isinstance(self.parents[-1], cst.SimpleStatementLine) else None
            self._track(name, call, assignment, line)

    def _track(
        self, name: str, call: cst.Call, assign: cst.CSTNode | None, line: cst.CSTNode | None
    ) -> None:
        table = self.tracked.current
        if name in table:
            self._unchecked(table.pop(name))
        table[name] = _Response(name, call, assign, line)

    # uses of a tracked response --------------------------------------------------------------
    def visit_Attribute(self, node: cst.Attribute) -> None:
        if not isinstance(node.value, cst.Name):
            return
        response = self.tracked.find(node.value.value)
        if response is None or response.done:
            return
        attr = node.attr.value
        if attr == "raise_for_status":
            response.done = True
        elif attr in STATUS_ATTRIBUTES:
            if in_condition(node, self.parents):
                response.done = True
        elif attr in BODY_READS:
            self._unchecked(response, read=f"{attr}()" if attr in CALLED_READS else attr)

    def visit_Name(self, node: cst.Name) -> None:
        response = self.tracked.find(node.value)
        if response is None or response.done:
            return
        parent = self.parents[-1]
        if isinstance(parent, cst.Attribute) and parent.value is node:
            return  # judged by visit_Attribute
        if isinstance(parent, _DECLARATIONS):
            return
        if isinstance(parent, (cst.AssignTarget, cst.Del)) or (
            isinstance(parent, (cst.AnnAssign, cst.AugAssign, cst.NamedExpr)) and parent.target is node
        ):
            return  # rebinding, judged by _rebind
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            return
        if isinstance(parent, cst.Arg) and parent.keyword is node:
            return
        if in_condition(node, self.parents):
            response.done = True  # `if resp:` tests resp.ok
            return
        response.done = True  # passed on, returned or stored: not this rule's business

    # fix: insert `name.raise_for_status()` right after the assignment -------------------------
    def _fix(self, response: _Response):
        from ..fixes import insert_after_statement

        name = single_name_target(response.assign) if response.assign is not None else None
        if name is None or response.line is None:
            return None
        return insert_after_statement(response.line, f"{name}.raise_for_status()", safety="unsafe")
