"""What the code means for HTTP: the one semantic model every rule reads.

The engine feeds the model during its single walk: the model's `visit_` handlers run before the
rules see a node and its `leave_` handlers after, so a rule always asks about the code as it stands
at the node it is looking at (bindings made so far, dicts as mutated so far). Nodes are CPython
`ast` nodes. Rules ask; they never re-derive.

Questions the rules ask (all methods of `Model` unless said otherwise):

Names and values
- `binding(name)` -> `Binding | None`: the binding a name (or `a.b` dotted name, `self.x` in a
  method: bound on the class) refers to here, with Python's scoping: functions, lambdas,
  comprehensions (a walrus binds in the enclosing function), class bodies, `global`/`nonlocal`.
  A binding has `value` (the expression bound; None when unknown: parameters, loop targets),
  `site` (the binding statement), `owner` (the node whose block holds it), `thing`, `imported`.
  `lookup(name)`: its value (a node, `UNKNOWN` when not known, None when never bound).
- `value_of(node)`: the expression a name was last bound to (one step); `resolve(node)`: followed
  a few steps. A value that refers to its own name (`url = url + "?q=" + q`) is read with the
  earlier binding; `url += ...` is bound as `url + ...`.
- `is_constant(node, "True"|"False"|"None")`, `string_of(node)`, `int_of(node)`: literal values,
  through names.
- `template(node, any_name=False)`: the text a string-building expression makes (f-strings, `+`,
  `%`, `.format`, names bound to constants followed), see `pdlint.templates`;
  `prefix_of(node)`: the literal text a string (a URL) certainly starts with, any name followed.
- `qualified_name(node)`: `requests.post` for `rq.post` / `send` / `requests.post`; None when the
  name is not an import. `is_json_dumps`, `is_open_call`, `is_path`, `dict_value(node)` (the dict
  literal a name is bound to).
- `local_function(call)`: the `def` in this file a call calls; `sends_request(node)`: does this
  statement / expression / function (as far as the walk has gone) send an HTTP request, directly
  or through a local function.

Objects (see `pdlint.objects`): responses, sessions, open files and dicts, one per creating place,
shared by every name that holds them.
- `thing_of(node)` -> the object an expression evaluates to: a request call's `Response`, a
  `Session` (`requests.Session()`, the well-known subclasses in `requests_api.SESSION_CLASSES`,
  local subclasses), an `OpenFile`, a `DictValue`; through names, `self.x`, walrus, `a if c else b`,
  and calls of local functions (and methods on `self`) that return one.
- `is_session(node)`.
- `thing.uses`: every use in walk order, as `Use(kind, node, detail)` with the kinds listed in
  `pdlint.objects` (checked / handed on: returned, passed, stored / read / used ...).
- `scope.things`: the objects a function (or the module) created; a rule that defines
  `scope_ended(scope)` is called with each function scope and the module scope as they end, after
  every use inside them is known.
- `entries_of(node)` -> `Entries`: a dict's string keys and values as they stand here (a literal,
  `dict(...)`, a name bound to one with later `d["k"] = v`, `d.update(...)`, `del d["k"]`,
  `**spreads`), or unknown; `session.headers` likewise, `session.auth` what `s.auth = ...` set.

Requests
- `request_call(call)` -> `RequestCall | None` (see `pdlint.requests_api`): `method`, `session`,
  `value(name)` / `node(name)` / `keyword(name)` for every argument by keyword or position as
  requests' signature defines it, `passes_kwargs`, `url`, `http_method`, `entries(name)`,
  `headers()` (the session's under the call's own), `auth()` (the call's, else the session's).

Step handlers (`pdlint.steps`, re-exported here): `step_context_name(function)`,
`has_pipedream_annotation`, `flow_exit_receiver(call)`, `parameters`.

Where an expression occurs (`pdlint.occurrence`): `context(expr, parents)`, `in_condition`,
`in_finally`; and `closes_its_argument(call)`, `closing_call_of(node, parents)`,
`is_logging_call(call)` here.
"""

from __future__ import annotations

import ast
from typing import Callable

from . import occurrence as where
from .nodes import (
    DictEntry,
    contains,
    dict_items,
    dict_string_keys,
    dotted_name,
    dumped_value,
    has_star_kwargs,
    is_literal,
    keyword,
    number_value,
    positional_args,
    string_value,
    target_values,
    unstarred,
)
from .objects import (
    CHECK,
    CLOSE,
    CLOSING,
    DISCARDED,
    PASSED,
    READ,
    RETURNED,
    STORED,
    UNKNOWN_AUTH,
    USED,
    WITH,
    DictValue,
    Entries,
    OpenFile,
    Response,
    Session,
    Thing,
    Use,
)
from .requests_api import (
    REQUEST_METHODS,
    SESSION_CLASSES,
    SESSION_WRAPPERS,
    RequestCall,
    canonical,
)
from .scopes import (
    CLASS,
    COMPREHENSION,
    FUNCTION,
    LAMBDA,
    MODULE,
    SELF_PREFIX,
    Binding,
    Scope,
    method_self_name,
    self_attribute,
)
from .steps import (
    FUNCTIONS,
    HANDLER_NAME,
    flow_exit_receiver,
    has_pipedream_annotation,
    parameters,
    step_context_name,
)
from .templates import Template, literal_prefix, template_of

