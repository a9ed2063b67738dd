"""PD115 implicit-form-encoding: `data=` a dict with no Content-Type header, silently form-encoded."""

from __future__ import annotations

import libcst as cst

from ..legacy.model import dict_items, dotted_name, string_value
from ..legacy.base import Invalid, Rule, Valid
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
    def visit_Subscript(self, node: cst.Subscript) -> None:
        parent = self.parents[-1] if self.parents else None
        if isinstance(parent, cst.AssignTarget) and parent.target is node:
            self._mutate(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in MUTATING_METHODS:
            self._mutate(node.value)
        elif node.attr.value == "headers":
            parent = self.parents[-1] if self.parents else None
            if not (isinstance(parent, cst.Arg) and parent.keyword is not None):
                self._mutate(node)  # `s.headers[...] = ...`, `s.headers = {...}`

    def _mutate(self, node: cst.BaseExpression) -> None:
        name = dotted_name(node)
        if name is not None:
            self.mutated.add(name)

    # --- requests ------------------------------------------------------------------------------
    def visit_Call(self, node: cst.Call) -> None:
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

    def _is_flat_dict(self, node: cst.BaseExpression) -> bool:
        """A dict literal, dict comprehension or `dict(...)` call, directly or bound to the name;
        a dict with nested values is left to PD103, which reports it as certainly wrong."""
        value = self.model.value_of(node)
        if isinstance(value, cst.Dict):
            return not any(lost_in_form_encoding(element.value) for _, element in dict_items(value))
        if isinstance(value, cst.DictComp):
            return True
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "dict":
            if self.model.lookup("dict") is not None:
                return False
            return not any(arg.star or lost_in_form_encoding(arg.value) for arg in value.args)
        return False

    def _content_type(self, request) -> object | None:
        """The Content-Type header's value node, `_UNKNOWN` when the headers cannot be read,
        None when the request certainly declares none."""
        if request.on_session:
            session = dotted_name(request.call.func.value)
            if session is None or f"{session}.headers" in self.mutated:
                return _UNKNOWN
        headers_node = request.value("headers")
        if headers_node is None or (isinstance(headers_node, cst.Name) and headers_node.value == "None"):
            return None
        dotted = dotted_name(headers_node)
        if dotted is not None and dotted in self.mutated:
            return _UNKNOWN
        headers = self.model.value_of(headers_node)
        if not isinstance(headers, cst.Dict):
            return _UNKNOWN
        unknown = False
        for key, element in _elements(headers):
            if key is None:
                unknown = True
            elif key.lower() == "content-type":
                return element
        return _UNKNOWN if unknown else None


def _elements(headers: cst.Dict):
    """(lower-case key or None when not a literal, element) for each entry, `**spread` included."""
    for element in headers.elements:
        if isinstance(element, cst.DictElement):
            key = string_value(element.key)
            yield (key.lower() if key is not None else None), element
        else:
            yield None, element
