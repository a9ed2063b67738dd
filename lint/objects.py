"""The run-time objects the model follows through a snippet: responses, sessions, open files and
dicts (headers, bodies). One object per place that creates it; names bound to it, and every use
of it, point back to the same object, so aliases and `self.x` share what is known.

A use is recorded as `Use(kind, node, detail)`, in the order the walk meets them:

- `check`: the response status is checked: `r.raise_for_status()` called (a bare
  `r.raise_for_status` does nothing and is a `used`), `r.ok` / `r.status_code` tested in a
  condition, a comparison or a `match` (also through a name holding the status), `if r:`;
- `returned`: returned, yielded or the body of a lambda (the caller owns it);
- `passed`: an argument of a call that is neither logging nor formatting; `detail` is the call;
- `stored`: put into an attribute, a subscript, a container or a comprehension's result;
- `with`: the context expression of a `with` item;
- `closing`: wrapped in `contextlib.closing(...)` or `stack.enter_context(...)`;
- `close`: `.close()`; `detail` is True inside a `finally:` block of the same function;
- `read`: a body read (`.json()`, `.text`, `.content`, `.iter_content()`, `.iter_lines()`,
  `.raw`); `detail` is the attribute;
- `discarded`: the creating call is a statement of its own;
- `used`: anything else (logged, formatted, compared, another attribute read); `detail` is the
  attribute for attribute reads.
"""

from __future__ import annotations

import ast
from typing import Iterator

CHECK, RETURNED, PASSED, STORED, WITH, CLOSING, CLOSE, READ, DISCARDED, USED = (
    "check", "returned", "passed", "stored", "with", "closing", "close", "read", "discarded", "used"
)
HANDED_ON = frozenset({RETURNED, PASSED, STORED, CLOSING})


class Use:
    __slots__ = ("kind", "node", "detail")

    def __init__(self, kind: str, node: ast.AST, detail: object = None) -> None:
        self.kind, self.node, self.detail = kind, node, detail

    def __repr__(self) -> str:
        return f"Use({self.kind}, {self.detail!r})"


class Entries:
    """The string-keyed entries of a dict as far as the code shows them: key as written -> value
    expression (None when the value is not known), and whether they are all there is
    (`complete`; False after `h.update(other)`, a `**spread` of unknown content, or once the dict
    was handed to code the model cannot see)."""

    __slots__ = ("items", "complete")

    def __init__(self, items: dict[str, ast.expr | None] | None = None, complete: bool = True) -> None:
        self.items: dict[str, ast.expr | None] = dict(items or {})
        self.complete = complete

    @classmethod
    def unknown(cls) -> "Entries":
        return cls({}, complete=False)

    def copy(self) -> "Entries":
        return Entries(self.items, self.complete)

    def key(self, name: str) -> str | None:
        """The key as written that matches `name` case-insensitively (the last one written)."""
        lowered = name.lower()
        found = None
        for key in self.items:
            if key.lower() == lowered:
                found = key
        return found

    def get(self, name: str) -> ast.expr | None:
        """The value of `name` (case-insensitive), None when absent or not known."""
        key = self.key(name)
        return None if key is None else self.items[key]

    def has(self, name: str) -> bool | None:
        """True when present, False when certainly absent, None when it cannot be told."""
        if self.key(name) is not None:
            return True
        return False if self.complete else None

    def set(self, key: str, value: ast.expr | None) -> None:
        existing = self.key(key)
        if existing is not None and existing != key:
            del self.items[existing]  # header names are case-insensitive: the later one wins
        self.items[key] = value

    def remove(self, key: str) -> None:
        existing = self.key(key)
        if existing is not None:
            del self.items[existing]

    def update(self, other: "Entries") -> None:
        for key, value in other.items.items():
            self.set(key, value)
        self.complete = self.complete and other.complete

    def merged(self, over: "Entries") -> "Entries":
        """These entries with `over`'s on top (a request's headers over its session's)."""
        merged = self.copy()
        merged.update(over)
        return merged

    def __iter__(self) -> Iterator[str]:
        return iter(self.items)

    def __repr__(self) -> str:
        return f"Entries({list(self.items)}, complete={self.complete})"


class Thing:
    """An object created at `origin` (a call or a literal), owned by the function (or module) that
    created it: rules judge it when that scope ends."""

    __slots__ = ("origin", "uses", "names", "via")
    kind = "thing"

    def __init__(self, origin: ast.AST, via: ast.Call | None = None) -> None:
        self.origin = origin
        self.uses: list[Use] = []
        self.names: list = []  # the bindings that held it, first first
        self.via = via  # the call of a local function that returned it, if any

    @property
    def closed(self) -> bool:
        """Closed deterministically, or handed to whoever returns it: used as a `with` item,
        wrapped in `closing(...)` / `enter_context(...)`, returned, or closed in a `finally:`."""
        return any(
            use.kind in (WITH, CLOSING, RETURNED) or (use.kind == CLOSE and use.detail)
            for use in self.uses
        )

    def first_use(self, kinds: frozenset[str] | set[str]) -> Use | None:
        for use in self.uses:
            if use.kind in kinds:
                return use
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(line {getattr(self.origin, 'lineno', '?')}, {self.uses})"


class Response(Thing):
    __slots__ = ("request", "stream")
    kind = "response"

    def __init__(self, origin: ast.AST, request, stream: bool, via: ast.Call | None = None) -> None:
        super().__init__(origin, via)
        self.request = request  # the RequestCall that produced it
        self.stream = stream


class OpenFile(Thing):
    __slots__ = ()
    kind = "file"


class DictValue(Thing):
    __slots__ = ("entries",)
    kind = "dict"

    def __init__(self, origin: ast.AST, entries: Entries) -> None:
        super().__init__(origin)
        self.entries = entries


class Session(Thing):
    """A `requests.Session` (or a well-known subclass). `headers` holds the session-level headers,
    `auth` what `s.auth = ...` set (None: nothing; `UNKNOWN_AUTH`: cannot be told)."""

    __slots__ = ("cls", "headers", "auth", "verify")
    kind = "session"

    def __init__(self, origin: ast.AST, cls: str, known_state: bool) -> None:
        super().__init__(origin)
        self.cls = cls
        self.headers = DictValue(origin, Entries() if known_state else Entries.unknown())
        self.auth: ast.expr | object | None = None if known_state else UNKNOWN_AUTH
        self.verify: ast.expr | None = None


UNKNOWN_AUTH = object()
