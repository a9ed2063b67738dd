"""PD106 unclosed-stream: a `stream=True` response that leaks its connection, or is read whole."""

from __future__ import annotations

from ..nodes import dotted_name
from ..objects import READ, Response
from .base import Invalid, Rule, Valid

WHOLE_BODY_READS = frozenset({"content", "text", "json"})


class UnclosedStream(Rule):
    code = "PD106"
    name = "unclosed-stream"
    summary = (
        "`stream=True` response not closed: its connection leaks; use it as a `with` item "
        "(`with requests.get(url, stream=True) as r:`)"
    )

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                with requests.get("https://example.com/big.zip", stream=True, timeout=30) as r:
                    r.raise_for_status()
                    with open("/tmp/big.zip", "wb") as f:
                        for chunk in r.iter_content(chunk_size=65536):
                            f.write(chunk)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://example.com/big.zip", stream=True, timeout=30)
                try:
                    for chunk in r.iter_content(chunk_size=65536):
                        pass
                finally:
                    r.close()
        """),
        Valid("""
            import requests
            def open_stream(url):
                return requests.get(url, stream=True, timeout=30)
        """),
        Valid("""
            import requests
            from contextlib import closing
            def handler(pd):
                with closing(requests.get("https://example.com/feed", stream=True, timeout=30)) as r:
                    for line in r.iter_lines():
                        print(line)
        """),
        Valid("""
            import requests as rq
            def handler(pd):
                r = rq.get("https://example.com/feed", stream=True, timeout=30)
                with r:
                    for line in r.iter_lines():
                        print(line)
        """),
        Valid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    with s.get("https://example.com/a.csv", stream=True, timeout=30) as r:
                        for line in r.iter_lines(decode_unicode=True):
                            print(line)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/items", timeout=30)
                return r.json()
        """),
        Valid("""
            import requests
            import contextlib
            def handler(pd):
                with contextlib.ExitStack() as stack:
                    r = stack.enter_context(requests.get(pd.inputs["url"], stream=True, timeout=30))
                    for chunk in r.iter_content(chunk_size=65536):
                        pass
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://example.com/big.zip", stream=False, timeout=30)
                return r.content
        """),
        Valid("""
            from requests import get as fetch
            def download(url, path):
                r = fetch(url, stream=True, timeout=30)
                try:
                    with open(path, "wb") as f:
                        for chunk in r.iter_content(65536):
                            f.write(chunk)
                finally:
                    if r is not None:
                        r.close()
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://example.com/big.zip", stream=True, timeout=30)
                with open("/tmp/big.zip", "wb") as f:
                    for chunk in r.iter_content(chunk_size=65536):
                        f.write(chunk)
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("https://example.com/big.zip", stream=True, timeout=30)
                for chunk in r.iter_content(chunk_size=65536):
                    pass
                r.close()
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                with requests.get("https://api.example.com/items", stream=True, timeout=30) as r:
                    r.raise_for_status()
                    return r.json()
        """, line=3),
        Invalid("""
            import requests as rq
            def handler(pd):
                data = rq.get("https://example.com/a.bin", stream=True, timeout=30).content
        """, line=3),
        Invalid("""
            import requests
            import shutil
            def handler(pd):
                with open("/tmp/a.bin", "wb") as f:
                    shutil.copyfileobj(
                        requests.get(pd.inputs["url"], stream=True, timeout=30).raw, f
                    )
        """, line=6),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                resp = s.get("https://example.com/export.csv", stream=True, timeout=30)
                for line in resp.iter_lines():
                    print(line)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    r = s.post("https://example.com/search", json={}, stream=True, timeout=30)
                    try:
                        print(r.text)
                    finally:
                        r.close()
        """, line=4),
        Invalid("""
            from requests import get as fetch
            STREAM = True
            def handler(pd):
                r = fetch("https://example.com/a", stream=STREAM, timeout=30)
                r = fetch("https://example.com/b", stream=STREAM, timeout=30)
                try:
                    pass
                finally:
                    r.close()
        """, line=4),
        Invalid("""
            r = requests.get(url, stream=True)
            for chunk in r.iter_content(chunk_size=8192):
                handle(chunk)
        """, line=1),
        Invalid("""
            import requests
            class Downloader:
                def __init__(self):
                    self.session = requests.Session()
                def fetch(self, url):
                    r = self.session.get(url, stream=True, timeout=30)
                    return b"".join(r.iter_content(65536))
        """, line=6),
        # a local function that returns a streamed response hands it to the caller to close
        Invalid("""
            import requests
            def open_stream(url):
                return requests.get(url, stream=True, timeout=30)
            def handler(pd):
                r = open_stream(pd.inputs["url"])
                for chunk in r.iter_content(65536):
                    pass
        """, line=5),
    ]

    def scope_ended(self, scope) -> None:
        for thing in scope.things:
            if isinstance(thing, Response) and thing.stream:
                self._judge(thing)

    def _judge(self, stream: Response) -> None:
        call = stream.origin
        read = next((use.detail for use in stream.uses if use.kind == READ and use.detail in WHOLE_BODY_READS), None)
        if read is not None:
            shown = f".{read}()" if read == "json" else f".{read}"
            self.report(
                call,
                f"`stream=True` response read whole with `{shown}`: streaming gains nothing; "
                "drop `stream=True`, or read it in chunks with `iter_content(chunk_size=65536)`",
            )
        elif not stream.closed:
            callee = dotted_name(call.func) or "requests.get"
            use = (
                f"use `with {callee}(...) as r:` (it returns a `stream=True` response)" if stream.via
                else f"use `with {callee}(..., stream=True) as r:`"
            )
            self.report(
                call,
                "`stream=True` response never closed: its connection leaks until garbage collection; "
                f"{use} or close it in a `finally:`",
            )
