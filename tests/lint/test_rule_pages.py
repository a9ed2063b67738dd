"""Each code's page ships in the package (lint/rules/PDnnn_name.md); docs/rules/ and the README's
rules table are generated from the pages and the rule classes, and must not drift from them."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from pdlint import docs
from pdlint.cli import main
from pdlint.codes import ALL_CODES
from pdlint.report.sarif import sarif_log
from pdlint.rules import all_rules

REPO = Path(__file__).resolve().parents[2]
RULES_PACKAGE = resources.files("pdlint.rules")


@pytest.mark.parametrize("code", sorted(ALL_CODES))
def test_every_code_has_a_packaged_page_with_the_sections_in_order(code: str) -> None:
    body = docs.page_body(code, ALL_CODES[code])
    assert body is not None, f"no {docs.page_file(code, ALL_CODES[code])} in pdlint/rules/"
    assert not body.startswith("# "), "the title line is generated from the rule class"
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings[: len(docs.SECTIONS)] == list(docs.SECTIONS)  # more may follow (PD104's figures)


def test_no_page_without_a_code() -> None:
    pages = {entry.name for entry in RULES_PACKAGE.iterdir() if entry.name.endswith(".md")}
    assert pages == {docs.page_file(code, name) for code, name in ALL_CODES.items()}


def test_every_rule_module_has_its_page_beside_it() -> None:
    for code, rule in all_rules().items():
        module = rule.__module__.rsplit(".", 1)[1]
        assert docs.page_file(code, rule.name) == module + ".md"


def test_docs_rules_and_the_readme_table_are_generated_from_the_pages(capsys) -> None:
    status = docs.main(["--check", str(REPO / "docs" / "rules"), "--readme", str(REPO / "README.md")])
    out = capsys.readouterr().out
    assert status == 0, f"{out}\nregenerate: python -m pdlint.docs docs/rules --readme README.md"


def test_the_generator_writes_finds_drift_and_removes_stale_pages(tmp_path: Path, capsys) -> None:
    target = tmp_path / "rules"
    readme = tmp_path / "README.md"
    readme.write_text("# x\n\n| code | name | fix |\n|---|---|---|\n| PD999 | gone | — |\n\nafter\n")
    assert docs.main([str(target), "--readme", str(readme)]) == 0
    assert docs.main(["--check", str(target), "--readme", str(readme)]) == 0
    assert readme.read_text().endswith("| PD120 | unbounded-retry | — |\n\nafter\n")
    assert "PD999" not in readme.read_text()
    page = target / "PD105.md"
    assert page.read_text() == docs.rule_page("PD105") + "\n"
    page.write_text(page.read_text() + "edited by hand\n")
    (target / "PD999.md").write_text("# PD999 gone\n")
    capsys.readouterr()
    assert docs.main(["--check", str(target)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{target / name}: out of date (run `python -m pdlint.docs {target}`)"
        for name in ("PD105.md", "PD999.md")
    ]
    assert docs.main([str(target)]) == 0
    assert not (target / "PD999.md").exists() and docs.main(["--check", str(target)]) == 0


def test_explain_prints_the_whole_packaged_page(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # nothing from the checkout's docs/ is at hand
    assert main(["explain", "PD102"]) == 0
    out = capsys.readouterr().out
    rule = all_rules()["PD102"]
    assert out.startswith(f"# PD102 {rule.name}\n\n## What it does\n")
    assert out == docs.rule_page("PD102") + "\n"
    assert all(section in out for section in docs.SECTIONS) and "```python" in out


def test_sarif_help_is_the_packaged_page() -> None:
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]
    assert {rule["id"] for rule in rules} == set(ALL_CODES)
    for rule in rules:
        assert rule["help"]["markdown"] == docs.rule_page(rule["id"])
        assert rule["help"]["text"].startswith(f"# {rule['id']} {rule['name']}\n")


def test_the_index_lists_every_rule_with_its_class_metadata() -> None:
    text = docs.index()
    for code, rule in all_rules().items():
        summary = rule.summary.replace("|", "\\|")
        row = f"| {code} | {rule.name} | {summary} | {rule.fix_safety or '—'} | [{code}]({code}.md) |"
        assert row in text.splitlines()
    assert re.findall(r"\[(PD00\d) ", text) == ["PD001", "PD002", "PD003"]
