"""The platform's own guide to HTTP requests, linted as Markdown, gives exactly the expected rows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pdlint.rules import all_rules


def expected_rows(expect: Path) -> set[tuple[int, str]]:
    rows = set()
    for raw in expect.read_text().splitlines():
        if raw.strip() and not raw.startswith("#"):
            line, code = raw.split()
            rows.add((int(line), code))
    return rows


def test_seed_document_findings_match_expectations(seed_markdown, seed_expect) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "pdlint", "--format", "json", str(seed_markdown)],
        capture_output=True, text=True, check=False,
    )
    assert run.returncode == 1, run.stderr
    found = {(f["line"], f["code"]) for f in json.loads(run.stdout)}
    implemented = set(all_rules())
    want = {row for row in expected_rows(seed_expect) if row[1] in implemented}
    assert sorted(found - want) == [], "unexpected findings"
    assert sorted(want - found) == [], "missing findings"


def test_every_expected_code_has_a_rule(seed_expect) -> None:
    missing = {code for _, code in expected_rows(seed_expect)} - set(all_rules())
    assert not missing, f"no rule yet for {sorted(missing)}"
