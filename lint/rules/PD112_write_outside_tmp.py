"""PD112 write-outside-tmp: a file opened for writing at a literal absolute path outside `/tmp`."""

from __future__ import annotations

import ast
import posixpath
from dataclasses import dataclass

from ..model import OPEN_FUNCTIONS
from ..nodes import argument, positional_args, string_value
from ..templates import has_hole, literal_prefix, template_of
from .base import Invalid, Rule, Valid

WRITE_MODE_CHARS = frozenset("wax+")
PATH_WRITERS = frozenset({"write_text", "write_bytes"})
PATH_JOINERS = frozenset({"os.path.join", "posixpath.join"})
PATH_KEEPING = frozenset({"resolve", "absolute", "expanduser"})
PATH_SIBLINGS = frozenset({"with_suffix", "with_name", "with_stem"})
DEVICE_FILES = frozenset({"/dev/null", "/dev/stdout", "/dev/stderr"})
_MAX_DEPTH = 6
OPEN_PARAMETERS = ("file", "mode")  # open(file, mode='r', ...); Path.open(mode='r', ...)


@dataclass(frozen=True)
class _Where:
    """A path known from the code: `exact` the whole path, else only a directory it lies under."""

    path: str
    exact: bool


def _normal(path: str) -> str:
    normal = posixpath.normpath(path)
    return "/" + normal.lstrip("/") if normal.startswith("/") else normal


def _directory_of(prefix: str) -> _Where | None:
    """The directory an absolute path's literal prefix fixes: `/data/` of `f"/data/{name}"`."""
    if not prefix.startswith("/"):
        return None
    directory = prefix[: prefix.rfind("/")]
    if not directory.strip("/"):
        return None  # `f"/{name}"`: could be anywhere, `/tmp` included
    return _Where(_normal(directory), exact=False)


def _within(place: _Where, component: ast.expr, model, depth: int) -> _Where | None:
    """`place / component` (`Path(place, component)`, `os.path.join(place, component)`)."""
    template = template_of(component, model)
    if template is None:
        resolved = model.value_of(component)
        template = template_of(resolved, model) if resolved is not component else None
    if template is None:
        return place if not place.exact else _Where(place.path, exact=False)
    if not has_hole(template):
        text = literal_prefix(template)
        if text.startswith("/"):
            return _Where(_normal(text), exact=True)
        if place.exact:
            return _Where(_normal(posixpath.join(place.path, text)), exact=True)
        return place
    prefix = literal_prefix(template)
    if prefix.startswith("/"):
        return _directory_of(prefix)
    if place.exact and "/" in prefix:
        return _Where(_normal(posixpath.join(place.path, prefix[: prefix.rfind("/")])), exact=False)
    return _Where(place.path, exact=False) if place.exact else place


