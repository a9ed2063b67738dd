"""Fix plans more than one rule states (see `pdlint.plans`)."""

from __future__ import annotations

import ast

from ..plans import DropsUse, UnwrapArgument


def dropped_name(dumps: ast.Call) -> ast.Name | None:
    """The imported name a `json.dumps(...)` / `dumps(...)` call uses (`json`, `dumps`)."""
    func = dumps.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value
    return func if isinstance(func, ast.Name) else None


def unwrap_dumps(call: ast.Call, key: str, dumps: ast.Call) -> tuple:
    """The changes that turn `key=json.dumps(x)` into `key=x`, and drop the import of `json`
    when that was its last use."""
    name = dropped_name(dumps)
    return (UnwrapArgument(call, key), *((DropsUse(name),) if name is not None else ()))
