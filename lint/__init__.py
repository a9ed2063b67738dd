"""pdlint: a linter for HTTP step code. The public API is in `pdlint.api` (see there)."""
__version__ = "0.1.0"

# Where each rule's documentation page lives (SARIF helpUri, `pdlint explain`).
DOCS_URL = "https://github.com/pytest-pdhttp/pytest-pdhttp/blob/main/docs/rules/{code}.md"

__all__ = [
    "Cache",
    "ConfigError",
    "Edit",
    "FileResult",
    "Finding",
    "FixResult",
    "LintReport",
    "Options",
    "add_noqa",
    "cache_root",
    "fix_source",
    "lint_paths",
    "lint_source",
    "options_for",
]


def __getattr__(name: str):
    # Imported on first use: `pdlint --version` and the cached CLI path stay light.
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'pdlint' has no attribute {name!r}")
