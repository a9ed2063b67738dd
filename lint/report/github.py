"""`github`: GitHub Actions workflow commands, one `::error` annotation per finding.

    ::error file=steps/a.py,line=3,col=5,title=PD104 hardcoded-secret::hardcoded credential: ...

GitHub shows each as an annotation on the pull request's diff. Data is escaped as the runner
expects (`%`, CR, LF), property values also `:` and `,`.
"""

from __future__ import annotations

from ..finding import Finding
from ._common import posix_path


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        properties = ",".join(
            f"{key}={escape_property(str(value))}"
            for key, value in (
                ("file", posix_path(f.path)),
                ("line", f.line),
                ("col", f.column),
                ("title", f"{f.code} {f.name}"),
            )
        )
        lines.append(f"::error {properties}::{escape_data(f.message)}\n")
    return "".join(lines)