class WriteOutsideTmp(Rule):
    code = "PD112"
    name = "write-outside-tmp"
    summary = "file written outside `/tmp`, the only writable directory of a step: write under `/tmp/`"

    VALID = [
        Valid("""
            def handler(pd):
                with open("/tmp/file.html", "wb") as file:
                    file.write(b"<html></html>")
        """),
        Valid("""
            def handler(pd):
                with open("/etc/ssl/certs/ca-certificates.crt") as f:
                    return f.read()
        """),
        Valid("""
            import json
            def handler(pd):
                name = pd.inputs["name"]
                with open(f"/tmp/{name}.json", "w") as f:
                    json.dump(pd.steps["trigger"]["event"], f)
        """),
        Valid("""
            from pathlib import Path
            def handler(pd):
                out = Path("/tmp") / "exports" / "report.csv"
                out.write_text("a,b\\n1,2\\n")
        """),
        Valid("""
            import os
            def handler(pd):
                with open(os.path.join("/tmp", pd.inputs["filename"]), "wb") as f:
                    f.write(b"data")
        """),
        Valid("""
            def handler(pd):
                with open("output.txt", "w") as f:
                    f.write("relative paths are not this rule's business")
        """),
        Valid("""
            import sys
            with open("/dev/null", "w") as sink:
                print("quiet", file=sink)
        """),
        Valid("""
            def save(path, text):
                with open(path, "a") as f:
                    f.write(text)
        """),
        Valid("""
            from pathlib import Path
            config = Path("/etc/app/config.toml").read_text()
            data = Path("/data/in.bin").open("rb").read()
        """),
        Valid("""
            import io
            with io.open("/var/data/in.csv", mode="r", encoding="utf-8") as f:
                rows = f.readlines()
        """),
        Valid("""
            def handler(pd):
                with open(f"/{pd.inputs['dir']}/out.txt", "w") as f:
                    f.write("x")
        """),
    ]
    INVALID = [
        Invalid("""
            import json
            def handler(pd):
                with open("/data/out.json", "w") as f:
                    json.dump(pd.steps["trigger"]["event"], f)
        """, line=3),
        Invalid("""
            import io
            def handler(pd):
                with io.open("/var/log/step.log", mode="a") as log:
                    log.write("done\\n")
        """, line=3),
        Invalid("""
            from pathlib import Path
            def handler(pd):
                Path("/home/user/report.txt").write_text(pd.inputs["text"])
        """, line=3),
        Invalid("""
            import pathlib as pl
            def handler(pd):
                target = pl.Path("/srv/cache") / "image.png"
                with target.open("wb") as f:
                    f.write(b"...")
        """, line=4),
        Invalid("""
            def handler(pd):
                name = pd.inputs["name"]
                with open(f"/data/{name}.csv", "w", newline="") as f:
                    f.write("a,b")
        """, line=3),
        Invalid("""
            OUTPUT = "/output/result.json"
            def handler(pd):
                with open(OUTPUT, mode="x") as f:
                    f.write("{}")
        """, line=3),
        Invalid("""
            import os
            def handler(pd):
                path = os.path.join("/var/data", pd.inputs["filename"])
                with open(path, "wb") as f:
                    f.write(b"payload")
        """, line=4),
        Invalid("""
            from pathlib import Path as P
            P("/opt/app/cache.bin").write_bytes(b"\\x00")
        """, line=2),
        Invalid("""
            def handler(pd):
                with open("/tmpfiles/" + pd.inputs["name"], "r+") as f:
                    f.write("x")
        """, line=2),
        Invalid("""
            import requests
            def handler(pd):
                with requests.get("https://example.com/big.zip", stream=True, timeout=30) as r:
                    r.raise_for_status()
                    with open("/downloads/big.zip", "wb") as f:
                        for chunk in r.iter_content(chunk_size=65536):
                            f.write(chunk)
        """, line=5),
        Invalid("""
            from pathlib import Path
            log = Path("/tmp/../var/log/app.log")
            log.open(mode="a").write("x")
        """, line=3),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        target = self._written_path(node)
        if target is None:
            return
        place = self._where(target, 0)
        if place is None or _allowed(place):
            return
        what = f"`{place.path}`" if place.exact else f"a file under `{place.path}/`"
        self.report(
            node,
            f"writing {what}: `/tmp` is the only writable directory of a step; "
            "write the file under `/tmp/` instead",
        )

    # --- which calls write, and to what path expression ------------------------------------
    def _written_path(self, call: ast.Call) -> ast.expr | None:
        model = self.model
        qualified = model.qualified_name(call.func)
        if qualified in OPEN_FUNCTIONS:
            file = argument(call, "file", OPEN_PARAMETERS) or argument(call, "filename", OPEN_PARAMETERS)
            mode = argument(call, "mode", OPEN_PARAMETERS)
            return file if file is not None and self._writes(mode) else None
        func = call.func
        if qualified is not None or not isinstance(func, ast.Attribute):
            return None
        method = func.attr
        if method in PATH_WRITERS and model.is_path(func.value):
            return func.value
        if method == "open" and model.is_path(func.value) and self._writes(argument(call, "mode", ("mode",))):
            return func.value
        return None

    def _writes(self, mode: ast.expr | None) -> bool:
        if mode is None:
            return False  # the default mode "r" only reads
        text = string_value(self.model.value_of(mode))
        return text is not None and bool(WRITE_MODE_CHARS & set(text))

    # --- where a path expression points ------------------------------------------------------
    def _where(self, node: ast.expr, depth: int) -> _Where | None:
        if depth > _MAX_DEPTH:
            return None
        model = self.model
        template = template_of(node, model)
        if template is not None:
            if not has_hole(template):
                text = literal_prefix(template)
                return _Where(_normal(text), exact=True) if text.startswith("/") else None
            return _directory_of(literal_prefix(template))
        if isinstance(node, (ast.Name, ast.Attribute)):
            bound = model.value_of(node)
            if bound is None or bound is node:
                return None
            return self._where(bound, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            if not model.is_path(node.left):
                return None
            return self._join(self._where(node.left, depth + 1), [node.right], depth)
        if isinstance(node, ast.Call):
            return self._where_call(node, depth)
        return None

    def _where_call(self, call: ast.Call, depth: int) -> _Where | None:
        model = self.model
        positional = positional_args(call)
        if call.keywords or len(positional) != len(call.args) or not positional:
            if model.is_path(call) and isinstance(call.func, ast.Attribute):
                return self._where_method(call, depth)
            return None
        qualified = model.qualified_name(call.func)
        if qualified in PATH_JOINERS or (qualified is not None and model.is_path(call)):
            return self._join(self._where(positional[0], depth + 1), positional[1:], depth)
        if isinstance(call.func, ast.Attribute) and model.is_path(call):
            return self._where_method(call, depth)
        return None

    def _where_method(self, call: ast.Call, depth: int) -> _Where | None:
        func = call.func
        assert isinstance(func, ast.Attribute)
        base = self._where(func.value, depth + 1)
        method = func.attr
        if base is None:
            return None
        if method == "joinpath":
            return self._join(base, positional_args(call), depth)
        if method in PATH_KEEPING:
            return base
        if method in PATH_SIBLINGS:
            return _Where(posixpath.dirname(base.path) or "/", exact=False) if base.exact else base
        return None

    def _join(self, place: _Where | None, components: list[ast.expr], depth: int) -> _Where | None:
        for component in components:
            if place is None:
                return None
            place = _within(place, component, self.model, depth)
        if place is not None and not place.path.startswith("/"):
            return None
        return place


def _allowed(place: _Where) -> bool:
    path = place.path
    if path == "/tmp" or path.startswith("/tmp/"):
        return True
    if place.exact:
        return path in DEVICE_FILES
    return path == "/dev" or path.startswith("/dev/")  # `/dev/{stream}`: cannot tell which device
