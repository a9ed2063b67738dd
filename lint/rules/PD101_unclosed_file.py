"""PD101 unclosed-file: a file opened and not closed deterministically."""

from __future__ import annotations

import ast

from ..objects import OpenFile
from ..occurrence import alone_on_its_line, block_of, statement_in_a_suite
from ..plans import HoistIntoWith, WrapInWith
from .base import Invalid, Rule, Valid


class UnclosedFile(Rule):
    code = "PD101"
    name = "unclosed-file"
    summary = (
        "file opened but not closed deterministically: use `with open(...) as f:` "
        "(and keep the request inside that block)"
    )
    fix_safety = "unsafe"

    VALID = [
        Valid("""
            def handler(pd):
                with open("/tmp/data.json") as f:
                    return f.read()
        """),
        Valid("""
            import requests
            def handler(pd):
                with open("/tmp/logo.png", "rb") as image:
                    r = requests.post("https://api.example.com/upload", files={"image": image}, timeout=30)
                    r.raise_for_status()
        """),
        Valid("""
            import contextlib
            def handler(pd):
                with contextlib.ExitStack() as stack:
                    files = [stack.enter_context(open(p, "rb")) for p in pd.inputs["paths"]]
        """),
        Valid("""
            def handler(pd):
                f = open("/tmp/out.txt", "w")
                try:
                    f.write("x")
                finally:
                    f.close()
        """),
        Valid("""
            def open_log(path):
                return open(path, "a")
        """),
        Valid("""
            from pathlib import Path
            def handler(pd):
                with Path("/tmp/a.txt").open() as f:
                    return f.read()
        """),
        Valid("""
            import webbrowser
            def handler(pd):
                webbrowser.open("https://example.com")
        """),
        Valid("""
            def handler(pd):
                f = open("/tmp/a.txt")
                with f:
                    return f.read()
        """),
        Valid("""
            from contextlib import closing
            def handler(pd):
                with closing(open("/tmp/a.txt")) as f:
                    return f.read()
        """),
        Valid("""
            def open_log(path):
                return open(path, "a")
            def handler(pd):
                with open_log("/tmp/step.log") as log:
                    log.write("started")
                return open("/tmp/a.txt"), "a.txt"
        """),
    ]
    INVALID = [
        Invalid("""
            files = {"image": open("/tmp/python-logo.png", "rb")}
        """, line=1),
        # the platform guide's upload: the statements up to the last use of `files` go into the `with`
        Invalid("""
            import requests
            def handler(pd):
                # Retrieving a previously saved file from workflow storage
                files = {"image": open("/tmp/python-logo.png", "rb")}  # the logo

                r = requests.post(url="https://api.imgur.com/3/image", files=files)
                r.raise_for_status()
                return r.json()
        """, line=4, expected_fix="""
            import requests
            def handler(pd):
                # Retrieving a previously saved file from workflow storage
                with open("/tmp/python-logo.png", "rb") as f:
                    files = {"image": f}  # the logo

                    r = requests.post(url="https://api.imgur.com/3/image", files=files)
                r.raise_for_status()
                return r.json()
        """),
        Invalid("""
            import requests
            def handler(pd):
                parts = [("a", ("a.png", open("/tmp/a.png", "rb"))), ("b", ("b.png", open("/tmp/b.png", "rb")))]
                if pd.inputs.get("dry_run"):
                    return None
                requests.post(pd.inputs["url"], files=parts, timeout=30).raise_for_status()
        """, line=3, expected_fix="""
            import requests
            def handler(pd):
                with open("/tmp/a.png", "rb") as f, open("/tmp/b.png", "rb") as f2:
                    parts = [("a", ("a.png", f)), ("b", ("b.png", f2))]
                    if pd.inputs.get("dry_run"):
                        return None
                    requests.post(pd.inputs["url"], files=parts, timeout=30).raise_for_status()
        """),
        Invalid("""
            from requests_toolbelt.multipart.encoder import MultipartEncoder
            m = MultipartEncoder(fields={
                'file': ('filename', open('/tmp/file.pdf', 'rb'), 'application/pdf')
            })
        """, line=3),
        Invalid("""
            def handler(pd):
                return open("/tmp/data.json").read()
        """, line=2),
        Invalid("""
            import requests
            def handler(pd):
                with requests.post("https://x.io", data=open("/tmp/a.bin", "rb"), timeout=5) as r:
                    r.raise_for_status()
        """, line=3, expected_fix="""
            import requests
            def handler(pd):
                with open("/tmp/a.bin", "rb") as f:
                    with requests.post("https://x.io", data=f, timeout=5) as r:
                        r.raise_for_status()
        """),
        Invalid("""
            import json
            def handler(pd, f):
                config = json.load(open("/tmp/config.json"))  # settings
        """, line=3, expected_fix="""
            import json
            def handler(pd, f):
                with open("/tmp/config.json") as f2:
                    config = json.load(f2)  # settings
        """),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.post(
                    "https://api.example.com/upload",
                    files={"image": open("/tmp/a.png", "rb"), "thumb": open("/tmp/b.png", "rb")},
                    timeout=30,
                )
                r.raise_for_status()
        """, line=5, expected_fix="""
            import requests
            def handler(pd):
                with open("/tmp/a.png", "rb") as f, open("/tmp/b.png", "rb") as f2:
                    r = requests.post(
                        "https://api.example.com/upload",
                        files={"image": f, "thumb": f2},
                        timeout=30,
                    )
                r.raise_for_status()
        """),
        Invalid("""
            def handler(pd):
                f = open("/tmp/out.txt", "w")  # the report
                f.write("hello")
                # all written
                f.close()  # done
        """, line=2, expected_fix="""
            def handler(pd):
                with open("/tmp/out.txt", "w") as f:  # the report
                    f.write("hello")
                    # all written
                    # done
        """),
        Invalid("""
            import io
            def handler(pd):
                f = io.open("/tmp/out.txt", "w")
                f.write("hello")
        """, line=3),
        Invalid("""
            from pathlib import Path
            def handler(pd):
                data = Path("/tmp/in.csv").open().readlines()
        """, line=3),
        Invalid("""
            import pathlib
            def handler(pd):
                p = pathlib.Path("/tmp") / "out.bin"
                handle = p.open("wb")
                handle.write(b"x")
        """, line=4),
        # a local function that returns an open file hands it to the caller to close
        Invalid("""
            def open_log(path):
                return open(path, "a")
            def handler(pd):
                log = open_log("/tmp/step.log")
                log.write("started")
        """, line=4),
    ]

    def __init__(self, context) -> None:
        super().__init__(context)
        self._hoisted_names: dict[int, list[str]] = {}  # statement id -> names given to its opens
        self._hoists: dict[int, HoistIntoWith] = {}  # open(...) call id -> its plan

    def scope_ended(self, scope) -> None:
        for thing in scope.things:
            if isinstance(thing, OpenFile) and not thing.closed:
                plan = self._with_block(thing) if thing.names else self._hoists.get(id(thing.origin))
                self.report(thing.origin, fix=None if plan is None else self.plan_fix(plan))

    def visit_Call(self, node: ast.Call) -> None:
        """An `open(...)` not bound to a name may be hoisted into a `with` around its statement;
        the plan is made here, where the call's ancestors are known, and used if it leaks."""
        if self.model.is_open_call(node) and not isinstance(self.parents[-1], (ast.Assign, ast.AnnAssign)):
            hoist = self._hoist(node)
            if hoist is not None:
                self._hoists[id(node)] = hoist

    def _with_block(self, opened: OpenFile) -> WrapInWith | None:
        """`f = open(...)` ... `f.close()` in one block becomes a `with` block."""
        if opened.via is not None:
            return None
        binding = opened.names[0]
        statement, owner = binding.site, binding.owner
        if not isinstance(statement, (ast.Assign, ast.AnnAssign)) or owner is None:
            return None
        found = block_of(owner, statement)
        if found is None or statement_in_a_suite(statement, owner):
            return None
        return _with_block(found[1], statement, opened.origin, binding.name)

    def _hoist(self, call: ast.Call) -> HoistIntoWith | None:
        """`requests.post(u, files={"f": open(p, "rb")})` -> `with open(p, "rb") as f:` around
        the statement, when the `open(...)` is (in a literal) an argument of a call that is done
        with the file when it returns, evaluated once, in a statement on lines of its own."""
        parents = self.parents
        consumer = None
        for depth in range(len(parents) - 1, -1, -1):
            parent = parents[depth]
            if isinstance(parent, ast.stmt):
                statement, owner = parent, parents[depth - 1] if depth else None
                break
            if isinstance(parent, _NOT_ACROSS):
                return None
            if isinstance(parent, ast.Call) and consumer is None:
                if any(parent.func is inner for inner in [*parents[depth + 1:], call]):
                    return None  # `open(...).read()`: the file is the receiver, not an argument
                consumer = parent
        else:
            return None
        if consumer is None:
            return self._hoist_bound(call, statement, owner, parents[depth + 1:])
        if isinstance(statement, (ast.While, ast.AsyncFor, ast.AsyncWith)):
            return None
        if not (self.model.request_call(consumer) is not None
                or self.model.qualified_name(consumer.func) in _CONSUMERS):
            return None
        if owner is None or not alone_on_its_line(statement, owner):
            return None
        return HoistIntoWith(statement, call, self._file_name(statement))

    def _hoist_bound(self, call: ast.Call, statement: ast.stmt, owner: ast.AST | None,
                     path: list[ast.AST]) -> HoistIntoWith | None:
        """`files = {"image": open(p, "rb")}` and, later in the block, `requests.post(u,
        files=files)` -> the statements from the assignment to the last use of `files` in
        `with open(p, "rb") as f:`, when the open sits in literals only, `files` is bound once and
        every use of it is an argument of a request (or of a call done with the file when it
        returns) in those statements, each on lines of its own."""
        if not path or not all(isinstance(node, _LITERALS) for node in path):
            return None
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name) and statement.value is path[0]):
            return None
        found = block_of(owner, statement) if owner is not None else None
        if found is None or statement_in_a_suite(statement, owner):
            return None
        body, target = found[1], statement.targets[0]
        start = next(i for i, item in enumerate(body) if item is statement)
        uses = [node for node in ast.walk(self._scope()) if isinstance(node, ast.Name)
                and node.id == target.id and node is not target]
        inside = {id(node): index for index in range(start + 1, len(body)) for node in ast.walk(body[index])}
        if not uses or any(id(node) not in inside for node in uses):
            return None
        last = max(inside[id(node)] for node in uses)
        if not all(_alone(body, index) for index in range(start, last + 1)):
            return None
        parent = {id(child): node for index in range(start + 1, last + 1)
                  for node in ast.walk(body[index]) for child in ast.iter_child_nodes(node)}
        if not all(isinstance(node.ctx, ast.Load) and self._consumed(node, parent) for node in uses):
            return None
        return HoistIntoWith(statement, call, self._file_name(statement), through=body[last])

    def _consumed(self, use: ast.Name, parent: dict[int, ast.AST]) -> bool:
        """Is `use` an argument of a call that is done with the file when it returns, evaluated
        where it stands (not in a function, lambda or comprehension defined there)?"""
        holder = parent.get(id(use))
        if isinstance(holder, ast.keyword):
            holder = parent.get(id(holder))
        if not isinstance(holder, ast.Call) or use is holder.func:
            return False
        if not (self.model.request_call(holder) is not None
                or self.model.qualified_name(holder.func) in _CONSUMERS):
            return False
        node = parent.get(id(holder))
        while node is not None:
            if isinstance(node, (*_NOT_ACROSS, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                return False
            node = parent.get(id(node))
        return True

    def _scope(self) -> ast.AST:
        parents = self.parents
        return next((p for p in reversed(parents) if isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef))),
                    parents[0])

    def _file_name(self, statement: ast.stmt) -> str:
        """A new name for a file hoisted out of `statement` (the opens of one statement share its
        `with`: each gets a name of its own)."""
        taken = self._hoisted_names.setdefault(id(statement), [])
        name = _unused_name(self._scope(), taken)
        taken.append(name)
        return name


