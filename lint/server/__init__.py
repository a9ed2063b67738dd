"""`pdlint server`: pdlint as a language server (LSP over stdio), for findings, fixes and rule
pages in any editor. Needs the `lsp` extra: `pip install 'pytest-pdhttp[lsp]'`."""

from __future__ import annotations

import sys

EXTRA_HINT = "`pdlint server` needs the lsp extra: pip install 'pytest-pdhttp[lsp]'"


def missing_dependency() -> str | None:
    """The name of the first language-server library that cannot be imported, else None."""
    import importlib

    for module in ("lsprotocol", "pygls"):
        try:
            importlib.import_module(module)
        except ImportError:
            return module
    return None


def main(debounce_ms: float | None = None) -> int:
    missing = missing_dependency()
    if missing is not None:
        print(f"pdlint: error: {EXTRA_HINT} ({missing} is not installed)", file=sys.stderr)
        return 2
    import gc

    gc.enable()  # a long-lived process: linting leaves reference cycles to collect
    from .app import DEFAULT_DEBOUNCE, serve

    return serve(DEFAULT_DEBOUNCE if debounce_ms is None else debounce_ms / 1000)
