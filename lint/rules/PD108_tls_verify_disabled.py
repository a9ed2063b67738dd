"""PD108 tls-verify-disabled: `verify=False` on a request, or `session.verify = False`."""

from __future__ import annotations

import ast

from ..nodes import dotted_name, keyword
from .base import Invalid, Rule, Valid

SESSION_SENDS = frozenset({"send"})


class TlsVerifyDisabled(Rule):
    code = "PD108"
    name = "tls-verify-disabled"
    summary = (
        "TLS certificate verification turned off: anyone on the network path can read and change "
        "the traffic; remove `verify=False`"
    )

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://internal.example.com", verify="/tmp/internal-ca.pem", timeout=10)
        """),
        Valid("""
            import requests as rq
            def handler(pd):
                r = rq.post("https://api.example.com", json={}, verify=True, timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                s = requests.Session()
                s.verify = "/etc/ssl/certs/ca-certificates.crt"
                return s.get("https://api.example.com", timeout=10).json()
        """),
        Valid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    s.verify = True
                    s.get("https://api.example.com", timeout=10).raise_for_status()
        """),
        Valid("""
            def handler(pd):
                checker = make_checker()
                checker.verify = False
                return validate(pd.steps["trigger"]["event"], verify=False)
        """),
        Valid("""
            import requests
            def handler(pd):
                verify = pd.inputs.get("ca_bundle", True)
                return requests.get(pd.inputs["url"], verify=verify, timeout=10)
        """),
        Valid("""
            import requests
            def call(url, **kwargs):
                kwargs.setdefault("timeout", 10)
                return requests.get(url, **kwargs)
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://self-signed.example.com", verify=False, timeout=10)
        """, line=3),
        Invalid("""
            import requests as rq
            def handler(pd):
                r = rq.post(
                    "https://api.example.com",
                    json={"a": 1},
                    verify=False,
                    timeout=10,
                )
        """, line=3),
        Invalid("""
            from requests import post as send
            def handler(pd):
                return send("https://api.example.com", json={}, verify=False, timeout=10)
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                r = s.get("https://api.example.com", verify=False, timeout=10)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    s.verify = False
                    s.get("https://api.example.com", timeout=10).raise_for_status()
        """, line=4),
        Invalid("""
            import requests
            session = requests.Session()
            session.verify = False
        """, line=3),
        Invalid("""
            class Client:
                def __init__(self, session):
                    self.session = session
                    self.session.verify = False
        """, line=4),
        Invalid("""
            import requests
            VERIFY_TLS = False
            def handler(pd):
                return requests.request("GET", "https://api.example.com", verify=VERIFY_TLS, timeout=10)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                prepared = s.prepare_request(requests.Request("GET", "https://api.example.com"))
                r = s.send(prepared, verify=False, timeout=10)
        """, line=5),
        Invalid("""
            import requests
            def make_session():
                return requests.Session()
            def handler(pd):
                s = make_session()
                return s.get("https://internal.example.com", verify=False, timeout=10).json()
        """, line=6),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                r = s.request("GET", "https://internal.example.com", None, None, None, None, None,
                              None, 10, True, None, None, None, False)
        """, line=4),
        # issue 15: a well-known `requests.Session` subclass
        Invalid("""
            import requests_cache
            def handler(pd):
                s = requests_cache.CachedSession("steps", expire_after=300)
                return s.get("https://internal.example.com/items", verify=False, timeout=10).json()
        """, line=4),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        verify = self._verify(node)
        if verify is not None and self.model.is_constant(verify, "False"):
            self.report(
                node,
                "`verify=False` turns off TLS certificate checks: anyone on the network path can read "
                "and change the traffic; remove it, or pass `verify=\"/path/to/ca-bundle.pem\"` "
                "for a private CA",
            )

    def _verify(self, node: ast.Call) -> ast.expr | None:
        """The `verify` argument of a request, or of `session.send(prepared, ...)`."""
        request = self.model.request_call(node)
        if request is not None:
            return request.value("verify")
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in SESSION_SENDS and self.model.is_session(func.value):
            found = keyword(node, "verify")
            return None if found is None else found.value
        return None

    def visit_Assign(self, node: ast.Assign) -> None:
        if not self.model.is_constant(node.value, "False"):
            return
        for attribute in node.targets:
            if (
                isinstance(attribute, ast.Attribute)
                and attribute.attr == "verify"
                and self._is_session_like(attribute.value)
            ):
                self.report(
                    node,
                    "`session.verify = False` turns off TLS certificate checks for every request "
                    "of the session: anyone on the network path can read and change the traffic; "
                    "remove it, or set it to the path of a CA bundle for a private CA",
                )
                return

    def _is_session_like(self, node: ast.expr) -> bool:
        if self.model.is_session(node):
            return True
        dotted = dotted_name(node)
        return dotted is not None and "session" in dotted.rsplit(".", 1)[-1].lower()
