"""noqa / pdlint: ignore comments, whole-statement coverage, file-level ignores, Markdown skips."""

from __future__ import annotations

from pathlib import Path

from .clirun import pdlint

SECRET = 'headers = {"X-API-Key": "abc123"}'


def lint(tmp_path: Path, capsys, source: str, *args: str, name: str = "s.py", config: str = ""):
    (tmp_path / name).write_text(source)
    if config:
        (tmp_path / "pdlint.toml").write_text(config)
    return pdlint(capsys, tmp_path, "--no-cache", "--format", "json", *args, name)


def test_noqa_with_code_on_the_line(tmp_path, capsys) -> None:
    assert lint(tmp_path, capsys, SECRET + "  # noqa: PD104\n").json() == []
    assert lint(tmp_path, capsys, SECRET + "  # noqa:PD104,PD105\n").json() == []


def test_noqa_for_another_code_does_not_suppress(tmp_path, capsys) -> None:
    assert [d["code"] for d in lint(tmp_path, capsys, SECRET + "  # noqa: PD105\n").json()] == ["PD104"]
    assert [d["code"] for d in lint(tmp_path, capsys, SECRET + "  # noqa: E501\n").json()] == ["PD104"]


def test_pdlint_ignore_comment(tmp_path, capsys) -> None:
    assert lint(tmp_path, capsys, SECRET + "  # pdlint: ignore[PD104]\n").json() == []


def test_bare_noqa_only_when_config_allows(tmp_path, capsys) -> None:
    assert [d["code"] for d in lint(tmp_path, capsys, SECRET + "  # noqa\n").json()] == ["PD104"]
    assert lint(tmp_path, capsys, SECRET + "  # noqa\n", config="allow-bare-noqa = true\n").json() == []


def test_any_line_of_a_multiline_statement_covers_it(tmp_path, capsys) -> None:
    source = (
        "import requests\n"
        "r = requests.get(  # pdlint: ignore[PD104]\n"
        "    'https://x.io',\n"
        "    headers={'X-API-Key': 'abc123'},\n"
        "    timeout=5,\n"
        ")\n"
        "r.raise_for_status()\n"
    )
    assert lint(tmp_path, capsys, source).json() == []
    source_after = source.replace("  # pdlint: ignore[PD104]", "").replace("timeout=5,", "timeout=5,  # noqa: PD104")
    assert lint(tmp_path, capsys, source_after).json() == []


def test_compound_statement_header_covered_but_not_its_body(tmp_path, capsys) -> None:
    source = (
        "import requests\n"
        "with requests.get(\n"
        "    'https://x.io', stream=True,\n"
        ") as r:  # noqa: PD105\n"
        "    requests.post('https://y.io', json={})\n"
    )
    found = [(d["line"], d["code"]) for d in lint(tmp_path, capsys, source, "--select", "PD105").json()]
    assert found == [(5, "PD105")]


def test_comment_on_another_statement_does_not_cover(tmp_path, capsys) -> None:
    source = SECRET + "\nx = 1  # noqa: PD104\n"
    assert [d["line"] for d in lint(tmp_path, capsys, source).json()] == [1]


def test_ignore_file(tmp_path, capsys) -> None:
    source = "# pdlint: ignore-file[PD104]\n" + SECRET + "\n" + SECRET.replace("headers", "h2") + "\n"
    assert lint(tmp_path, capsys, source).json() == []
    assert lint(tmp_path, capsys, "# pdlint: ignore-file[PD105]\n" + SECRET + "\n").json() != []


def test_markdown_line_suppression_and_skip_marker(tmp_path, capsys) -> None:
    doc = (
        "```python\n" + SECRET + "  # noqa: PD104\n```\n\n"
        "<!-- pdlint: skip -->\n```python\n" + SECRET + "\n```\n\n"
        "```python\n" + SECRET + "\n```\n"
    )
    assert [d["line"] for d in lint(tmp_path, capsys, doc, name="d.md").json()] == [11]


def test_unused_suppressions_reported_on_request(tmp_path, capsys) -> None:
    source = SECRET + "  # noqa: PD104\nx = 1  # noqa: PD104\ny = 2  # pdlint: ignore[PD105]\n"
    assert lint(tmp_path, capsys, source).json() == []
    found = lint(tmp_path, capsys, source, "--report-unused-suppressions").json()
    assert [(d["line"], d["code"], d["name"]) for d in found] == [
        (2, "PD002", "unused-suppression"), (3, "PD002", "unused-suppression")
    ]
    # a suppression for a rule that was not run cannot be judged unused
    found = lint(tmp_path, capsys, source, "--report-unused-suppressions", "--select", "PD104").json()
    assert [d["line"] for d in found] == [2]


def test_syntax_error_can_be_suppressed_on_its_line(tmp_path, capsys) -> None:
    assert lint(tmp_path, capsys, "def f(:  # noqa: PD001\n    pass\n").json() == []
