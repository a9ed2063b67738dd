"""PD103 data-instead-of-json: `data=` where `json=` was meant."""

from __future__ import annotations

import libcst as cst

from ..finding import Fix
from ..legacy.model import dict_items, dict_string_keys, dumped_value, keyword, string_value
from ..legacy.base import Invalid, Rule, Valid

JSON_MEDIA_SUFFIXES = ("/json", "+json")


def is_json_content_type(value: str | None) -> bool:
    if value is None:
        return False
    media = value.split(";", 1)[0].strip().lower()
    return media.endswith(JSON_MEDIA_SUFFIXES)


def lost_in_form_encoding(value: cst.BaseExpression) -> bool:
    """A form value that form-encoding loses: a dict, or a list/tuple holding dicts or lists."""
    if isinstance(value, (cst.Dict, cst.DictComp)):
        return True
    if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
        return any(
            isinstance(e.value, (cst.Dict, cst.List, cst.Tuple, cst.DictComp)) for e in value.elements
        )
    return False


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
            import requests, json
            r = requests.post(url, headers=headers, json=data)
        """),
        Invalid("""
            import requests
            import json as j
            r = requests.post(url, data=j.dumps({"a": 1}), timeout=10)
        """, line=3, expected_fix="""
            import requests
            import json as j
            r = requests.post(url, json={"a": 1}, timeout=10)
        """),
        Invalid("""
            from json import dumps
            import requests
            r = requests.post(url, data=dumps(payload), timeout=10)
        """, line=3, expected_fix="""
            from json import dumps
            import requests
            r = requests.post(url, json=payload, timeout=10)
        """),
        Invalid("""
            import requests, json
            r = requests.post(url, data=json.dumps(body), headers={"Content-Type": "application/json"})
        """, line=2, expected_fix="""
            import requests, json
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
            import json
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
    ]

    def visit_Call(self, node: cst.Call) -> None:
        request = self.model.request_call(node)
        if request is None:
            return
        data_arg = request.keyword("data")
        if data_arg is None:
            return
        data = data_arg.value
        if self.model.is_json_dumps(data):
            assert isinstance(data, cst.Call)
            self.report(
                data_arg,
                "`data=json.dumps(...)` sends the JSON text without a JSON Content-Type: "
                "pass the object with `json=` instead",
                fix=self._fix(node, data_arg, dumped_value(data)),
            )
            return
        if self.model.is_json_dumps(self.model.value_of(data)):
            self.report(
                data_arg,
                "`data=` a `json.dumps(...)` string sends it without a JSON Content-Type: "
                "pass the object with `json=` instead",
            )
            return
        form = self.model.dict_value(data)
        if form is None:
            return
        headers = self.model.dict_value(request.value("headers"))
        content_type = string_value(dict_string_keys(headers).get("content-type")) if headers else None
        if is_json_content_type(content_type):
            self.report(
                data_arg,
                "`data=` a dict is form-encoded although the Content-Type says JSON: use `json=` instead",
            )
        elif any(lost_in_form_encoding(element.value) for _, element in dict_items(form)):
            self.report(
                data_arg,
                "`data=` a dict with nested values: form-encoding flattens or drops them; use `json=`",
            )

    def _fix(self, call: cst.Call, data_arg: cst.Arg, encoded: cst.BaseExpression | None) -> Fix | None:
        if encoded is None:
            return None
        new_data = data_arg.with_changes(keyword=cst.Name("json"), value=encoded)
        extra: list[tuple[cst.CSTNode, object]] = []
        headers_arg = keyword(call, "headers")
        if headers_arg is not None and isinstance(headers_arg.value, cst.Dict):
            # `json=` sets the JSON Content-Type itself: drop an inline entry that only repeated it.
            kept = [
                element for element in headers_arg.value.elements
                if not (
                    isinstance(element, cst.DictElement)
                    and (string_value(element.key) or "").lower() == "content-type"
                    and is_json_content_type(string_value(element.value))
                )
            ]
            if len(kept) != len(headers_arg.value.elements):
                if kept:
                    last = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                    new_headers = headers_arg.value.with_changes(elements=[*kept[:-1], last])
                    extra.append((headers_arg.value, new_headers))
                else:
                    extra.append((headers_arg, cst.RemovalSentinel.REMOVE))
                    if call.args[-1] is headers_arg and call.args[-2] is data_arg:
                        new_data = new_data.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return Fix(data_arg, new_data, "safe", tuple(extra))
