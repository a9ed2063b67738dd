"""`gitlab`: a GitLab Code Quality report (a JSON array of Code Climate issues).

Each finding becomes `{description, check_name, fingerprint, severity, location: {path, lines:
{begin}}}`, plus `type: "issue"` and `categories` for other Code Climate consumers. Severity is
`blocker` for PD001 (the file does not parse) and PD104 (a hardcoded secret), `major` otherwise.
The fingerprint is stable across runs: see `_common.fingerprints`.
"""

from __future__ import annotations

import json

from ..finding import Finding
from ._common import fingerprints, posix_path

BLOCKERS = frozenset({"PD001", "PD104"})


def severity(code: str) -> str:
    return "blocker" if code in BLOCKERS else "major"


def render_gitlab(findings: list[Finding]) -> str:
    issues = [
        {
            "type": "issue",
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "categories": ["Security"] if f.code == "PD104" else ["Bug Risk"],
            "fingerprint": fingerprint,
            "severity": severity(f.code),
            "location": {"path": posix_path(f.path), "lines": {"begin": f.line}},
        }
        for f, fingerprint in zip(findings, fingerprints(findings))
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
