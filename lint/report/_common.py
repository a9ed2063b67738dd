"""What several output formats share: rule metadata, relative POSIX paths, stable fingerprints."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from typing import Iterable

from ..finding import Finding

# Codes the engine reports itself (no rule class behind them).
ENGINE_RULES = {
    "PD001": (
        "syntax-error",
        "the file, or a Python block in a document, does not parse",
        "pdlint could not parse this Python source (a `.py` file, or a `python`/`pycon` block in "
        "Markdown or reStructuredText), so no other rule ran on it. Fix the syntax error; in a "
        "document, tag blocks that are not Python with another language.",
    ),
    "PD002": (
        "unused-suppression",
        "a suppression comment that suppresses nothing",
        "A `# noqa: ...` or `# pdlint: ignore[...]` comment that matches no finding on its "
        "statement. Remove it, or fix the codes it lists, so it does not hide a future finding.",
    ),
    "PD003": (
        "file-too-large",
        "the file is too large to lint",
        "pdlint does not lint files over its size limit (generated or vendored code, data saved "
        "with a .py name); the file was skipped. Exclude it in the configuration.",
    ),
}


@dataclass(frozen=True)
class RuleInfo:
    code: str
    name: str
    summary: str
    description: str
    fix_safety: str | None


def rule_catalog(findings: Iterable[Finding] = ()) -> list[RuleInfo]:
    """Every engine code and registered rule, sorted by code, plus any code seen in `findings`
    that neither knows (described from the finding itself)."""
    from ..rules import all_rules

    catalog: dict[str, RuleInfo] = {}
    for code, (name, summary, description) in ENGINE_RULES.items():
        catalog[code] = RuleInfo(code, name, summary, description, None)
    try:
        from ..codes import ENGINE_CODES
    except ImportError:  # pragma: no cover - older layout without the code table
        ENGINE_CODES = {}
    for code, name in ENGINE_CODES.items():
        if code not in catalog or catalog[code].name != name:
            text = name.replace("-", " ")
            catalog[code] = RuleInfo(code, name, text, text, None)
    for code, rule in all_rules().items():
        catalog[code] = RuleInfo(
            code, rule.name, rule.summary, _description(rule), rule.fix_safety
        )
    for finding in findings:
        if finding.code not in catalog:
            catalog[finding.code] = RuleInfo(
                finding.code, finding.name, finding.message, finding.message, finding.fixable
            )
    return [catalog[code] for code in sorted(catalog)]


def _description(rule: type) -> str:
    """The rule's own docstring, else its module's, without the leading `PDnnn name:`."""
    text = rule.__dict__.get("__doc__") or sys.modules[rule.__module__].__doc__ or ""
    text = " ".join(text.split())
    prefix = f"{rule.code} {rule.name}:"  # type: ignore[attr-defined]
    if text.startswith(prefix):
        text = text[len(prefix):].strip()
    if text:
        text = text[0].upper() + text[1:]
    return text or rule.summary  # type: ignore[attr-defined]


def posix_path(path: str) -> str:
    """The finding's path with forward slashes, normalised, and relative to the working directory
    when it is absolute and below it (so `pdlint $PWD/steps` reports what `pdlint steps` does)."""
    if path in ("", "-"):
        return path
    normal = os.path.normpath(path)
    if os.path.isabs(normal):
        try:
            relative = os.path.relpath(normal, os.getcwd())
        except ValueError:  # another drive on Windows
            relative = os.pardir
        if relative != os.pardir and not relative.startswith(os.pardir + os.sep):
            normal = relative
    if os.altsep:
        normal = normal.replace(os.sep, os.altsep)
    return normal


def digest(*parts: object) -> str:
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()


def fingerprints(findings: list[Finding]) -> list[str]:
    """One stable, distinct fingerprint per finding, in order.

    From path, code and the finding's own statement fingerprint when the engine gave it one
    (line-independent), else path, code, message and line. Findings that would collide (the same
    mistake twice in one statement) get an occurrence number folded in, in report order.
    """
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        path = posix_path(finding.path)
        if finding.fingerprint:
            base = digest(path, finding.code, finding.fingerprint)
        else:
            base = digest(path, finding.code, finding.message, finding.line)
        count = seen.get(base, 0)
        seen[base] = count + 1
        result.append(base if count == 0 else digest(base, count))
    return result
