"""A rule's documentation page, for `pdlint explain`."""

from __future__ import annotations

from pathlib import Path

from . import __file__ as package_file

DOCS_DIRECTORY = Path(package_file).resolve().parent.parent / "docs" / "rules"


def rule_page(code: str) -> str:
    page = DOCS_DIRECTORY / f"{code}.md"
    if page.is_file():
        return page.read_text(encoding="utf-8").rstrip("\n")
    from .codes import ALL_CODES
    from .rules import all_rules

    rule = all_rules().get(code)
    summary = rule.summary if rule is not None else ""
    return f"# {code} {ALL_CODES[code]}\n\n{summary}".rstrip()
