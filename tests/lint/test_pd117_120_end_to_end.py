"""PD117-PD120 as a user meets them: in Markdown snippets, every output format, suppressions,
configuration and the CLI's fixes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from pdlint.report import FORMATS

from .clirun import pdlint

FENCE = "```"
STEP = textwrap.dedent('''\
    import time
    import requests


    def handler(pd: "pipedream"):
        token = pd.inputs["crm"]["$auth"]["api_key"]
        print(f"token {token}")
        while True:
            r = requests.get("https://api.example.com/jobs/1", headers={"Authorization": token}, timeout=10)
            if r.json()["done"]:
                break
            time.sleep(5)
        try:
            requests.post("https://hooks.example.com/done", json={}, timeout=5).raise_for_status()
        except Exception as e:
            return {"error": str(e)}
        return r.json()


    async def handler(pd: "pipedream"):
        return pd.steps["trigger"]["event"]
''')
EXPECTED = {(7, "PD118"), (8, "PD120"), (15, "PD117"), (20, "PD119")}
CODES = "PD117,PD118,PD119,PD120"


def _doc(step: str) -> str:
    return f"# A step\n\nSome prose.\n\n{FENCE}python\n{step}{FENCE}\n\nMore prose.\n"


def test_markdown_positions_map_to_the_document(tmp_path: Path, capsys) -> None:
    (tmp_path / "guide.md").write_text(_doc(STEP))
    outcome = pdlint(capsys, tmp_path, "--isolated", "--no-cache", "--select", CODES, "--format", "json", "guide.md")
    assert outcome.status == 1, outcome.err
    offset = 5  # the fence's first code line is line 6 of the document
    assert {(line, code) for _, line, code in outcome.codes()} == {(line + offset, code) for line, code in EXPECTED}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_output_format_carries_the_new_codes(tmp_path: Path, capsys, fmt: str) -> None:
    (tmp_path / "step.py").write_text(STEP)
    outcome = pdlint(capsys, tmp_path, "--isolated", "--no-cache", "--select", CODES, "--format", fmt, "step.py")
    assert outcome.status == 1, outcome.err
    for _, code in EXPECTED:
        assert code in outcome.out, (fmt, code)
    if fmt == "sarif":
        rules = json.loads(outcome.out)["runs"][0]["tool"]["driver"]["rules"]
        names = {rule["id"]: rule["name"] for rule in rules}
        assert names["PD119"] == "handler-contract" and names["PD117"] == "swallowed-http-error"


def test_suppressions(tmp_path: Path, capsys) -> None:
    lines = STEP.splitlines()
    lines[6] += "  # noqa: PD118"
    lines[7] += "  # pdlint: ignore[PD120]"
    lines[14] += "  # noqa: PD117"
    (tmp_path / "step.py").write_text("\n".join(lines) + "\n")
    outcome = pdlint(capsys, tmp_path, "--isolated", "--no-cache", "--select", CODES, "--format", "json",
                     "--report-unused-suppressions", "step.py")
    assert {(line, code) for _, line, code in outcome.codes()} == {(20, "PD119")}


def test_configuration_ignores_and_per_file_ignores(tmp_path: Path, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.pdlint]\nignore = ["PD120"]\nper-file-ignores = { "legacy/*" = ["PD118", "PD119"] }\n'
    )
    (tmp_path / "legacy").mkdir()
    (tmp_path / "step.py").write_text(STEP)
    (tmp_path / "legacy" / "old.py").write_text(STEP)
    outcome = pdlint(capsys, tmp_path, "--no-cache", "--format", "json", ".")
    found = {(path.replace("\\", "/"), line, code) for path, line, code in outcome.codes() if code in CODES}
    assert found == {
        ("step.py", 7, "PD118"), ("step.py", 15, "PD117"), ("step.py", 20, "PD119"),
        ("legacy/old.py", 15, "PD117"),
    }


def test_unsafe_fix_from_the_cli(tmp_path: Path, capsys) -> None:
    step = tmp_path / "step.py"
    step.write_text('import requests\n\n\nasync def handler(pd):  # the entry point\n    return 1\n')
    safe = pdlint(capsys, tmp_path, "--isolated", "--no-cache", "--select", "PD119", "--fix", "step.py")
    assert safe.status == 1 and step.read_text().startswith("import requests\n\n\nasync def")
    fixed = pdlint(capsys, tmp_path, "--isolated", "--no-cache", "--select", "PD119", "--fix", "--unsafe-fixes", "step.py")
    assert fixed.status == 0, fixed.out + fixed.err
    assert step.read_text() == 'import requests\n\n\ndef handler(pd):  # the entry point\n    return 1\n'
