"""What a hover over a finding shows: the rule's code, name and summary, and why it matters
(the first paragraph of the "Why is this bad" section of its page, the page `pdlint explain`
prints)."""

from __future__ import annotations

import re
from functools import lru_cache

import pdlint
from pdlint.codes import ALL_CODES
from pdlint.docs import rule_page

_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.M)


def sections(page: str) -> dict[str, str]:
    """A rule page's `## ` sections by lower-case heading."""
    found: dict[str, str] = {}
    matches = list(_HEADING.finditer(page))
    for match, following in zip(matches, [*matches[1:], None]):
        end = following.start() if following is not None else len(page)
        found[match.group(1).lower()] = page[match.end():end].strip()
    return found


def first_paragraph(text: str) -> str:
    return text.strip().split("\n\n", 1)[0].strip() if text.strip() else ""


@lru_cache(maxsize=None)
def rule_markdown(code: str) -> str:
    """Markdown for one rule: heading with code and name, summary, the short why, a link."""
    name = ALL_CODES.get(code, "")
    page = rule_page(code) if code in ALL_CODES else ""
    parts = sections(page)
    from pdlint.rules import all_rules

    rule = all_rules().get(code)
    summary = rule.summary if rule is not None else first_paragraph(parts.get("what it does", ""))
    why = first_paragraph(parts.get("why is this bad", ""))
    lines = [f"**{code}** `{name}`", "", _one_line(summary)]
    if why:
        lines += ["", _one_line(why)]
    lines += ["", f"[{code} rule page]({pdlint.DOCS_URL.format(code=code)})"]
    return "\n".join(lines)


def _one_line(paragraph: str) -> str:
    """A paragraph wrapped for a terminal, joined for a hover."""
    return " ".join(paragraph.split())
