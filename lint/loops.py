"""Loops that send requests: does a loop repeat a request with nothing that ends it in bounded time?

A loop repeats a request without a bound when its body sends a request (`Model.sends_request`) and
- its header never ends it by itself: `while True:` (any truthy constant), `while not done:` /
  `while running:` on a flag the body only sets to constants or to a test of a response, a test on
  what the body's own requests returned (`while r.status_code != 200:`, `while job["status"] in
  (...)`), or `for ... in itertools.count()`;
- nothing in it counts attempts (a name the body increments, tested in the header, in an `if` of
  the body, or in the value given to the flag), watches the clock (`time.time()`, `monotonic()`,
  `datetime.now()`, or a name bound to one, in one of those tests), or moves on to other data (a
  value the request is sent with is advanced: `page += 1`, `url = data["next"]`, `cursor =
  body.get("next_cursor")`, `item = queue.pop()` — pagination ends when the data does);
- and it can run more than once (not every pass through its body ends in `break`, `return` or
  `raise` with no `continue` before).

Read by PD120 (report such a loop) and PD117 (an `except` that retries inside such a loop has no
last attempt after which the failure could surface). Ask when the walk leaves the loop: the whole
body has been seen then.
"""

from __future__ import annotations

import ast

from .model import Model, string_value
from .secrets import name_words
from .walker import children

TIME_CALLS = frozenset(
    {
        "time.time", "time.monotonic", "time.perf_counter", "time.time_ns", "time.monotonic_ns",
        "time.perf_counter_ns", "datetime.datetime.now", "datetime.datetime.utcnow",
        "datetime.datetime.today", "datetime.date.today",
    }
)
ENDLESS_ITERATORS = frozenset({"itertools.count", "itertools.cycle"})
# Words of a key, attribute or name that says "where the next page starts".
PAGINATION_WORDS = frozenset(
    {
        "next", "cursor", "offset", "page", "pages", "after", "before", "since", "marker",
        "continuation", "skip", "start", "last", "link", "links", "paging", "pagination",
    }
)
CONSUMING_METHODS = frozenset({"pop", "popleft", "popitem", "readline", "get_nowait", "__next__"})
_NESTED_SCOPES = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda})
_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_TESTED = frozenset({ast.If, ast.IfExp, ast.Assert})
_HEADER_WIDTH = 40


class RepeatedRequest:
    """A loop that repeats a request with no bound; `header` is its first line, shortened."""

    __slots__ = ("loop", "header")

    def __init__(self, loop: ast.While | ast.For | ast.AsyncFor, header: str) -> None:
        self.loop, self.header = loop, header


def repeated_request(model: Model, loop: ast.AST) -> RepeatedRequest | None:
    """The loop, if it repeats a request with nothing that bounds it (see the module's docstring)."""
    if not isinstance(loop, _LOOPS) or not _sends(model, loop):
        return None
    body = _Body(loop.body)
    if isinstance(loop, ast.While):
        tests = _while_candidate(model, loop, body)
    else:
        tests = [] if _endless_iterator(model, loop.iter) else None
    if tests is None:
        return None
    tests = tests + body.tests
    tested = set().union(*(_names(test) for test in tests)) if tests else set()
    if body.counters & tested:
        return None
    if any(_watches_clock(model, test, body) for test in tests):
        return None
    if _advanced_inputs(model, body):
        return None
    if _always_leaves(loop.body) and not body.continues:
        return None
    return RepeatedRequest(loop, _header(loop))


def _always_leaves(block: list[ast.stmt]) -> bool:
    """Does every pass through `block` end in `break`, `return` or `raise`?"""
    if not block:
        return False
    last = block[-1]
    if isinstance(last, (ast.Break, ast.Return, ast.Raise)):
        return True
    return isinstance(last, ast.If) and _always_leaves(last.body) and _always_leaves(last.orelse)


def _sends(model: Model, loop: ast.AST) -> bool:
    if any(model.sends_request(statement) for statement in loop.body):
        return True
    return isinstance(loop, ast.While) and model.sends_request(loop.test)


class _Body:
    """What a loop's body does, its nested functions and classes left out."""

    def __init__(self, statements: list[ast.stmt]) -> None:
        self.values: dict[str, list[ast.expr | None]] = {}  # name -> values bound (None: not known)
        self.counters: set[str] = set()
        self.tests: list[ast.expr] = []
        self.calls: list[ast.Call] = []
        self.continues = False
        for statement in statements:
            self._visit(statement, nested_loop=False)

    def _visit(self, node: ast.AST, nested_loop: bool) -> None:
        cls = node.__class__
        if cls in _NESTED_SCOPES:
            return
        if cls is ast.Assign:
            for target in node.targets:  # type: ignore[attr-defined]
                self._bind(target, node.value)  # type: ignore[attr-defined]
        elif cls is ast.AnnAssign or cls is ast.NamedExpr:
            if node.value is not None:  # type: ignore[attr-defined]
                self._bind(node.target, node.value)  # type: ignore[attr-defined]
        elif cls is ast.AugAssign:
            root = _root_name(node.target)  # type: ignore[attr-defined]
            if root is not None:
                self.counters.add(root)
        elif cls in _LOOPS:
            if cls is not ast.While:
                self._bind(node.target, None)  # type: ignore[attr-defined]
        elif cls is ast.With or cls is ast.AsyncWith:
            for item in node.items:  # type: ignore[attr-defined]
                if item.optional_vars is not None:
                    self._bind(item.optional_vars, None)
        elif cls in _TESTED:
            self.tests.append(node.test)  # type: ignore[attr-defined]
        elif cls is ast.Continue and not nested_loop:
            self.continues = True
        elif cls is ast.Call:
            self.calls.append(node)  # type: ignore[arg-type]
            func = node.func  # type: ignore[attr-defined]
            if func.__class__ is ast.Attribute and func.attr not in {"get", "copy"}:
                root = _root_name(func.value)
                if root is not None:  # `params.update(...)`, `queue.pop()`: the object changes
                    self.values.setdefault(root, []).append(node)  # type: ignore[arg-type]
        if cls is ast.While:
            self.tests.append(node.test)  # type: ignore[attr-defined]
        inner_loop = nested_loop or cls in _LOOPS
        for child in children(node):
            self._visit(child, inner_loop)

    def _bind(self, target: ast.AST, value: ast.expr | None) -> None:
        if isinstance(target, ast.Name):
            self.values.setdefault(target.id, []).append(value)
            if isinstance(value, ast.BinOp) and any(
                isinstance(side, ast.Name) and side.id == target.id for side in (value.left, value.right)
            ):
                self.counters.add(target.id)  # `page = page + 1`
        elif isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._bind(element, None)
        elif isinstance(target, ast.Starred):
            self._bind(target.value, None)
        else:
            root = _root_name(target)
            if root is not None:  # `params["cursor"] = ...`, `state.page = ...`
                self.values.setdefault(root, []).append(value)


