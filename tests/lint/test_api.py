"""The public API (`pdlint.lint_source`, `fix_source`, `lint_paths`, `options_for`, `Options`):
what the CLI, `pytest --pdlint` and the language server are built on."""

from __future__ import annotations

import ast
import dataclasses
import json
import os
import textwrap
from pathlib import Path

import pytest

import pdlint
from pdlint.cli import main
from pdlint.diffs import patch_path

ROOT = Path(__file__).resolve().parents[2]

STEP = textwrap.dedent("""\
    import json
    import requests

    def handler(pd: "pipedream"):
        r = requests.post(
            "https://api.example.com/items",
            data=json.dumps({"name": "é"}),
        )
        pd.flow.exit("done")
        return r.json()
""")


def test_the_package_exports_the_api() -> None:
    for name in pdlint.__all__:
        assert getattr(pdlint, name) is getattr(pdlint.api, name)
    assert {"lint_source", "fix_source", "lint_paths", "options_for", "Options"} <= set(pdlint.__all__)
    with pytest.raises(AttributeError):
        pdlint.no_such_thing  # noqa: B018


def test_options_are_frozen_and_typed() -> None:
    options = pdlint.Options(select=("PD105",), timeout_default=10)
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.select = ("PD101",)  # type: ignore[misc]
    fields = {f.name for f in dataclasses.fields(pdlint.Options)}
    assert {"select", "ignore", "extend_select", "per_file_ignores", "timeout_default",
            "secrets_allowlist", "allow_bare_noqa", "report_unused_suppressions"} <= fields
    assert options.fingerprint() != dataclasses.replace(options, timeout_default=20).fingerprint()


def test_lint_source_gives_sorted_findings_with_ranges() -> None:
    findings = pdlint.lint_source(STEP, "step.py")
    assert findings == sorted(findings)
    by_code = {f.code: f for f in findings}
    timeout = by_code["PD105"]  # the whole multi-line call
    assert (timeout.line, timeout.column, timeout.end_line, timeout.end_column) == (5, 9, 8, 6)
    data = by_code["PD103"]  # the keyword argument, in characters (é is two bytes)
    assert (data.line, data.column, data.end_line, data.end_column) == (7, 9, 7, 39)
    assert STEP.splitlines()[6][data.column - 1 : data.end_column - 1] == 'data=json.dumps({"name": "é"})'
    assert by_code["PD103"].fixable == "safe" and by_code["PD105"].fixable == "unsafe"
    assert all(f.edit is None and f.path == "step.py" for f in findings)


def test_lint_source_edits_and_options() -> None:
    findings = pdlint.lint_source(STEP, "step.py", pdlint.Options(select=("PD103",)), edits=True)
    assert [f.code for f in findings] == ["PD103"]
    edit = findings[0].edit
    assert isinstance(edit, pdlint.Edit)
    lines = STEP.splitlines(keepends=True)
    edited = "".join(lines[: edit.start_line - 1]) + edit.content + "".join(lines[edit.end_line - 1 :])
    assert edited == pdlint.fix_source(STEP, "step.py", pdlint.Options(select=("PD103",))).text
    assert '        json={"name": "é"},\n' in edit.content and "import json" not in edited
    none = pdlint.lint_source(STEP, "step.py", pdlint.Options(ignore=("PD1",)))
    assert none == []


def test_lint_source_reads_documents_by_their_path() -> None:
    doc = "# Guide\n\n```python\nimport requests\nrequests.get('https://x.io')\n```\n"
    codes = [(f.line, f.code) for f in pdlint.lint_source(doc, "guide.md")]
    assert (5, "PD105") in codes
    assert pdlint.lint_source(doc, "guide.txt")[0].code == "PD001"  # not Python


def test_fix_source_is_what_the_cli_writes(tmp_path: Path) -> None:
    for unsafe in (False, True):
        step = tmp_path / f"step{unsafe}.py"
        step.write_text(STEP)
        args = ["--no-cache", "--isolated", "--fix", *(["--unsafe-fixes"] if unsafe else []), str(step)]
        main(args)
        result = pdlint.fix_source(STEP, str(step), unsafe=unsafe)
        assert result.text == step.read_text()
        assert result.remaining == pdlint.lint_source(result.text, str(step))
        assert {f.code for f in result.fixed} == ({"PD102", "PD103", "PD105", "PD116"} if unsafe else {"PD103", "PD116"})
        assert all(f.path == str(step) for f in result.fixed + result.remaining)
        assert not any(f.fixable == "safe" or (unsafe and f.fixable) for f in result.remaining)


