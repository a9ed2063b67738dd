"""pdlint: a linter for HTTP step code."""
__version__ = "0.1.0"

# Where each rule's documentation page lives (SARIF helpUri, `pdlint explain`).
DOCS_URL = "https://github.com/pytest-pdhttp/pytest-pdhttp/blob/main/docs/rules/{code}.md"
