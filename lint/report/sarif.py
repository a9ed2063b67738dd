"""`sarif`: a SARIF 2.1.0 log (one run) for GitHub code scanning and other SARIF viewers.

The driver lists every rule pdlint has (and the engine's own codes, PD001 syntax-error and
PD002 unused-suppression) with its summary, description, help URI, help text (the rule's page,
shipped in the package) and fix safety; each finding is
a result at level `error` with a `%SRCROOT%`-relative location, a partial fingerprint and, when
the finding carries a text edit, a fix: one replacement of whole lines (`deletedRegion` from
column 1 of the first replaced line to column 1 of the line after the last).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from .. import DOCS_URL, __version__
from ..finding import Finding
from ._common import fingerprints, posix_path, rule_catalog

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/pytest-pdhttp/pytest-pdhttp"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "pdlint/v1"


def render_sarif(findings: list[Finding]) -> str:
    return json.dumps(sarif_log(findings), indent=2, ensure_ascii=False) + "\n"


def sarif_log(findings: list[Finding]) -> dict[str, Any]:
    rules = rule_catalog(findings)
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.description},
            "helpUri": DOCS_URL.format(code=rule.code),
            **_help(rule.code),
            "defaultConfiguration": {"level": "error"},
            "properties": {
                "fixable": rule.fix_safety is not None,
                "fixSafety": rule.fix_safety or "none",
            },
        }
        for rule in rules
    ]
    results = [
        _result(finding, index[finding.code], fingerprint)
        for finding, fingerprint in zip(findings, fingerprints(findings))
    ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "pdlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _help(code: str) -> dict[str, Any]:
    """The rule's whole page as `help` (GitHub shows it beside the alert), read from the package."""
    from ..docs import rule_page

    try:
        text = rule_page(code)
    except KeyError:  # a code from a finding that no rule of this version has
        return {}
    return {"help": {"text": text, "markdown": text}}


def artifact_location(path: str) -> dict[str, str]:
    """A relative path as a URI reference against %SRCROOT%; an absolute one as a file: URI."""
    posix = posix_path(path)
    if posix.startswith("/"):
        return {"uri": "file://" + quote(posix)}
    if len(posix) > 2 and posix[1] == ":" and posix[2] == "/":  # C:/... (Windows, another drive)
        return {"uri": "file:///" + posix[:2] + quote(posix[2:])}
    return {"uri": quote(posix), "uriBaseId": SRCROOT}


def _result(finding: Finding, rule_index: int, fingerprint: str) -> dict[str, Any]:
    location = artifact_location(finding.path)
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": location,
                    "region": {
                        "startLine": max(finding.line, 1),
                        "startColumn": max(finding.column, 1),
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    edit = finding.edit
    if edit is not None:
        safety = finding.fixable or "safe"
        result["fixes"] = [
            {
                "description": {
                    "text": f"{finding.name}: {safety} fix"
                    + ("" if safety == "safe" else " (review it: it may change behaviour)")
                },
                "artifactChanges": [
                    {
                        "artifactLocation": dict(location),
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": edit.start_line,
                                    "startColumn": 1,
                                    "endLine": edit.end_line,
                                    "endColumn": 1,
                                },
                                "insertedContent": {"text": edit.content},
                            }
                        ],
                    }
                ],
                "properties": {"safety": safety},
            }
        ]
    return result