def test_lint_paths_is_what_the_cli_reports(tmp_path: Path, capsys) -> None:
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "a.py").write_text(STEP)
    (tmp_path / "steps" / "b.md").write_text("```python\nimport requests\nrequests.get(u)\n```\n")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        main(["--no-cache", "--format", "json", "steps", "missing.py"])
        cli = json.loads(capsys.readouterr().out)
        report = pdlint.lint_paths(["steps", "missing.py"], cache=False, fingerprints=True)
    finally:
        os.chdir(cwd)
    assert [f.to_dict() for f in report.findings] == [dict(f, edit=None) for f in cli]
    assert [r.path for r in report.files] == [os.path.join("steps", "a.py"), os.path.join("steps", "b.md")]
    assert report.errors == ["missing.py: no such file or directory"]
    assert report.fixed == 0 and report.diffs == []


def test_lint_paths_fixes_without_writing(tmp_path: Path) -> None:
    step = tmp_path / "a.py"
    step.write_text(STEP)
    report = pdlint.lint_paths([str(step)], pdlint.Options(), fix="safe", write=False, cache=False)
    assert step.read_text() == STEP
    name = patch_path(str(step))
    assert report.fixed == 2 and report.diffs[0].startswith(f"--- a/{name}\n+++ b/{name}\n")
    assert "+        json=" in report.diffs[0]


def test_options_for_finds_the_nearest_config_and_sees_it_change(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "steps" / "legacy").mkdir(parents=True)
    config = project / "pyproject.toml"
    config.write_text('[tool.pdlint]\nignore = ["PD104"]\nper-file-ignores = {"steps/legacy/*" = ["PD105"]}\n')
    legacy, fresh = project / "steps" / "legacy" / "old.py", project / "steps" / "new.py"

    options = pdlint.options_for(str(legacy))
    assert options.source == str(config)
    assert options.ignore == ("PD104", "PD105") and options.per_file_ignores == ()
    assert pdlint.options_for(str(fresh)).ignore == ("PD104",)
    assert [f.code for f in pdlint.lint_source(STEP, str(legacy), options)].count("PD105") == 0

    config.write_text('[tool.pdlint]\ntimeout-default = 12\n')  # edited: seen on the next call
    assert pdlint.options_for(str(fresh)).timeout_default == 12
    (project / "steps" / "pdlint.toml").write_text('select = ["PD105"]\n')  # a nearer one appears
    nearer = pdlint.options_for(str(fresh))
    assert nearer.select == ("PD105",) and nearer.timeout_default == 30
    isolated = pdlint.options_for(str(fresh), isolated=True)
    assert isolated.select is None and isolated.source is None
    (project / "steps" / "pdlint.toml").write_text('select = ["PD9"]\n')
    with pytest.raises(pdlint.ConfigError, match="PD9"):
        pdlint.options_for(str(fresh))


def test_callers_use_only_public_names() -> None:
    """`pytest --pdlint` and the CLI's callers import no underscored name of pdlint."""
    for path in [ROOT / "pytest_pdhttp" / "_pdlint.py"]:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pdlint"):
                assert not any(part.startswith("_") for part in node.module.split(".")), node.module
                assert not any(alias.name.startswith("_") for alias in node.names), ast.dump(node)


def test_report_unused_suppressions_is_a_config_key(tmp_path: Path) -> None:
    (tmp_path / "pdlint.toml").write_text("report-unused-suppressions = true\n")
    step = tmp_path / "a.py"
    options = pdlint.options_for(str(step))
    assert options.report_unused_suppressions is True
    findings = pdlint.lint_source("x = 1  # noqa: PD105\n", str(step), options)
    assert [f.code for f in findings] == ["PD002"]
    (tmp_path / "pdlint.toml").write_text("report-unused-suppressions = 1\n")
    with pytest.raises(pdlint.ConfigError, match="report-unused-suppressions"):
        pdlint.options_for(str(step))
