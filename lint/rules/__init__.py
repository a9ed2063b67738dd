"""The rule registry: every module `PDnnn_name.py` in this package defines one rule.

Adding a rule `PD121 some-name`:

1. `PD121_some_name.py`: a `Rule` subclass with `code`, `name` ("some-name"), `summary`,
   `fix_safety`, its `VALID`/`INVALID` cases and `visit_`/`leave_` methods (see `base.py`); add
   the code and name to `pdlint/codes.py`. The registry finds the module by its name.
2. `PD121_some_name.md` beside it: the rule's page without its title line, with the sections
   `## What it does`, `## Why is this bad`, `## Example`, `## Use instead`, `## Fix safety`.
   It ships in the package (`pdlint explain PD121`, SARIF `help`); the title line and the index
   come from the class.
3. `python -m pdlint.docs docs/rules --readme README.md` regenerates `docs/rules/` and the
   README's rules table (a test fails while they differ from the packaged pages).

The engine's own codes (PD001 syntax-error, PD002 unused-suppression, PD003 file-too-large) have
no module; their pages are here too, `PD001_syntax_error.md` and so on.
"""

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