def _alone(body: list[ast.stmt], index: int) -> bool:
    """Is `body[index]` the only statement on its lines (no `;` neighbour, no one-line suite)?"""
    statement = body[index]
    if index > 0 and body[index - 1].end_lineno == statement.lineno:
        return False
    return not (index + 1 < len(body) and body[index + 1].lineno == statement.end_lineno)


def _is_close_of(statement: ast.stmt, name: str) -> bool:
    """Is `statement` exactly the call `name.close()`?"""
    if not isinstance(statement, ast.Expr):
        return False
    call = statement.value
    return (
        isinstance(call, ast.Call)
        and not call.args
        and not call.keywords
        and isinstance(call.func, ast.Attribute)
        and call.func.attr == "close"
        and isinstance(call.func.value, ast.Name)
        and call.func.value.id == name
    )


def _with_block(body: list[ast.stmt], statement: ast.stmt, call: ast.Call, name: str) -> WrapInWith | None:
    """`name = open(...)` ... `name.close()` in one block, each on a line of its own, something in
    between (each statement starting on a line of its own) -> those statements in
    `with open(...) as name:`."""
    start = next(i for i, item in enumerate(body) if item is statement)
    if not _alone(body, start):
        return None
    end = next(
        (i for i in range(start + 1, len(body)) if _is_close_of(body[i], name) and _alone(body, i)),
        None,
    )
    if end is None or end == start + 1:
        return None
    inner = body[start + 1 : end]
    if any(inner[i].lineno == inner[i - 1].end_lineno for i in range(1, len(inner))):
        return None  # `a; b` inside: a `with` block holds whole lines
    if any(
        isinstance(node, ast.Name) and node.id == name and not isinstance(node.ctx, ast.Load)
        for statement in inner for node in ast.walk(statement)
    ):
        return None  # `name` is bound again before the close: that close is not this file's
    return WrapInWith(tuple(inner), call, name, replaces=statement, closer=body[end])


# Calls that are done with a file once they return: an `open(...)` among their arguments can be
# hoisted into a `with` around the statement.
_CONSUMERS = frozenset({"json.load", "pickle.load", "csv.reader", "tomllib.load", "yaml.safe_load"})
# Literals an `open(...)` may sit in when the literal is bound to a name and the name is consumed.
_LITERALS = (ast.Dict, ast.List, ast.Tuple, ast.Set)
# Where an expression is evaluated lazily, conditionally or repeatedly: no hoisting across them.
_NOT_ACROSS = (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp, ast.IfExp,
               ast.BoolOp, ast.Await)
_FILE_NAMES = ("f",)


def _unused_name(scope: ast.AST, taken: list[str]) -> str:
    """A name for the opened file that nothing in `scope` uses yet (nor `taken`)."""
    used = set(taken)
    for node in ast.walk(scope):
        if isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.arg):
            used.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            used.add(node.name)
        elif isinstance(node, ast.alias):
            used.add(node.asname or node.name.split(".")[0])
    candidates = [*_FILE_NAMES, *(f"f{i}" for i in range(2, 100))]
    return next(name for name in candidates if name not in used)
