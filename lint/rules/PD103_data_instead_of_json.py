"""PD103 data-instead-of-json: `data=` where `json=` was meant."""

from __future__ import annotations

import ast

from ..nodes import dumped_value, string_value
from ..plans import RemoveDictEntries, RemoveKeyword, RenameKeyword
from ..requests_api import lost_in_form_encoding
from ._fix_plans import unwrap_dumps
from .base import Invalid, Rule, Valid

JSON_MEDIA_SUFFIXES = ("/json", "+json")


def is_json_content_type(value: str | None) -> bool:
    if value is None:
        return False
    media = value.split(";", 1)[0].strip().lower()
    return media.endswith(JSON_MEDIA_SUFFIXES)


class DataInsteadOfJson(Rule):
    code = "PD103"
    name = "data-instead-of-json"
    summary = "`data=` where `json=` was meant"
    fix_safety = "safe"

    VALID = [
        Valid("""
            import requests
            r = requests.post(url, json={"name": "Luke"}, timeout=10)
        """),
        Valid("""
            import requests
            r = requests.post(url, data={"name": "Luke"},
                              headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=10)
        """),
        Valid("""
            import requests
            r = requests.post(url, data={"tag": ["a", "b"]}, timeout=10)
        """),
        Valid("""
            import requests
            r = requests.post(url, data=b"raw bytes", headers={"Content-Type": "application/json"}, timeout=10)
        """),
        Valid("""
            import requests, json
            body = json.dumps(payload)
            r = requests.post(url, data=body.encode(), timeout=10)
        """),
        Valid("""
            import requests
            def dumps(x): return str(x)
            r = requests.post(url, data=dumps(payload), timeout=10)
        """),
        Valid("""
            import requests
            headers = {"Content-Type": "text/plain"}
            r = requests.post(url, data={"a": "b"}, headers=headers, timeout=10)
        """),
        Valid("""
            import requests
            r = requests.put(url, data=open_stream(), headers={"Content-Type": "application/json"}, timeout=10)
        """),
        Valid("""
            import requests
            r = requests.post(url, files={"f": ("a.json", b"{}", "application/json")}, timeout=10)
        """),
    ]
    INVALID = [
        Invalid("""
            import requests, json
            r = requests.post(url, headers=headers, data=json.dumps(data))
        """, line=2, expected_fix="""
            import requests
            r = requests.post(url, headers=headers, json=data)
        """),
        Invalid("""
            import requests
            import json as j
            r = requests.post(url, data=j.dumps({"a": 1}), timeout=10)
        """, line=3, expected_fix="""
            import requests
            r = requests.post(url, json={"a": 1}, timeout=10)
        """),
        Invalid("""
            from json import dumps
            import requests
            r = requests.post(url, data=dumps(payload), timeout=10)
        """, line=3, expected_fix="""
            import requests
            r = requests.post(url, json=payload, timeout=10)
        """),
        Invalid("""
            import requests, json
            r = requests.post(url, data=json.dumps(body), headers={"Content-Type": "application/json"})
        """, line=2, expected_fix="""
            import requests
            r = requests.post(url, json=body)
        """),
        Invalid("""
            import json
            import requests
            r = requests.post(
                url,
                headers={"Content-Type": "application/json", "Accept": "application/json"},
                data=json.dumps(body),
                timeout=10,
            )
        """, line=6, expected_fix="""
            import requests
            r = requests.post(
                url,
                headers={"Accept": "application/json"},
                json=body,
                timeout=10,
            )
        """),
        Invalid("""
            import requests, json
            def handler(pd):
                body = json.dumps(pd.steps["trigger"]["event"])
                r = requests.post(url, data=body, timeout=10)
        """, line=4),
        Invalid("""
            import requests
            r = requests.post(url, data={"name": "Luke"}, headers={"Content-Type": "application/json"}, timeout=10)
        """, line=2),
        Invalid("""
            import requests
            headers = {"content-type": "Application/JSON; charset=utf-8"}
            payload = {"name": "Luke"}
            r = requests.post(url, data=payload, headers=headers, timeout=10)
        """, line=4),
        Invalid("""
            import requests
            r = requests.post(url, data={"user": {"name": "Luke"}}, timeout=10)
        """, line=2),
        Invalid("""
            import requests
            s = requests.Session()
            r = s.put(url, data={"items": [{"id": 1}]}, timeout=10)
        """, line=3),
        Invalid("""
            import requests
            r = requests.patch(url, data={"a": 1}, headers={"Content-Type": "application/vnd.api+json"}, timeout=10)
        """, line=2),
        # a list of dicts built by a comprehension is as nested as one written out
        Invalid("""
            import requests
            def handler(pd):
                lines = pd.steps["trigger"]["event"]["lines"]
                form = {"order": 1, "lines": [{"sku": l["sku"], "qty": l["qty"]} for l in lines]}
                r = requests.post(pd.inputs["url"], data=form, timeout=10)
        """, line=5),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        request = self.model.request_call(node)
        if request is None:
            return
        data = request.value("data")
        if data is None:
            return
        data_arg = request.node("data")
        if self.model.is_json_dumps(data):
            assert isinstance(data, ast.Call)
            fix = None
            if dumped_value(data) is not None and isinstance(data_arg, ast.keyword) and request.keyword("json") is None:
                headers_arg = request.keyword("headers")
                fix = self.plan_fix(*_fix_changes(node, data, headers_arg))
            self.report(
                data_arg,
                "`data=json.dumps(...)` sends the JSON text without a JSON Content-Type: "
                "pass the object with `json=` instead",
                fix=fix,
            )
            return
        if self.model.is_json_dumps(self.model.value_of(data)):
            self.report(
                data_arg,
                "`data=` a `json.dumps(...)` string sends it without a JSON Content-Type: "
                "pass the object with `json=` instead",
            )
            return
        form = self.model.dict_of(data)
        if form is None:
            return
        content_type = self.model.string_of(request.headers().get("content-type"))
        if is_json_content_type(content_type):
            self.report(
                data_arg,
                "`data=` a dict is form-encoded although the Content-Type says JSON: use `json=` instead",
            )
        elif any(lost_in_form_encoding(value) for value in form.items.values()):
            self.report(
                data_arg,
                "`data=` a dict with nested values: form-encoding flattens or drops them; use `json=`",
            )


def _json_content_type_entries(headers: ast.expr) -> set[int]:
    """Indices of the entries of an inline headers dict that only set a JSON Content-Type."""
    if not isinstance(headers, ast.Dict):
        return set()
    return {
        index for index, (key, value) in enumerate(zip(headers.keys, headers.values))
        if key is not None
        and (string_value(key) or "").lower() == "content-type"
        and is_json_content_type(string_value(value))
    }


def _fix_changes(call: ast.Call, dumps: ast.Call, headers_kw: ast.keyword | None) -> tuple:
    """`data=json.dumps(x)` -> `json=x`; `json=` sets the JSON Content-Type itself, so an inline
    headers entry that only repeated it goes (the whole `headers=` when nothing is left)."""
    changes: list = [*unwrap_dumps(call, "data", dumps), RenameKeyword(call, "data", "json")]
    if headers_kw is not None and isinstance(headers_kw.value, ast.Dict):
        dropped = _json_content_type_entries(headers_kw.value)
        if dropped and len(dropped) == len(headers_kw.value.keys):
            changes.append(RemoveKeyword(call, "headers"))
        elif dropped:
            changes.append(RemoveDictEntries(call, "headers", tuple(sorted(dropped))))
    return tuple(changes)