__all__ = [
    "Binding", "DictEntry", "Entries", "FUNCTIONS", "HANDLER_NAME", "Model", "RequestCall", "Scope",
    "UNKNOWN", "dict_items", "dict_string_keys", "dotted_name", "dumped_value", "flow_exit_receiver",
    "has_pipedream_annotation", "has_star_kwargs", "keyword", "number_value", "parameters",
    "positional_args", "step_context_name", "string_value",
]

OPEN_FUNCTIONS = frozenset({"open", "io.open", "builtins.open", "codecs.open"})
PATH_CLASSES = frozenset(
    {"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.WindowsPath"}
)
PATH_METHODS_RETURNING_PATHS = frozenset(
    {"with_name", "with_suffix", "joinpath", "resolve", "absolute", "expanduser"}
)
JSON_DUMPS = "json.dumps"
SESSION_FACTORIES = frozenset(SESSION_CLASSES)
STATUS_ATTRIBUTES = frozenset({"ok", "status_code"})
BODY_READS = frozenset({"json", "text", "content", "iter_content", "iter_lines", "raw"})
CLOSING_WRAPPERS = frozenset({"contextlib.closing"})
LOGGING_METHODS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"}
)
# Builtins that look at a value without keeping it: printing, formatting, inspecting.
LOOKING_BUILTINS = frozenset(
    {"print", "pprint", "str", "repr", "format", "len", "type", "id", "isinstance", "hasattr",
     "getattr", "vars", "dir", "bool", "hash"}
)
DICT_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"})
_IMPLICIT_MODULES = frozenset({"requests", "json"})
_ASSIGNMENTS = frozenset({ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr})
# Calls that read a dict without keeping or changing it.
_READS_DICT = frozenset({"json.dumps", "copy.copy", "copy.deepcopy", "dict", "list", "sorted"})
_FOLLOW_DEPTH = 4
UNKNOWN = object()  # what `lookup` answers for a binding whose value the model cannot know


