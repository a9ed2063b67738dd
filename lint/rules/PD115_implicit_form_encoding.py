"""PD115 implicit-form-encoding: `data=` a dict with no Content-Type header, silently form-encoded."""

from __future__ import annotations

import ast

from ..requests_api import lost_in_form_encoding
from .base import Invalid, Rule, Valid


class ImplicitFormEncoding(Rule):
    code = "PD115"
    name = "implicit-form-encoding"
    summary = (
        "`data=` a dict is sent form-encoded with no Content-Type declared: if the API expects JSON "
        'use `json=`, otherwise declare `headers={"Content-Type": "application/x-www-form-urlencoded"}`'
    )

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                data = {"name": "Bulbasaur"}
                r = requests.post(url, json=data, timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.post("https://oauth2.example.com/token",
                                  data={"grant_type": "client_credentials"},
                                  headers={"Content-Type": "application/x-www-form-urlencoded"},
                                  timeout=10)
        """),
        Valid("""
            import requests
            FORM = {"content-type": "application/x-www-form-urlencoded; charset=utf-8"}
            def handler(pd):
                r = requests.post(url, data={"q": pd.inputs["q"]}, headers=FORM, timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd, headers):
                r = requests.post(url, data={"a": "1"}, headers=headers, timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.post(url, data={"a": "1"}, headers=build_headers(pd), timeout=10)
        """),
        Valid("""
            import requests
            def send(url, **kwargs):
                return requests.post(url, data={"a": "1"}, **kwargs)
        """),
        Valid("""
            import requests
            def handler(pd):
                with open("/tmp/report.pdf", "rb") as f:
                    r = requests.post(url, data={"title": "Report"}, files={"file": f}, timeout=30)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.post(url, data="a=1&b=2", timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                headers = {"Authorization": f"Bearer {pd.inputs['token']}"}
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                r = requests.post(url, data={"a": "1"}, headers=headers, timeout=10)
        """),
        Valid("""
            import requests
            s = requests.Session()
            s.headers.update({"Content-Type": "application/x-www-form-urlencoded"})
            r = s.post(url, data={"a": "1"}, timeout=10)
        """),
        Valid("""
            import requests
            base = load_default_headers()
            r = requests.post(url, data={"a": "1"}, headers={**base, "X-Trace": "1"}, timeout=10)
        """),
        # nested values, built by a comprehension: PD103's finding, not this rule's
        Valid("""
            import requests
            def handler(pd):
                lines = pd.steps["trigger"]["event"]["lines"]
                form = {"order": 1, "lines": [{"sku": l["sku"], "qty": l["qty"]} for l in lines]}
                r = requests.post(pd.inputs["url"], data=form, timeout=10)
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            def handler(pd: "pipedream"):
              url = "https://postman-echo.com/post"
              data = {"name": "Bulbasaur"}
              r = requests.post(url, data=data)
        """, line=5),
        Invalid("""
            import requests
            r = requests.post(url, data={"name": "Luke"}, timeout=10)
        """, line=2),
        Invalid("""
            import requests as rq
            def handler(pd):
                r = rq.put(url, data={"status": "done"},
                           headers={"Authorization": f"Bearer {pd.inputs['token']}"}, timeout=10)
        """, line=3),
        Invalid("""
            from requests import post as send
            def handler(pd):
                headers = {"Accept": "application/json"}
                form = {"email": pd.inputs["email"]}
                r = send(url, headers=headers, data=form, timeout=10)
        """, line=5),
        Invalid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    r = s.post(url,
                               data={"q": pd.inputs["q"]},
                               timeout=10)
        """, line=5),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.request("POST", url, data=dict(name=pd.inputs["name"]), timeout=10)
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.patch(url, data={k: v for k, v in pd.inputs.items()}, headers=None, timeout=10)
        """, line=3),
        Invalid("""
            r = requests.post(url, data={"a": 1})
        """, line=1),
        Invalid("""
            import requests
            session = requests.Session()
            session.verify = True
            r = session.post(url, data={"a": "1"}, headers={"X-Request-Id": rid}, timeout=10)
        """, line=4),
        # issue 15: the body passed by position
        Invalid("""
            import requests
            def handler(pd):
                data = {"name": pd.inputs["name"]}
                r = requests.post("https://api.example.com/users", data, timeout=10)
        """, line=4),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        request = self.model.request_call(node)
        if request is None or request.passes_kwargs:
            return
        data = request.node("data")
        if data is None or request.value("files") is not None:
            return  # with `files=`, `data=` holds the fields of a multipart body
        entries = self.model.dict_of(request.value("data"))
        if entries is None or any(lost_in_form_encoding(value) for value in entries.items.values()):
            return  # not a dict; or one with nested values, which PD103 reports as certainly wrong
        if request.headers().has("content-type") is False:
            self.report(data)
