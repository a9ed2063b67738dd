"""PD111 double-json-encoding: `json=json.dumps(x)` sends a JSON string, not the object."""

from __future__ import annotations

import ast

from ..nodes import dumped_value
from ._fix_plans import unwrap_dumps
from .base import Invalid, Rule, Valid


class DoubleJsonEncoding(Rule):
    code = "PD111"
    name = "double-json-encoding"
    summary = "`json=json.dumps(...)` encodes the payload twice: pass the object itself, `json=payload`"
    fix_safety = "safe"

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                r = requests.post("https://api.example.com/items", json={"name": "Luke"}, timeout=10)
                r.raise_for_status()
        """),
        Valid("""
            import requests, json
            def handler(pd):
                payload = pd.steps["trigger"]["event"]["body"]
                r = requests.post("https://api.example.com/items", json=payload, timeout=10)
        """),
        Valid("""
            import requests, json
            r = requests.post(url, data=json.dumps(payload), headers={"Content-Type": "application/json"}, timeout=10)
        """),
        Valid("""
            import requests, json
            body = json.loads(pd.steps["trigger"]["event"]["raw"])
            r = requests.post(url, json=body, timeout=10)
        """),
        Valid("""
            import requests, json
            r = requests.post(url, json={"payload": json.dumps(event), "type": "raw"}, timeout=10)
        """),
        Valid("""
            import requests
            def dumps(x):
                return {"wrapped": x}
            r = requests.post(url, json=dumps(payload), timeout=10)
        """),
        Valid("""
            import json
            record = client.create(json=json.dumps(payload))
        """),
        Valid("""
            import requests, json
            text = json.dumps(payload)
            text = {"raw": text}
            r = requests.put(url, json=text, timeout=10)
        """),
        Valid("""
            import requests, json
            log = json.dumps(payload)
            s = requests.Session()
            r = s.patch(url, json=payload, timeout=10)
        """),
    ]
    INVALID = [
        Invalid("""
            import requests, json
            r = requests.post(url, json=json.dumps(data), timeout=10)
        """, line=2, expected_fix="""
            import requests
            r = requests.post(url, json=data, timeout=10)
        """),
        Invalid("""
            import requests
            import json as j
            def handler(pd):
                r = requests.post("https://api.example.com/items",
                                  json=j.dumps({"name": pd.inputs["name"]}),
                                  timeout=10)
        """, line=5, expected_fix="""
            import requests
            def handler(pd):
                r = requests.post("https://api.example.com/items",
                                  json={"name": pd.inputs["name"]},
                                  timeout=10)
        """),
        Invalid("""
            from json import dumps
            from requests import post as send
            r = send(url, json=dumps(payload), timeout=10)
        """, line=3, expected_fix="""
            from requests import post as send
            r = send(url, json=payload, timeout=10)
        """),
        Invalid("""
            import requests, json
            def handler(pd):
                body = json.dumps(pd.steps["trigger"]["event"])
                r = requests.post(url, json=body, timeout=10)
        """, line=4),
        Invalid("""
            import requests, json
            with requests.Session() as s:
                r = s.put(url, json=json.dumps(item), timeout=10)
        """, line=3, expected_fix="""
            import requests
            with requests.Session() as s:
                r = s.put(url, json=item, timeout=10)
        """),
        Invalid("""
            import requests, json
            r = requests.post(url, json=json.dumps(data, default=str), timeout=10)
        """, line=2),
        Invalid("""
            import requests, json
            r = requests.request("POST", url, json=json.dumps({"a": 1}, indent=2), timeout=10)
        """, line=2),
        Invalid("""
            r = requests.patch(url, json=json.dumps(changes), timeout=10)
        """, line=1, expected_fix="""
            r = requests.patch(url, json=changes, timeout=10)
        """),
        Invalid("""
            import requests
            import json
            session = requests.Session()
            encoded: str = json.dumps(event)
            resp = session.post(url, json=encoded, timeout=10)
        """, line=5),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        request = self.model.request_call(node)
        if request is None:
            return
        json_arg = request.keyword("json")
        if json_arg is None:
            return
        value = json_arg.value
        if self.model.is_json_dumps(value):
            assert isinstance(value, ast.Call)
            # Only when dumps has exactly one positional argument: keywords such as `default=`
            # or `cls=` change the encoding, so dropping them is not safe.
            fix = None
            if dumped_value(value) is not None:
                fix = self.plan_fix(*unwrap_dumps(node, "json", value))
            self.report(
                json_arg,
                "`json=json.dumps(...)` encodes the payload twice and sends a JSON string: "
                "pass the object itself, `json=payload`",
                fix=fix,
            )
        elif self.model.is_json_dumps(self.model.value_of(value)):
            self.report(
                json_arg,
                "`json=` a `json.dumps(...)` string encodes the payload twice and sends a JSON string: "
                "pass the object itself to `json=`",
            )

