"""pdlint: a linter for HTTP step code."""
__version__ = "0.1.0"
