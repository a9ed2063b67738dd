"""`json-lines`: one JSON object per finding per line (the `json` format's objects), for streaming
and `jq -c`. No findings, no output."""

from __future__ import annotations

import json

from ..finding import Finding


def render_json_lines(findings: list[Finding]) -> str:
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in findings)
