"""The fake data store, with the platform's semantics for Python steps."""

from __future__ import annotations

import json
import math
from collections.abc import ItemsView, Iterator, KeysView, Mapping
from typing import Any

from .._json import json_copy

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

_NODE_ONLY = ("has", "delete", "entries", "setTtl")
_MISSING = object()


class DataStore:
    """A data store as ``pd.inputs["data_store"]`` behaves in a Python step.

    Values are stored as JSON text, so every read is a fresh copy and every write is checked.
    Time only moves when a test calls :meth:`advance`, so TTLs expire without sleeping.
    ``advance``, ``ttl_of`` and ``as_dict`` are test helpers; the platform has none of them.
    """

    def __init__(self, initial: Mapping[str, Any] | None = None) -> None:
        self._values: dict[str, str] = {}
        self._expires: dict[str, float] = {}
        self._now = 0.0
        for key, value in (initial or {}).items():
            self[key] = value

    # --- the platform's API -------------------------------------------------------------------

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise _missing(key)
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.set(key, value)

    def __delitem__(self, key: str) -> None:
        self._require(key)
        del self._values[key]
        self._expires.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        """The keys, as iterating a dict gives them (a snapshot: the loop may change the store)."""
        self._purge()
        return iter(list(self._values))

    def __contains__(self, key: object) -> bool:
        self._purge()
        return key in self._values

    def get(self, key: str, default: Any = None) -> Any:
        _check_key(key)
        self._purge()
        text = self._values.get(key)
        return default if text is None else json.loads(text)

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        """Store a JSON copy of ``value``; ``ttl`` seconds from now it expires (None: never)."""
        _check_key(key)
        _check_ttl(ttl)
        self._values[key] = json.dumps(json_copy(value, f"data store value for {key!r}"))
        self._set_expiry(key, ttl)

    def set_ttl(self, key: str, ttl: float | None = None) -> None:
        """Change an existing key's time-to-live; ``ttl=None`` makes it permanent."""
        _check_ttl(ttl)
        self._require(key)
        self._set_expiry(key, ttl)

    def keys(self) -> KeysView[str]:
        """A view, not a list: like the platform's, it cannot be exported or JSON-encoded."""
        self._purge()
        return dict.fromkeys(self._values).keys()

    def items(self) -> ItemsView[str, Any]:
        """A view of (key, value copy) pairs."""
        self._purge()
        return {key: json.loads(text) for key, text in self._values.items()}.items()

    def clear(self) -> None:
        self._values.clear()
        self._expires.clear()

    def __getattr__(self, name: str) -> Any:
        if name in _NODE_ONLY:
            raise AttributeError(
                f"data store .{name}() exists only in Node.js steps; in Python use "
                "'in', del, items() and set_ttl()"
            )
        raise AttributeError(f"data store has no attribute {name!r}")

    # --- test helpers -------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move this store's clock forward; keys whose TTL has run out disappear."""
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise TypeError(f"advance(seconds) takes a number, got {seconds!r}")
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"advance(seconds) takes a finite number >= 0, got {seconds!r}")
        self._now += seconds
        self._purge()

    def ttl_of(self, key: str) -> float | None:
        """Seconds left before ``key`` expires, or None when it has no TTL."""
        self._require(key)
        expires = self._expires.get(key)
        return None if expires is None else expires - self._now

    def as_dict(self) -> dict[str, Any]:
        """A copy of every live key and value."""
        return dict(self.items())

    def __repr__(self) -> str:
        return f"DataStore({self.as_dict()!r})"

    # --- internals ------------------------------------------------------------------------------

    def _require(self, key: str) -> None:
        _check_key(key)
        if key not in self:
            raise _missing(key)

    def _set_expiry(self, key: str, ttl: float | None) -> None:
        if ttl is None:
            self._expires.pop(key, None)
        else:
            self._expires[key] = self._now + ttl

    def _purge(self) -> None:
        for key in [k for k, at in self._expires.items() if at <= self._now]:
            del self._values[key]
            del self._expires[key]


def _missing(key: str) -> TypeError:
    return TypeError(
        f"data store has no key {key!r}; a missing key raises TypeError on the platform "
        f"(not KeyError): use .get({key!r}) or {key!r} in store"
    )


def _check_key(key: object) -> None:
    if not isinstance(key, str):
        raise TypeError(f"data store keys are str, got {type(key).__name__} {key!r}")


def _check_ttl(ttl: object) -> None:
    if ttl is None:
        return
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float)):
        raise ValueError(f"ttl must be a number of seconds or None, got {ttl!r}")
    if not math.isfinite(ttl) or ttl <= 0:
        raise ValueError(f"ttl must be a finite, positive number of seconds or None, got {ttl!r}")
