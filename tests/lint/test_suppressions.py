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
    found = lint(tmp_path, capsys, SECRET + "  # noqa\n").json()
    assert [(d["code"], d["column"]) for d in found] == [("PD104", 25), ("PD002", 36)]
    assert found[1]["message"] == (
        "a bare `# noqa` does not silence pdlint: name the codes, `# noqa: PD104` "
        "(or set allow-bare-noqa = true)"
    )
    assert lint(tmp_path, capsys, SECRET + "  # noqa\n", config="allow-bare-noqa = true\n").json() == []


def test_a_bare_noqa_that_is_not_honoured_is_reported_only_where_pdlint_has_findings(tmp_path, capsys) -> None:
    # on a line pdlint has nothing to say about, it is another tool's comment
    assert lint(tmp_path, capsys, "import os  # noqa\n").json() == []
    assert lint(tmp_path, capsys, "import os  # noqa\n", "--report-unused-suppressions").json() == []
    # --ignore PD002 (or per-file-ignores) silences the report, not the finding
    found = lint(tmp_path, capsys, SECRET + "  # NOQA\n", "--ignore", "PD002").json()
    assert [d["code"] for d in found] == ["PD104"]
    found = lint(tmp_path, capsys, SECRET + "  # noqa\n", config='per-file-ignores = {"s.py" = ["PD002"]}\n').json()
    assert [d["code"] for d in found] == ["PD104"]


def test_a_noqa_inside_a_string_suppresses_nothing(tmp_path, capsys) -> None:
    source = 'import requests\nr = requests.get("https://x.io/#noqa: PD105"); r.raise_for_status()\n'
    assert [d["code"] for d in lint(tmp_path, capsys, source).json()] == ["PD105"]
    source = 'import requests\nr = requests.get("https://x.io", headers={"X": "# noqa"}); r.raise_for_status()\n'
    assert [d["code"] for d in lint(tmp_path, capsys, source, config="allow-bare-noqa = true\n").json()] == ["PD105"]
    doc = '"""# pdlint: ignore-file[PD104]"""\n' + SECRET + "\n"
    assert [d["code"] for d in lint(tmp_path, capsys, doc).json()] == ["PD104"]
    markdown = '```python\nimport requests\nrequests.get("u  # noqa: PD105").raise_for_status()\n```\n'
    assert [d["code"] for d in lint(tmp_path, capsys, markdown, name="g.md").json()] == ["PD105"]


def test_comments_of_code_that_stops_tokenizing_still_count(tmp_path, capsys) -> None:
    # an unclosed bracket stops the tokenizer at the end of the file; the comment before counts
    assert [d["code"] for d in lint(tmp_path, capsys, "x = (\n").json()] == ["PD001"]
    assert lint(tmp_path, capsys, "x = (  # noqa: PD001\n").json() == []


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
