"""The rule registry: every module `PDnnn_name.py` in this package defines one rule."""

from __future__ import annotations

import importlib
import pkgutil
import re

from .base import Invalid, Rule, Valid

__all__ = ["Invalid", "Rule", "Valid", "all_rules", "select_rules"]

_RULE_MODULE = re.compile(r"^PD\d{3}_\w+$")
_registry: dict[str, type[Rule]] | None = None


def all_rules() -> dict[str, type[Rule]]:
    """code -> rule class, sorted by code."""
    global _registry
    if _registry is None:
        found: dict[str, type[Rule]] = {}
        for info in pkgutil.iter_modules(__path__):
            if not _RULE_MODULE.match(info.name):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module.__name__:
                    if value.code in found:
                        raise RuntimeError(f"two rules claim {value.code}")
                    found[value.code] = value
        _registry = dict(sorted(found.items()))
    return _registry


def matches(code: str, selectors: list[str]) -> bool:
    return any(code.startswith(selector) for selector in selectors)


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[type[Rule]]:
    """Rules whose code starts with a `select` prefix (all when None) and no `ignore` prefix."""
    chosen = []
    for code, rule in all_rules().items():
        if select is not None and not matches(code, select):
            continue
        if ignore and matches(code, ignore):
            continue
        chosen.append(rule)
    return chosen