class Model:
    """Bindings, objects and request calls of one snippet, kept in step with the walk."""

    def __init__(self) -> None:
        self.module_scope = Scope(None, None, MODULE)
        self.scope = self.module_scope
        self.parents: list[ast.AST] = []  # the walker's ancestor stack (set by the engine)
        self.scope_end_listeners: list[Callable[[Scope], None]] = []
        self._requests: dict[int, RequestCall | None] = {}
        self._qualified: dict[int, str | None] = {}
        self._things: dict[int, Thing | None] = {}
        self._function_scopes: dict[int, Scope] = {}
        self._class_scopes: dict[int, Scope] = {}
        # ids of the nodes a request is sent from: the call, every enclosing node up to and
        # including the nearest function or lambda (see `visit_Call`)
        self._sending: set[int] = set()

    # =========================================================================================
    # Questions
    # =========================================================================================
    def binding(self, name: str) -> Binding | None:
        """The binding `name` (or a dotted `a.b`, `self.x`, `ClassName.x`) refers to here."""
        if "." in name:
            found = self_attribute(name, self.scope)
            if found is not None:
                klass, key = found
                binding = klass.bindings.get(key)
                if binding is None and key.count(".") == 1:
                    binding = klass.bindings.get(key[len(SELF_PREFIX):])  # a class attribute
                return binding
            head, _, attr = name.partition(".")
            if "." not in attr:
                owner = self.scope.lookup(head)
                if owner is not None and isinstance(owner.value, ast.ClassDef):
                    klass_scope = self._class_scopes.get(id(owner.value))
                    if klass_scope is not None and attr in klass_scope.bindings:
                        return klass_scope.bindings[attr]  # `Config.BASE_URL`
        return self.scope.lookup(name)

    def lookup(self, name: str) -> object | None:
        """The value bound to `name` here: a node, `UNKNOWN` when the model cannot know it (a
        parameter, a loop target, an import), None when the name was never bound."""
        binding = self.binding(name)
        if binding is None:
            return None
        return binding.value if binding.value is not None else UNKNOWN

    @property
    def imports(self) -> dict[str, str]:
        """alias -> qualified name of the imports visible here."""
        found: dict[str, str] = {}
        scope: Scope | None = self.scope
        while scope is not None:
            for name, binding in scope.bindings.items():
                if binding.imported is not None:
                    found.setdefault(name, binding.imported)
            scope = scope.parent
        return found

    def value_of(self, node: ast.AST | None) -> ast.AST | None:
        """Follow a name to the expression last assigned to it (one level of indirection)."""
        if isinstance(node, (ast.Name, ast.Attribute)):
            dotted = dotted_name(node)
            if dotted is not None:
                binding = self.binding(dotted)
                while (
                    binding is not None
                    and binding.site.__class__ in _ASSIGNMENTS
                    and contains(binding.site, node)
                ):
                    binding = binding.previous  # `x = x + 1`: the x on the right is the earlier one
                if binding is not None and isinstance(binding.value, ast.expr):
                    return binding.value
        return node

    def resolve(self, node: ast.AST | None) -> ast.AST | None:
        """Follow names to the expression they are bound to, a few levels deep."""
        for _ in range(_FOLLOW_DEPTH):
            if node is None:
                return None
            followed = self.value_of(node)
            if followed is node:
                return node
            node = followed
        return node

    def is_constant(self, node: ast.AST | None, constant: str) -> bool:
        """Is `node` the literal `True`/`False`/`None`, or a name bound to it?"""
        return is_literal(self.resolve(node), constant)

    def string_of(self, node: ast.AST | None) -> str | None:
        return string_value(self.resolve(node))

    def int_of(self, node: ast.AST | None) -> int | None:
        value = self.resolve(node)
        if isinstance(value, ast.Constant) and type(value.value) is int:
            return value.value
        return None

    def template(self, node: ast.AST | None, any_name: bool = False) -> Template | None:
        """The template of a string-building expression (a name followed to one first)."""
        found = template_of(node, self, any_name=any_name)
        if found is None and isinstance(node, (ast.Name, ast.Attribute)):
            bound = self.resolve(node)
            if bound is not node:
                found = template_of(bound, self, any_name=any_name)
        return found

    def prefix_of(self, node: ast.AST | None) -> str | None:
        """The literal text a string expression (a URL, a header value) certainly starts with; None
        when unknown."""
        found = self.template(node, any_name=True)
        return None if found is None else literal_prefix(found)

    def qualified_name(self, node: ast.AST) -> str | None:
        """`requests.post` for `rq.post`, `send`, `requests.post`; None when not an import.
        (Asked of one node by many rules at the same point of the walk: answered once.)"""
        key = id(node)
        if key in self._qualified:
            return self._qualified[key]
        found = self._qualify(node)
        self._qualified[key] = found
        return found

    def _qualify(self, node: ast.AST) -> str | None:
        dotted = dotted_name(node)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        binding = self.scope.lookup(head)
        if binding is not None:
            if binding.imported is None:
                return None
            base = binding.imported
        elif head in _IMPLICIT_MODULES:
            base = head
        elif head == "open" and not rest:
            return "open"
        else:
            return None
        return canonical(f"{base}.{rest}") if rest else base

    def is_json_dumps(self, node: ast.AST | None) -> bool:
        return isinstance(node, ast.Call) and self.qualified_name(node.func) == JSON_DUMPS

    def is_open_call(self, call: ast.Call) -> bool:
        """`open(...)`, `io.open(...)`, or `.open(...)` on a pathlib path."""
        qualified = self.qualified_name(call.func)
        if qualified in OPEN_FUNCTIONS:
            return True
        func = call.func
        return (
            qualified is None
            and isinstance(func, ast.Attribute)
            and func.attr == "open"
            and self.is_path(func.value)
        )

    def is_path(self, node: ast.AST, _depth: int = 0) -> bool:
        if _depth > 16:
            return False  # `p = p / "x"` binds p to an expression that refers to p itself
        node = self.value_of(node) or node
        if isinstance(node, ast.Call):
            if self.qualified_name(node.func) in PATH_CLASSES:
                return True
            return (
                isinstance(node.func, ast.Attribute)
                and node.func.attr in PATH_METHODS_RETURNING_PATHS
                and self.is_path(node.func.value, _depth + 1)
            )
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self.is_path(node.left, _depth + 1)
        return False

    def dict_value(self, node: ast.AST | None) -> ast.Dict | None:
        """The dict literal an expression is, or a name is bound to."""
        value = self.value_of(node)
        return value if isinstance(value, ast.Dict) else None

    def local_function(self, call: ast.Call) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
        """The function defined in this file (and bound to the name) that `call` calls, if any:
        `helper(...)`, or `self.helper(...)` in a method."""
        found = self._local_definition(call.func)
        return found if isinstance(found, FUNCTIONS) else None

    def sends_request(self, node: ast.AST) -> bool:
        """Does `node` (a statement, an expression, a function), as far as the walk has seen it,
        send an HTTP request: a `requests` call inside it, not inside a function nested in it, or a
        call of a function defined earlier in the file that sends one?"""
        return id(node) in self._sending

    # --- objects --------------------------------------------------------------------------------
    def thing_of(self, node: ast.AST | None) -> Thing | None:
        """The object the expression evaluates to, when the model follows it."""
        for _ in range(8):
            cls = node.__class__
            if cls is ast.Name:
                binding = self.scope.lookup(node.id)  # type: ignore[union-attr]
                return None if binding is None else binding.thing
            if cls is ast.Call:
                return self.thing_of_call(node)  # type: ignore[arg-type]
            if cls is ast.Attribute:
                receiver = self.thing_of(node.value)  # type: ignore[union-attr]
                if isinstance(receiver, Session) and node.attr == "headers":  # type: ignore[union-attr]
                    return receiver.headers
                dotted = dotted_name(node)
                binding = self.binding(dotted) if dotted is not None else None
                return None if binding is None else binding.thing
            if cls is ast.NamedExpr or cls is ast.Await:
                node = node.value  # type: ignore[union-attr]
            elif cls is ast.IfExp:
                return self.thing_of(node.body) or self.thing_of(node.orelse)  # type: ignore[union-attr]
            elif cls is ast.BoolOp:
                for value in node.values:  # type: ignore[union-attr]
                    found = self.thing_of(value)
                    if found is not None:
                        return found
                return None
            else:
                return None
        return None

    def is_session(self, node: ast.AST | None) -> bool:
        return isinstance(self.thing_of(node), Session)

    def thing_of_call(self, call: ast.Call) -> Thing | None:
        key = id(call)
        if key in self._things:
            return self._things[key]
        self._things[key] = None  # (a call inside its own arguments stays unknown)
        found = self._create(call)
        self._things[key] = found
        if found is not None and found.origin is call:
            self.scope.owner.things.append(found)
        return found

    def entries_of(self, node: ast.AST | None) -> Entries:
        """The entries of a dict expression as they stand here; {} for None or no argument,
        unknown when it is not a dict the model can read."""
        if node is None or is_literal(node, "None"):
            return Entries()
        found = self.dict_of(node)
        return found if found is not None else Entries.unknown()

    def dict_of(self, node: ast.AST | None) -> Entries | None:
        """The entries of an expression known to be a dict (a literal, a comprehension, `dict(...)`,
        a name bound to one), as they stand here; None when it is not known to be a dict."""
        if node is None:
            return None
        thing = self.thing_of(node)
        if isinstance(thing, DictValue):
            return thing.entries
        if isinstance(node, (ast.Name, ast.Attribute)):
            bound = self.value_of(node)
            if bound is node or bound is None:
                return None
            node = bound
        return self._built_entries(node, 0)

    def request_call(self, call: ast.Call) -> RequestCall | None:
        key = id(call)
        if key in self._requests:
            return self._requests[key]
        found = self._classify_request(call)
        self._requests[key] = found
        return found

    # --- where an expression stands ------------------------------------------------------------
    def closes_its_argument(self, call: ast.AST) -> bool:
        """Is `call` `contextlib.closing(...)` or `<stack>.enter_context(...)`?"""
        if not isinstance(call, ast.Call):
            return False
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "enter_context":
            return True
        return self.qualified_name(func) in CLOSING_WRAPPERS or (
            isinstance(func, ast.Name) and func.id == "closing"
        )

    def closing_call_of(self, node: ast.AST, parents: list[ast.AST]) -> ast.Call | None:
        """The `closing(...)` / `<stack>.enter_context(...)` call `node` is an argument of."""
        kind, detail, _ = where.context(node, parents)
        if kind == where.ARGUMENT and self.closes_its_argument(detail):  # type: ignore[arg-type]
            return detail  # type: ignore[return-value]
        return None

    def is_logging_call(self, call: ast.Call) -> bool:
        """print, logging, formatting and inspecting calls: they look at a value, keep nothing."""
        func = call.func
        if isinstance(func, ast.Name):
            return func.id in LOOKING_BUILTINS and self.scope.lookup(func.id) is None
        if not isinstance(func, ast.Attribute):
            return False
        if func.attr in LOGGING_METHODS:
            receiver = dotted_name(func.value) or ""
            return "log" in receiver.rsplit(".", 1)[-1].lower() or receiver in ("logging", "warnings")
        if func.attr == "format" and string_value(func.value) is not None:
            return True
        qualified = self.qualified_name(func) or dotted_name(func) or ""
        return qualified in ("pprint.pprint", "sys.stdout.write", "sys.stderr.write", "warnings.warn")

    # =========================================================================================
    # Feeding: called by the engine during the walk
    # =========================================================================================
    @classmethod
    def handler_table(cls) -> tuple[tuple[str, type, str], ...]:
        """(`visit`|`leave`, node class, method name) of the handlers that feed the model, computed
        once: `visit_X` / `leave_X` methods, and the node classes that share them (async defs,
        loops and withs, every comprehension, annotated assignments)."""
        cached = cls.__dict__.get("_handler_table")
        if cached is None:
            entries = []
            for name in dir(cls):
                if name.startswith(("visit_", "leave_")):
                    kind, _, type_name = name.partition("_")
                    entries.append((kind, getattr(ast, type_name), name))
            for same, as_ in ((ast.AsyncFunctionDef, ast.FunctionDef), (ast.AsyncFor, ast.For),
                              (ast.SetComp, ast.ListComp), (ast.GeneratorExp, ast.ListComp),
                              (ast.DictComp, ast.ListComp), (ast.AnnAssign, ast.Assign)):
                for kind, node_class, name in list(entries):
                    if node_class is as_ and not any(k == kind and c is same for k, c, _ in entries):
                        entries.append((kind, same, name))
            cached = tuple(entries)
            cls._handler_table = cached  # type: ignore[attr-defined]
        return cached

    # --- scopes -------------------------------------------------------------------------------
    def _push(self, node: ast.AST, kind: str) -> Scope:
        self.scope = Scope(node, self.scope, kind)
        return self.scope

    def _pop(self) -> None:
        assert self.scope.parent is not None
        self.scope = self.scope.parent

    def _bind_params(self, arguments: ast.arguments) -> None:
        for param in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
            self._bind(param.arg, None, param)
        for star in (arguments.vararg, arguments.kwarg):
            if star is not None:
                self._bind(star.arg, None, star)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._bind(node.name, node, node)
        in_class = self.scope.kind == CLASS
        scope = self._push(node, FUNCTION)
        self._function_scopes[id(node)] = scope
        if in_class:
            scope.self_name = method_self_name(node)
        self._bind_params(node.args)

    def leave_FunctionDef(self, node: ast.FunctionDef) -> None:
        for listener in self.scope_end_listeners:
            listener(self.scope)
        self._pop()

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._push(node, LAMBDA)
        self._bind_params(node.args)

    def leave_Lambda(self, node: ast.Lambda) -> None:
        self._pop()

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._bind(node.name, node, node)
        self._class_scopes[id(node)] = self._push(node, CLASS)

    def leave_ClassDef(self, node: ast.ClassDef) -> None:
        self._pop()

    def visit_ListComp(self, node: ast.AST) -> None:
        self._push(node, COMPREHENSION)

    def leave_ListComp(self, node: ast.AST) -> None:
        self._pop()

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._bind_target(node.target, None, node)

    def leave_Module(self, node: ast.Module) -> None:
        for listener in self.scope_end_listeners:
            listener(self.scope)

    def visit_Global(self, node: ast.Global) -> None:
        module = self.scope.module()
        for name in node.names:
            self.scope.declared[name] = module

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        enclosing = self.scope.enclosing_function()
        for name in node.names:
            target = enclosing
            while target is not None and name not in target.bindings and target.parent is not None:
                target = target.enclosing_function()
            if target is not None:
                self.scope.declared[name] = target

    # --- bindings ------------------------------------------------------------------------------
    def _bind(self, name: str, value: ast.AST | None, site: ast.AST | None,
              thing: Thing | None = None, scope: Scope | None = None) -> Binding:
        home = scope or self.scope
        binding = Binding(name, value, site, home)
        binding.owner = self.parents[-1] if self.parents else None
        home.bind(binding)
        if thing is not None:
            binding.thing = thing
            thing.names.append(binding)
        elif isinstance(value, ast.Attribute):
            receiver = self.thing_of(value.value)
            if receiver is not None:
                binding.derived = (receiver, value.attr)
        return binding

    def _bind_target(self, target: ast.AST, value: ast.expr | None, site: ast.AST,
                     scope: Scope | None = None) -> None:
        for leaf, leaf_value in target_values(target, value):
            cls = leaf.__class__
            if cls is ast.Name:
                self._bind(leaf.id, leaf_value, site, self._thing_for_binding(leaf_value), scope)  # type: ignore[attr-defined]
            elif cls is ast.Attribute:
                self._set_attribute(leaf, leaf_value, site)  # type: ignore[arg-type]
            elif cls is ast.Subscript:
                self._set_item(leaf, leaf_value)  # type: ignore[arg-type]

    def _thing_for_binding(self, value: ast.expr | None) -> Thing | None:
        if value is None:
            return None
        thing = self.thing_of(value)
        if thing is not None:
            return thing
        entries = self._built_entries(value, 0)
        if entries is not None:
            dict_value = DictValue(value, entries)
            self.scope.owner.things.append(dict_value)
            return dict_value
        return None

    def _set_attribute(self, target: ast.Attribute, value: ast.expr | None, site: ast.AST) -> None:
        receiver = self.thing_of(target.value)
        if isinstance(receiver, Session):
            attr = target.attr
            if attr == "headers":
                thing = self.thing_of(value) if value is not None else None
                if not isinstance(thing, DictValue):
                    built = self._built_entries(value, 0) if value is not None else None
                    thing = DictValue(value or target, built if built is not None else Entries.unknown())
                receiver.headers = thing
            elif attr == "auth":
                receiver.auth = value if value is not None else UNKNOWN_AUTH
            elif attr == "verify":
                receiver.verify = value
            return
        dotted = dotted_name(target)
        if dotted is None:
            return
        found = self_attribute(dotted, self.scope)
        thing = self._thing_for_binding(value)
        if found is not None:
            klass, key = found
            self._bind(key, value, site, thing, klass)
        else:
            self._bind(dotted, value, site, thing)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname is not None:
                self._bind(alias.asname, None, node).imported = alias.name
            else:
                head = alias.name.split(".", 1)[0]
                self._bind(head, None, node).imported = head

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or node.module is None:
            for alias in node.names:
                if alias.name != "*":
                    self._bind(alias.asname or alias.name, None, node)
            return
        for alias in node.names:
            if alias.name != "*":
                self._bind(alias.asname or alias.name, None, node).imported = f"{node.module}.{alias.name}"

    def leave_Assign(self, node: ast.Assign) -> None:
        value = node.value
        if value is None:
            return  # `x: int` declares, binds nothing
        for target in node.targets if node.__class__ is ast.Assign else (node.target,):  # type: ignore[attr-defined]
            self._bind_target(target, value, node)

    def leave_AugAssign(self, node: ast.AugAssign) -> None:
        target = node.target
        holder = self._dict_holder(target) if isinstance(node.op, ast.BitOr) else None
        if holder is not None:
            holder.entries.update(self.entries_of(node.value))
            return
        if isinstance(target, (ast.Name, ast.Attribute)):
            # bound as the expression it computes: `url += "?q=" + q` is `url + "?q=" + q`
            previous = self.value_of(target)
            left = previous if isinstance(previous, ast.expr) and previous is not target else target
            combined = ast.copy_location(ast.BinOp(left=left, op=node.op, right=node.value), node)
            combined.end_lineno, combined.end_col_offset = node.end_lineno, node.end_col_offset
            name = dotted_name(target)
            if isinstance(target, ast.Name):
                self._bind(target.id, combined, node)
            elif name is not None:
                self._set_attribute(target, combined, node)
        elif isinstance(target, ast.Subscript):
            self._set_item(target, None)

    def leave_NamedExpr(self, node: ast.NamedExpr) -> None:
        self._bind_target(node.target, node.value, node, self.scope.binding_scope())
        thing = self.thing_of(node.value)
        if thing is not None:
            self._record(thing, node, self.parents, len(self.parents))

    def leave_withitem(self, node: ast.withitem) -> None:
        if node.optional_vars is not None:
            value = node.context_expr
            closing = value if isinstance(value, ast.Call) and self.closes_its_argument(value) else None
            if closing is not None and closing.args:
                value = closing.args[0]
            self._bind_target(node.optional_vars, value, node)

    def visit_For(self, node: ast.For) -> None:
        self._bind_target(node.target, None, node)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name is not None:
            self._bind(node.name, None, node)

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        if node.name is not None:
            self._bind(node.name, None, node)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        if node.name is not None:
            self._bind(node.name, None, node)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        if node.rest is not None:
            self._bind(node.rest, None, node)

    def leave_Return(self, node: ast.Return) -> None:
        thing = self.thing_of(node.value) if node.value is not None else None
        if thing is None:
            return
        scope: Scope | None = self.scope
        while scope is not None and scope.kind not in (FUNCTION, MODULE):
            scope = scope.parent
        if scope is not None and scope.kind == FUNCTION:
            checked = any(use.kind == CHECK for use in thing.uses)
            scope.returns.append((thing, checked))

    # --- uses ----------------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        """A call that sends a request (a `requests` call, or a call of a local function that sends
        one) marks itself and its ancestors up to the nearest function (`sends_request`)."""
        if self.request_call(node) is None:
            function = self.local_function(node)
            if function is None or id(function) not in self._sending:
                return
        sending = self._sending
        sending.add(id(node))
        for parent in reversed(self.parents):
            if id(parent) in sending:
                break  # (its own ancestors were marked by an earlier call)
            sending.add(id(parent))
            if isinstance(parent, (*FUNCTIONS, ast.Lambda)):
                break

    def visit_Name(self, node: ast.Name) -> None:
        if node.ctx.__class__ is not ast.Load:
            return
        binding = self.scope.lookup(node.id)
        if binding is None:
            return
        parents = self.parents
        if binding.thing is not None:
            self._record(binding.thing, node, parents, len(parents))
        elif binding.derived is not None:
            thing, attr = binding.derived
            if isinstance(thing, Response):
                if attr in STATUS_ATTRIBUTES:
                    thing.uses.append(Use(self._status_use(node, parents, len(parents)), node, attr))
                elif attr == "raise_for_status" and where.context(node, parents)[0] == where.CALLED:
                    thing.uses.append(Use(CHECK, node, attr))

    def _status_use(self, expr: ast.AST, parents: list[ast.AST], end: int) -> str:
        """Reading a response's status (`r.status_code`, or a name holding it) is a check when it
        is tested (a condition, a comparison, a `match`), a plain use otherwise."""
        kind = where.context(expr, parents, end)[0]
        return CHECK if kind in (where.TEST, where.COMPARED, where.MATCHED) else USED

    def _record(self, thing: Thing, expr: ast.AST, parents: list[ast.AST], end: int) -> None:
        """Record what the code does with `thing` where `expr` (which evaluates to it) occurs."""
        kind, detail, index = where.context(expr, parents, end)
        if isinstance(thing, DictValue):
            if kind == where.ARGUMENT and self._hands_to_unknown_code(detail):  # type: ignore[arg-type]
                thing.entries.complete = False
            return
        if isinstance(thing, Session):
            if kind == where.ARGUMENT and self._hands_to_unknown_code(detail):  # type: ignore[arg-type]
                thing.headers.entries.complete = False
                if thing.auth is None:
                    thing.auth = UNKNOWN_AUTH
            return
        if kind == where.ATTRIBUTE:
            attribute: ast.Attribute = detail  # type: ignore[assignment]
            attr = attribute.attr
            if attr == "close":
                use = Use(CLOSE, attribute, where.in_finally(attribute, parents, index))
            elif isinstance(thing, Response) and attr == "raise_for_status":
                called = where.context(attribute, parents, index)[0] == where.CALLED
                use = Use(CHECK if called else USED, attribute, attr)  # uncalled: a no-op
            elif isinstance(thing, Response) and attr in STATUS_ATTRIBUTES:
                use = Use(self._status_use(attribute, parents, index), attribute, attr)
            elif attr in BODY_READS:
                use = Use(READ, attribute, attr)
            else:
                use = Use(USED, attribute, attr)
        elif kind == where.BOUND:
            if isinstance(detail, ast.AugAssign):
                use = Use(USED, expr)
            else:
                return  # the binding shares the object
        elif kind == where.TEST:
            use = Use(CHECK if isinstance(thing, Response) else USED, expr, "truth")
        elif kind == where.ARGUMENT:
            call: ast.Call = detail  # type: ignore[assignment]
            if self.closes_its_argument(call):
                use = Use(CLOSING, expr, call)
            elif self.is_logging_call(call):
                use = Use(USED, expr, call)
            else:
                use = Use(PASSED, expr, call)
        else:
            use = Use(_USE_OF_CONTEXT.get(kind, USED), expr, detail)
        thing.uses.append(use)

    def _hands_to_unknown_code(self, call: ast.Call) -> bool:
        if self.request_call(call) is not None or self.is_logging_call(call):
            return False
        return (self.qualified_name(call.func) or dotted_name(call.func)) not in _READS_DICT

    def leave_Call(self, node: ast.Call) -> None:
        thing = self.thing_of_call(node)
        if thing is not None and thing.origin is node and not isinstance(thing, (Session, DictValue)):
            parents = self.parents
            self._record(thing, node, parents, len(parents))
        func = node.func
        if func.__class__ is ast.Attribute and func.attr in DICT_MUTATORS:  # type: ignore[attr-defined]
            holder = self._dict_holder(func.value)  # type: ignore[attr-defined]
            if holder is not None:
                self._mutate(holder.entries, func.attr, node)  # type: ignore[attr-defined]

    # --- dicts changed in place ------------------------------------------------------------------
    def _dict_holder(self, node: ast.AST) -> DictValue | None:
        thing = self.thing_of(node)
        return thing if isinstance(thing, DictValue) else None

    def _set_item(self, target: ast.Subscript, value: ast.expr | None) -> None:
        holder = self._dict_holder(target.value)
        if holder is None:
            return
        key = string_value(target.slice)
        if key is None:
            holder.entries.complete = False
        else:
            holder.entries.set(key, value)

    def visit_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if isinstance(target, ast.Subscript):
                holder = self._dict_holder(target.value)
                if holder is not None:
                    key = string_value(target.slice)
                    if key is None:
                        holder.entries.complete = False
                    else:
                        holder.entries.remove(key)

    def _mutate(self, entries: Entries, method: str, call: ast.Call) -> None:
        args = positional_args(call)
        if len(args) != len(call.args):
            entries.complete = False
        elif method == "update":
            for arg in args:
                entries.update(self.entries_of(arg))
            for kw in call.keywords:
                if kw.arg is None:
                    entries.update(self.entries_of(kw.value))
                else:
                    entries.set(kw.arg, kw.value)
        elif method in ("setdefault", "__setitem__"):
            key = string_value(args[0]) if args else None
            if key is None:
                entries.complete = False
            elif method == "__setitem__" or entries.has(key) is False:
                entries.set(key, args[1] if len(args) > 1 else None)
        elif method in ("pop", "__delitem__"):
            key = string_value(args[0]) if args else None
            if key is None:
                entries.complete = False
            else:
                entries.remove(key)
        elif method == "clear":
            entries.items.clear()
            entries.complete = True
        else:  # popitem
            entries.complete = False

    def _built_entries(self, node: ast.AST | None, depth: int) -> Entries | None:
        """Entries of an expression that builds a new dict: a literal, `dict(...)`, `x.copy()`."""
        if depth > _FOLLOW_DEPTH:
            return None
        if isinstance(node, ast.Dict):
            entries = Entries()
            for key, value in zip(node.keys, node.values):
                if key is None:
                    entries.update(self.entries_of(value))
                else:
                    text = string_value(key)
                    if text is None:
                        entries.complete = False
                    else:
                        entries.set(text, value)
            return entries
        if isinstance(node, ast.DictComp):
            return Entries.unknown()
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "dict" and self.scope.lookup("dict") is None:
                entries = Entries()
                for arg in node.args:
                    entries.update(self.entries_of(unstarred(arg)) if not isinstance(arg, ast.Starred)
                                   else Entries.unknown())
                for kw in node.keywords:
                    if kw.arg is None:
                        entries.update(self.entries_of(kw.value))
                    else:
                        entries.set(kw.arg, kw.value)
                return entries
            if isinstance(func, ast.Attribute) and func.attr == "copy" and not node.args:
                source = self.thing_of(func.value)
                if isinstance(source, DictValue):
                    return source.entries.copy()
                inner = self.value_of(func.value)
                if inner is not func.value:
                    return self._built_entries(inner, depth + 1)
        return None

    # --- creating objects ----------------------------------------------------------------------
    def _create(self, call: ast.Call) -> Thing | None:
        request = self.request_call(call)
        if request is not None:
            stream = request.value("stream")
            return Response(call, request, stream is not None and self.is_constant(stream, "True"))
        func = call.func
        qualified = self.qualified_name(func)
        if qualified is not None:
            if qualified in OPEN_FUNCTIONS:
                return OpenFile(call)
            if qualified in SESSION_CLASSES:
                return Session(call, qualified, SESSION_CLASSES[qualified])
            if qualified in SESSION_WRAPPERS and call.args:
                wrapped = self.thing_of(call.args[0])
                return wrapped if isinstance(wrapped, Session) else None
            return None
        if isinstance(func, ast.Attribute) and func.attr == "open" and self.is_path(func.value):
            return OpenFile(call)
        definition = self._local_definition(func)
        if isinstance(definition, ast.ClassDef):
            return Session(call, definition.name, False) if self._is_session_class(definition, 0) else None
        if isinstance(definition, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return self._returned_by(definition, call)
        return None

    def _local_definition(self, func: ast.expr) -> ast.AST | None:
        """The `def` / `class` a called name refers to: a local function or class, or a method
        called on `self`."""
        if isinstance(func, ast.Name):
            binding = self.scope.lookup(func.id)
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            found = self_attribute(f"{func.value.id}.{func.attr}", self.scope)
            binding = found[0].bindings.get(func.attr) if found is not None else None
        else:
            return None
        return binding.value if binding is not None else None

    def _is_session_class(self, node: ast.ClassDef, depth: int) -> bool:
        for base in node.bases:
            if self.qualified_name(base) in SESSION_CLASSES:
                return True
            if depth < 4 and isinstance(base, ast.Name):
                binding = self.scope.lookup(base.id)
                if binding is not None and isinstance(binding.value, ast.ClassDef):
                    if self._is_session_class(binding.value, depth + 1):
                        return True
        return False

    def _returned_by(self, definition: ast.AST, call: ast.Call) -> Thing | None:
        """What a call of a local function returns, when that is an object the model follows:
        the same session (its state is shared), a fresh response or file for the caller to
        handle (a response only if the function had not checked it)."""
        scope = self._function_scopes.get(id(definition))
        if scope is None:
            return None
        for returned, checked in scope.returns:
            if isinstance(returned, Session):
                return returned
            if isinstance(returned, Response) and not checked:
                fresh: Thing = Response(call, returned.request, returned.stream, via=call)
            elif isinstance(returned, OpenFile):
                fresh = OpenFile(call, via=call)
            else:
                continue
            self.scope.owner.things.append(fresh)
            return fresh
        return None

    def _classify_request(self, call: ast.Call) -> RequestCall | None:
        func = call.func
        qualified = self.qualified_name(func)
        if qualified is not None:
            module, _, method = qualified.rpartition(".")
            if module == "requests" and method in REQUEST_METHODS:
                return RequestCall(call, method, None, self)
            return None
        if isinstance(func, ast.Attribute) and func.attr in REQUEST_METHODS:
            session = self.thing_of(func.value)
            if isinstance(session, Session):
                return RequestCall(call, func.attr, session, self)
        return None


_USE_OF_CONTEXT = {
    where.RETURNED: RETURNED,
    where.STORED: STORED,
    where.WITH: WITH,
    where.DISCARDED: DISCARDED,
}