def _while_candidate(model: Model, loop: ast.While, body: _Body) -> list[ast.expr] | None:
    """The tests that count as the loop's own (the header, a flag's values) when the header never
    ends the loop by itself; None when it may (`while items:`, `while i < n:`)."""
    test = loop.test
    if isinstance(test, ast.Constant):
        return [] if test.value else None
    flag = test.operand if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) else test
    if isinstance(flag, ast.Name):
        values = body.values.get(flag.id)
        if values and all(value is not None and _is_boolean(value) for value in values):
            return [test, *values]
    if model.sends_request(test):
        return [test]
    if _names(test) & _request_results(model, body):
        return [test]
    return None


def _is_boolean(value: ast.expr) -> bool:
    """A constant, or a test: what a flag holds."""
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, (ast.Compare, ast.BoolOp)):
        return True
    if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not):
        return True
    return isinstance(value, ast.Attribute) and value.attr == "ok"


def _request_results(model: Model, body: _Body) -> set[str]:
    """Names the body binds to what one of its requests returned, directly or through each other."""
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, values in body.values.items():
            if name in found:
                continue
            for value in values:
                if value is not None and (model.sends_request(value) or _names(value) & found):
                    found.add(name)
                    changed = True
                    break
    return found


def _endless_iterator(model: Model, node: ast.expr) -> bool:
    if not isinstance(node, ast.Call):
        return False
    qualified = model.qualified_name(node.func)
    if qualified in ENDLESS_ITERATORS:
        return True
    return qualified == "itertools.repeat" and len(node.args) == 1 and not node.keywords


def _watches_clock(model: Model, test: ast.expr, body: _Body) -> bool:
    if _calls_clock(model, test):
        return True
    for name in _names(test):
        bound = model.lookup(name)
        if isinstance(bound, ast.expr) and _calls_clock(model, bound):
            return True
        if any(value is not None and _calls_clock(model, value) for value in body.values.get(name, ())):
            return True
    return False


def _calls_clock(model: Model, node: ast.AST) -> bool:
    return any(
        isinstance(inner, ast.Call) and model.qualified_name(inner.func) in TIME_CALLS
        for inner in ast.walk(node)
    )


def _advanced_inputs(model: Model, body: _Body) -> bool:
    """Is a value the body's requests are sent with moved on from one pass to the next?"""
    inputs: set[str] = set()
    for call in body.calls:
        if not model.sends_request(call):
            continue
        for argument in (*call.args, *(keyword.value for keyword in call.keywords)):
            inputs |= _names(argument)
    for name in list(inputs):
        bound = model.lookup(name)
        if isinstance(bound, ast.expr):
            inputs |= _names(bound)  # `params = {"cursor": cursor}` built before the loop
    for name in inputs:
        if name in body.counters:
            return True
        for value in body.values.get(name, ()):
            if value is not None and _moves_on(name, value):
                return True
    return False


def _moves_on(name: str, value: ast.expr) -> bool:
    """Does binding `name` to `value` move to the next page or item: a pagination word in the name
    or in the keys and attributes the value reads, or an item taken off a queue or a file?"""
    if not isinstance(value, ast.Constant) and PAGINATION_WORDS.intersection(name_words(name)):
        return True
    for inner in ast.walk(value):
        if isinstance(inner, ast.Call):
            func = inner.func
            if isinstance(func, ast.Attribute) and func.attr in CONSUMING_METHODS:
                return True
            if isinstance(func, ast.Name) and func.id == "next":
                return True
        words = _read_words(inner)
        if words and PAGINATION_WORDS.intersection(words):
            return True
    return False


def _read_words(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Subscript):
        key = string_value(node.slice)
        return name_words(key) if key else []
    if isinstance(node, ast.Attribute):
        return name_words(node.attr)
    if isinstance(node, ast.Name):
        return name_words(node.id)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        key = string_value(node.args[0]) if node.args else None
        return name_words(key) if key else []
    return []


def _names(node: ast.AST) -> set[str]:
    return {inner.id for inner in ast.walk(node) if isinstance(inner, ast.Name)}


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _header(loop: ast.While | ast.For | ast.AsyncFor) -> str:
    if isinstance(loop, ast.While):
        text = f"while {ast.unparse(loop.test)}:"
    else:
        keyword = "async for" if isinstance(loop, ast.AsyncFor) else "for"
        text = f"{keyword} {ast.unparse(loop.target)} in {ast.unparse(loop.iter)}:"
    if len(text) > _HEADER_WIDTH:
        text = text[: _HEADER_WIDTH - 4] + "...:"
    return text
