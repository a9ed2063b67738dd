"""PD115 implicit-form-encoding: `data=` a dict with no Content-Type header, silently form-encoded."""

from __future__ import annotations

import ast

from ..model import dict_items, dotted_name, string_value
from .base import Invalid, Rule, Valid
from .PD103_data_instead_of_json import lost_in_form_encoding

MUTATING_METHODS = frozenset({"update", "setdefault", "__setitem__"})
_UNKNOWN = object()


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
            base = {"Accept": "application/json"}
            r = requests.post(url, data={"a": "1"}, headers={**base, "X-Trace": "1"}, timeout=10)
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
    ]

    def __init__(self, context) -> None:
        super().__init__(context)
        # Names whose headers are changed after they are bound (`h["Content-Type"] = ...`,
        # `h.update(...)`, `s.headers.update(...)`): the model only knows the first binding.
        self.mutated: set[str] = set()

    # --- headers changed in place ------------------------------------------------------------
    def visit_Subscript(self, node: ast.Subscript) -> None:
        parent = self.parents[-1] if self.parents else None
        if isinstance(parent, ast.Assign) and any(target is node for target in parent.targets):
            self._mutate(node.value)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in MUTATING_METHODS:
            self._mutate(node.value)
        elif node.attr == "headers":
            parent = self.parents[-1] if self.parents else None
            if not (isinstance(parent, ast.keyword) and parent.arg is not None):
                self._mutate(node)  # `s.headers[...] = ...`, `s.headers = {...}`

    def _mutate(self, node: ast.expr) -> None:
        name = dotted_name(node)
        if name is not None:
            self.mutated.add(name)

    # --- requests ------------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        request = self.model.request_call(node)
        if request is None or request.passes_kwargs:
            return
        data_arg = request.keyword("data")
        if data_arg is None or request.keyword("files") is not None:
            return  # with `files=`, `data=` holds the fields of a multipart body
        if not self._is_flat_dict(data_arg.value):
            return
        if self._content_type(request) is not None:
            return
        self.report(data_arg)

    def _is_flat_dict(self, node: ast.expr) -> bool:
        """A dict literal, dict comprehension or `dict(...)` call, directly or bound to the name;
        a dict with nested values is left to PD103, which reports it as certainly wrong."""
        value = self.model.value_of(node)
        if isinstance(value, ast.Dict):
            return not any(lost_in_form_encoding(element.value) for _, element in dict_items(value))
        if isinstance(value, ast.DictComp):
            return True
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "dict":
            if self.model.lookup("dict") is not None:
                return False
            return not (
                any(isinstance(arg, ast.Starred) or lost_in_form_encoding(arg) for arg in value.args)
                or any(kw.arg is None or lost_in_form_encoding(kw.value) for kw in value.keywords)
            )
        return False

    def _content_type(self, request) -> object | None:
        """The Content-Type header's value node, `_UNKNOWN` when the headers cannot be read,
        None when the request certainly declares none."""
        if request.on_session:
            session = dotted_name(request.call.func.value)
            if session is None or f"{session}.headers" in self.mutated:
                return _UNKNOWN
        headers_node = request.value("headers")
        if headers_node is None or (
            isinstance(headers_node, ast.Constant) and headers_node.value is None
        ):
            return None
        dotted = dotted_name(headers_node)
        if dotted is not None and dotted in self.mutated:
            return _UNKNOWN
        headers = self.model.value_of(headers_node)
        if not isinstance(headers, ast.Dict):
            return _UNKNOWN
        unknown = False
        for key, value in _entries(headers):
            if key is None:
                unknown = True
            elif key.lower() == "content-type":
                return value
        return _UNKNOWN if unknown else None


def _entries(headers: ast.Dict):
    """(lower-case key or None when not a literal, value) for each entry, `**spread` included."""
    for key_node, value in zip(headers.keys, headers.values):
        key = string_value(key_node) if key_node is not None else None
        yield (key.lower() if key is not None else None), value
