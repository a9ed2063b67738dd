"""PD105 missing-timeout: a request that can wait forever."""

from __future__ import annotations

import ast

from ..plans import AddKeyword, SetArgument
from .base import Invalid, Rule, Valid

DEFAULT_TIMEOUT = 30


class MissingTimeout(Rule):
    code = "PD105"
    name = "missing-timeout"
    summary = "request without `timeout=`: it can hang the step until the platform kills it"
    fix_safety = "unsafe"

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/items", timeout=10)
                r.raise_for_status()
        """),
        Valid("""
            import requests as rq
            def handler(pd):
                r = rq.post("https://api.example.com/items", json={"a": 1}, timeout=(3.05, 27))
        """),
        Valid("""
            from requests import post as send
            def handler(pd):
                return send("https://hooks.example.com", json=pd.steps["trigger"]["event"], timeout=15)
        """),
        Valid("""
            import requests
            def call_api(method, url, **kwargs):
                return requests.request(method, url, **kwargs)
        """),
        Valid("""
            import requests
            def handler(pd):
                s = requests.Session()
                r = s.get("https://api.example.com/me", timeout=pd.inputs["timeout"])
        """),
        Valid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    s.headers["Accept"] = "application/json"
                    return s.get("https://api.example.com/me", timeout=5).json()
        """),
        Valid("""
            import requests
            def handler(pd):
                session = requests.Session()
                prepared = session.prepare_request(requests.Request("GET", "https://x.io"))
        """),
        Valid("""
            import httpx
            def handler(pd):
                return httpx.get("https://api.example.com")
        """),
        Valid("""
            import requests
            def handler(pd):
                options = {"timeout": 10}
                return requests.get("https://api.example.com", **options)
        """),
        Valid("""
            import requests
            TIMEOUT = 20
            def handler(pd):
                return requests.request("GET", "https://api.example.com", timeout=TIMEOUT)
        """),
        Valid("""
            import httpx
            import requests_futures.sessions
            def handler(pd):
                client = httpx.Client()
                futures = requests_futures.sessions.FuturesSession()
                return client.get("https://api.example.com"), futures.get("https://api.example.com")
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            r = requests.get('https://swapi.dev/api/films/')
        """, line=2, expected_fix="""
            import requests
            r = requests.get('https://swapi.dev/api/films/', timeout=30)
        """),
        Invalid("""
            import requests as rq
            def handler(pd):
                r = rq.post("https://api.example.com", json={"a": 1}, timeout=None)
        """, line=3, expected_fix="""
            import requests as rq
            def handler(pd):
                r = rq.post("https://api.example.com", json={"a": 1}, timeout=30)
        """),
        Invalid("""
            from requests import post as send
            def handler(pd):
                send(
                    "https://hooks.example.com",
                    json={"ok": True},
                )
        """, line=3, expected_fix="""
            from requests import post as send
            def handler(pd):
                send(
                    "https://hooks.example.com",
                    json={"ok": True},
                    timeout=30,
                )
        """),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.request("GET", "https://example.com", proxies=proxies)
        """, line=3, expected_fix="""
            import requests
            def handler(pd):
                r = requests.request("GET", "https://example.com", proxies=proxies, timeout=30)
        """),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                r = s.get("https://api.example.com/me")
        """, line=4, expected_fix="""
            import requests
            def handler(pd):
                s = requests.Session()
                r = s.get("https://api.example.com/me", timeout=30)
        """),
        Invalid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    for page in range(3):
                        s.delete(f"https://api.example.com/items/{page}")
        """, line=5, expected_fix="""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    for page in range(3):
                        s.delete(f"https://api.example.com/items/{page}", timeout=30)
        """),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.post(url, data=m,
                                  headers={'Content-Type': m.content_type})
        """, line=3, expected_fix="""
            import requests
            def handler(pd):
                r = requests.post(url, data=m,
                                  headers={'Content-Type': m.content_type}, timeout=30)
        """),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.put(
                    "https://api.example.com/items/1",  # the item
                    json=pd.steps["trigger"]["event"]
                )
        """, line=3, expected_fix="""
            import requests
            def handler(pd):
                r = requests.put(
                    "https://api.example.com/items/1",  # the item
                    json=pd.steps["trigger"]["event"],
                    timeout=30
                )
        """),
        Invalid("""
            import requests
            NO_TIMEOUT = None
            def handler(pd):
                return requests.head("https://example.com", timeout=NO_TIMEOUT)
        """, line=4),
        Invalid("""
            with requests.get("https://example.com", stream=True) as response:
                response.raise_for_status()
        """, line=1, expected_fix="""
            with requests.get("https://example.com", stream=True, timeout=30) as response:
                response.raise_for_status()
        """),
        # issue 15: sessions the model follows
        Invalid("""
            import requests
            class Client:
                def __init__(self):
                    self.session = requests.Session()
                def me(self):
                    return self.session.get("https://api.example.com/me")
        """, line=6),
        Invalid("""
            import requests
            def make_session(token):
                s = requests.Session()
                s.headers["Authorization"] = token
                return s
            def handler(pd):
                session = make_session(pd.inputs["token"])
                session.post("https://api.example.com/events", json={})
        """, line=8),
        Invalid("""
            from requests_cache import CachedSession
            def handler(pd, session=None):
                session = session or CachedSession("pd")
                return session.get("https://api.example.com/rates")
        """, line=4),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        request = self.model.request_call(node)
        if request is None or request.passes_kwargs:
            return
        seconds = self._default()
        timeout = request.value("timeout")
        if timeout is None:
            self.report(
                node,
                "request without `timeout=`: it can hang the step until the platform kills it; "
                f"pass `timeout={seconds}`",
                fix=self.plan_fix(AddKeyword(node, "timeout", seconds)),
            )
        elif self.model.is_constant(timeout, "None"):
            fix = None
            if isinstance(timeout, ast.Constant) and timeout.value is None:
                # A name bound to None gets no fix: the binding may be used elsewhere.
                fix = self.plan_fix(SetArgument(node, "timeout", seconds))
            self.report(
                node,
                "`timeout=None` lets the request wait forever and hang the step until the platform "
                f"kills it; pass `timeout={seconds}`",
                fix=fix,
            )

    def _default(self) -> str:
        value = self.context.options.timeout_default
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            value = DEFAULT_TIMEOUT
        return repr(value)
