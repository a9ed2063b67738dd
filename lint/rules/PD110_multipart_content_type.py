"""PD110 multipart-content-type: a multipart body whose Content-Type header lacks its boundary."""

from __future__ import annotations

import ast

from ..nodes import dotted_name
from .base import Invalid, Rule, Valid

TOOLBELT = "requests_toolbelt."
ENCODER_CLASSES = frozenset({"MultipartEncoder", "MultipartEncoderMonitor"})
MONITOR = "requests_toolbelt.MultipartEncoderMonitor"
MULTIPART_FORM = "multipart/form-data"


class MultipartContentType(Rule):
    code = "PD110"
    name = "multipart-content-type"
    summary = (
        "multipart body sent without its boundary in the Content-Type header: pass "
        "`headers={\"Content-Type\": m.content_type}` for a MultipartEncoder, and no Content-Type "
        "with `files=`"
    )

    VALID = [
        Valid("""
            import requests
            from requests_toolbelt.multipart.encoder import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"file": ("a.pdf", b"%PDF", "application/pdf")})
                r = requests.post("https://example.com", data=m,
                                  headers={'Content-Type': m.content_type}, timeout=30)
        """),
        Valid("""
            import requests as rq
            import requests_toolbelt as tb
            def handler(pd):
                encoder = tb.MultipartEncoder(fields={"name": "report"})
                monitor = tb.MultipartEncoderMonitor(encoder, lambda m: print(m.bytes_read))
                rq.post("https://example.com/upload", data=monitor,
                        headers={"Content-Type": monitor.content_type}, timeout=30).raise_for_status()
        """),
        Valid("""
            import requests
            from requests_toolbelt import MultipartEncoder, MultipartEncoderMonitor
            def handler(pd):
                encoder = MultipartEncoder(fields={"name": "report"})
                monitor = MultipartEncoderMonitor(encoder)
                headers = {"Content-Type": encoder.content_type, "Authorization": pd.inputs["auth"]}
                requests.post("https://example.com/upload", data=monitor, headers=headers, timeout=30)
        """),
        Valid("""
            import requests
            from requests_toolbelt import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"name": "report"})
                with requests.Session() as s:
                    headers = {"Accept": "application/json"}
                    headers["Content-Type"] = m.content_type
                    s.post("https://example.com/upload", data=m, headers=headers, timeout=30)
        """),
        Valid("""
            import requests
            def handler(pd):
                with open("/tmp/report.pdf", "rb") as f:
                    r = requests.post("https://example.com/upload", files={"file": f}, timeout=30)
        """),
        Valid("""
            import requests
            def handler(pd):
                headers = {"Authorization": f"Bearer {pd.inputs['token']}"}
                with open("/tmp/report.pdf", "rb") as f:
                    r = requests.post("https://example.com/upload", files={"file": f},
                                      headers=headers, timeout=30)
        """),
        Valid("""
            import requests
            from requests_toolbelt.multipart.encoder import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"name": "report"})
                r = requests.post("https://example.com/upload", data=m, headers=build_headers(m), timeout=30)
        """),
        Valid("""
            from requests import post as send
            from requests_toolbelt import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"name": "report"})
                content_type = m.content_type
                send("https://example.com/upload", data=m, headers={"Content-Type": content_type}, timeout=30)
        """),
        Valid("""
            import requests
            def handler(pd):
                body = b"--xyz\\r\\n..."
                requests.post("https://example.com/upload", data=body,
                              headers={"Content-Type": "multipart/form-data; boundary=xyz"}, timeout=30)
        """),
        Valid("""
            import requests
            from requests_toolbelt import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"name": "report"})
                s = requests.Session()
                s.headers["Content-Type"] = m.content_type
                s.post("https://example.com/upload", data=m, timeout=30).raise_for_status()
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            from requests_toolbelt.multipart.encoder import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"file": ("a.pdf", b"%PDF", "application/pdf")})
                r = requests.post("https://example.com/upload", data=m, timeout=30)
        """, line=5),
        Invalid("""
            import requests
            from requests_toolbelt import MultipartEncoder
            def handler(pd):
                r = requests.post(
                    "https://example.com/upload",
                    data=MultipartEncoder(fields={"name": "report"}),
                    headers={"Content-Type": "multipart/form-data"},
                    timeout=30,
                )
        """, line=4),
        Invalid("""
            import requests
            from requests_toolbelt import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"name": "report"})
                r = requests.post("https://example.com/upload", data=m,
                                  headers={"Content-Type": "multipart/form-data"}, timeout=30)
        """, line=5),
        Invalid("""
            import requests
            from requests_toolbelt.multipart import encoder
            def handler(pd):
                e = encoder.MultipartEncoder(fields={"name": "report"})
                monitor = encoder.MultipartEncoderMonitor(e, print)
                requests.put("https://example.com/upload", data=monitor, timeout=30)
        """, line=6),
        Invalid("""
            import requests
            def handler(pd):
                with open("/tmp/report.pdf", "rb") as f:
                    r = requests.post("https://example.com/upload", files={"file": f},
                                      headers={"Content-Type": "multipart/form-data"}, timeout=30)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                headers = {"content-type": "multipart/form-data; boundary=abc123", "Accept": "*/*"}
                with open("/tmp/a.csv", "rb") as f:
                    s.post("https://example.com/upload", files={"file": f}, headers=headers, timeout=30)
        """, line=6),
        Invalid("""
            import requests
            from requests_toolbelt import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"name": "report"})
                with requests.Session() as s:
                    s.post("https://example.com/upload", data=m,
                           headers={"Authorization": pd.inputs["auth"]}, timeout=30)
        """, line=6),
        Invalid("""
            import requests as rq
            import requests_toolbelt as tb
            def handler(pd):
                m = tb.MultipartEncoder(fields={"name": "report"})
                headers = {"Accept": "application/json"}
                headers["Content-Type"] = "multipart/form-data"
                rq.post("https://example.com/upload", data=m, headers=headers, timeout=30)
        """, line=7),
        Invalid("""
            from requests import post as send
            def handler(pd):
                boundary = pd.inputs["boundary"]
                send("https://example.com/upload", files={"file": b"data"},
                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}, timeout=30)
        """, line=4),
        Invalid("""
            import requests
            from requests_toolbelt import MultipartEncoder
            def handler(pd):
                m = MultipartEncoder(fields={"name": "report"})
                other = MultipartEncoder(fields={"name": "other"})
                requests.post("https://example.com/upload", data=m,
                              headers={"Content-Type": other.content_type}, timeout=30)
        """, line=6),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                s.headers.update({"Content-Type": "multipart/form-data"})
                with open("/tmp/a.csv", "rb") as f:
                    s.post("https://example.com/upload", files={"file": f}, timeout=30)
        """, line=6),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        request = self.model.request_call(node)
        if request is None:
            return
        headers = request.headers()
        key = headers.key("content-type")
        if key is None and not headers.complete:
            return  # built elsewhere: cannot tell what it holds
        content_type = headers.items[key] if key is not None else None
        encoder = self._encoder(request.value("data"))
        if encoder is not None:
            names, shown = encoder
            advice = (
                f"pass `headers={{\"Content-Type\": {shown}.content_type}}`" if shown else
                "bind it first (`m = MultipartEncoder(...)`) and pass "
                "`data=m, headers={\"Content-Type\": m.content_type}`"
            )
            if key is None:
                self.report(
                    node,
                    "`data=` a MultipartEncoder without a Content-Type header: the server gets no "
                    f"multipart boundary and cannot parse the body; {advice}",
                )
            elif content_type is not None and not self._is_content_type_of(content_type, names):
                self.report(
                    node,
                    "the Content-Type header of a MultipartEncoder body is not the encoder's own "
                    f"`.content_type`, so the multipart boundary is lost; {advice}",
                )
            return
        files = request.value("files")
        if files is None or (isinstance(files, ast.Constant) and files.value is None):
            return
        written = self.model.prefix_of(content_type) if content_type is not None else None
        if written is not None and written.strip().lower().startswith(MULTIPART_FORM):
            self.report(
                node,
                "`files=` with a hand-written `Content-Type: multipart/form-data` header: it replaces "
                "the one requests builds with the part boundary, so the server cannot parse the "
                "body; drop the Content-Type header",
            )

    def _encoder(self, data: ast.expr | None) -> tuple[set[str], str | None] | None:
        """For `data=` a MultipartEncoder(Monitor): the names whose `.content_type` is the right
        header value, and the name to show in the message."""
        if data is None:
            return None
        names: set[str] = set()
        value = data
        if isinstance(data, ast.NamedExpr):
            name = dotted_name(data.target)
            if name:
                names.add(name)
            value = data.value
        elif isinstance(data, (ast.Name, ast.Attribute)):
            name = dotted_name(data)
            if name:
                names.add(name)
            value = self.model.value_of(data)
        if not isinstance(value, ast.Call):
            return None
        qualified = self._encoder_class(value)
        if qualified is None:
            return None
        if qualified == MONITOR:
            wrapped = next((k.value for k in value.keywords if k.arg == "encoder"), None)
            if wrapped is None and value.args and not isinstance(value.args[0], ast.Starred):
                wrapped = value.args[0]
            wrapped_name = dotted_name(wrapped) if wrapped is not None else None
            if wrapped_name:
                names.add(wrapped_name)
        if isinstance(data, ast.NamedExpr):
            return names, dotted_name(data.target)
        return names, dotted_name(data) if isinstance(data, (ast.Name, ast.Attribute)) else None

    def _encoder_class(self, call: ast.Call) -> str | None:
        """`requests_toolbelt.MultipartEncoder(Monitor)` (or its `from_fields`) under any of the
        module paths the package exports it from, else None."""
        qualified = self.model.qualified_name(call.func)
        if qualified is None or not qualified.startswith(TOOLBELT):
            return None
        parts = qualified.split(".")
        if parts[-1] == "from_fields":
            parts.pop()
        return f"{TOOLBELT}{parts[-1]}" if parts[-1] in ENCODER_CLASSES else None

    def _is_content_type_of(self, value: ast.expr, names: set[str]) -> bool:
        for candidate in (value, self.model.value_of(value)):
            if (
                isinstance(candidate, ast.Attribute)
                and candidate.attr == "content_type"
                and dotted_name(candidate.value) in names
            ):
                return True
        return False
