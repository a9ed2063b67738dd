"""PD102 unchecked-response: a response used without checking its status."""

from __future__ import annotations

import ast

from ..nodes import single_name_target
from ..objects import CHECK, DISCARDED, HANDED_ON, READ, WITH, Response
from ..plans import InsertAfter
from .base import Invalid, Rule, Valid

CALLED_READS = frozenset({"json", "iter_content", "iter_lines"})


class UncheckedResponse(Rule):
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
        # issue 15: status checks through a walrus, a name holding the status, a conditional
        Valid("""
            import requests
            def handler(pd):
                if (r := requests.get(pd.inputs["url"], timeout=5)).ok:
                    return r.json()
        """),
        Valid("""
            import requests
            def handler(pd):
                s = requests.Session()
                return [r.json() for u in pd.inputs["urls"] if (r := s.get(u, timeout=10)).ok]
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/items", timeout=10)
                status = r.status_code
                if status >= 400:
                    raise RuntimeError(f"HTTP {status}")
                return r.json()
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/items", timeout=10)
                return r.json() if r.ok else None
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
        # issue 15: an uncalled raise_for_status, logging and f-strings are no hand-off
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/items", timeout=10)
                r.raise_for_status
                return r.json()
        """, line=3),
        Invalid("""
            import logging
            import requests
            log = logging.getLogger(__name__)
            def handler(pd):
                r = requests.post("https://hooks.example.com", json={}, timeout=10)
                log.info("sent: %s", r)
                print(f"response: {r}")
        """, line=5),
        Invalid("""
            import requests
            def handler(pd):
                a, b = requests.get("https://a.example.com", timeout=5), requests.get("https://b.example.com", timeout=5)
                return a.json(), b.json()
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get(pd.inputs["url"], timeout=5) if pd.inputs.get("url") else None
                return r.json() if r is not None else {}
        """, line=3),
        # sessions the model follows: self.x set in __init__, a local factory, a CachedSession
        Invalid("""
            import requests
            class Client:
                def __init__(self, token):
                    self.session = requests.Session()
                    self.session.headers["Authorization"] = f"Bearer {token}"
                def items(self):
                    return self.session.get("https://api.example.com/items", timeout=10).json()
        """, line=7),
        Invalid("""
            import requests
            def make_session(token):
                s = requests.Session()
                s.headers["Authorization"] = f"Bearer {token}"
                return s
            def handler(pd):
                session = make_session(pd.inputs["token"])
                resp = session.get("https://api.example.com/me", timeout=10)
                return resp.json()
        """, line=8),
        Invalid("""
            import requests_cache
            def handler(pd):
                s = requests_cache.CachedSession("pd_cache", expire_after=300)
                data = s.get("https://api.example.com/rates", timeout=10).json()
        """, line=4),
    ]

    def scope_ended(self, scope) -> None:
        for thing in scope.things:
            if isinstance(thing, Response):
                self._judge(thing)

    def _judge(self, response: Response) -> None:
        call = response.origin
        if not response.names:  # judged where it is made: chained, discarded, handed on
            first = response.uses[0] if response.uses else None
            if first is None:
                return
            if first.kind == READ:
                self.report(
                    call,
                    f"`.{first.detail}` is read from the response without checking its status: "
                    "assign it, call `.raise_for_status()`, then read it",
                )
            elif first.kind in (DISCARDED, WITH):
                self.report(
                    call,
                    "the response is discarded unchecked, so a failed request goes unnoticed: "
                    "assign it and call `.raise_for_status()`",
                )
            return
        name = response.names[0].name
        for use in response.uses:
            if use.kind == CHECK or use.kind in HANDED_ON:
                return
            if use.kind == READ:
                read = f"{use.detail}()" if use.detail in CALLED_READS else use.detail
                message = (
                    f"`{name}.{read}` is read before the response status is checked: "
                    f"call `{name}.raise_for_status()` first"
                )
                break
        else:
            uncalled = any(use.detail == "raise_for_status" for use in response.uses)
            message = (
                f"`{name}.raise_for_status` is never called (it needs parentheses), so the status "
                f"is never checked: write `{name}.raise_for_status()`" if uncalled else
                f"response `{name}` is never checked: call `{name}.raise_for_status()` "
                f"(or test `{name}.ok` / `{name}.status_code`)"
            )
        self.report(call, message, fix=self._plan_fix(response))

    # fix: insert `name.raise_for_status()` right after the assignment -------------------------
    def _plan_fix(self, response: Response):
        assign = response.names[0].site
        if not isinstance(assign, ast.stmt):
            return None  # the check goes after an assignment statement (not after a walrus)
        name = single_name_target(assign)
        if name is None:
            return None
        return self.plan_fix(InsertAfter(assign, f"{name}.raise_for_status()"))
