"""`pdlint.noqa.add_noqa`: the comment goes where suppressions read it, and silences the finding."""

from __future__ import annotations

import textwrap

import pytest

import pdlint
from pdlint import add_noqa


def findings(text: str, path: str = "step.py"):
    return pdlint.lint_source(text, path, pdlint.Options())


CASES = {
    "own line": (
        'import requests\nrequests.get("https://x.example").raise_for_status()\n',
        'import requests\nrequests.get("https://x.example").raise_for_status()  # noqa: PD105\n',
    ),
    "merged with another tool's noqa": (
        'import requests\nrequests.get("https://x.example").raise_for_status()  # noqa: E501\n',
        'import requests\nrequests.get("https://x.example").raise_for_status()  # noqa: E501, PD105\n',
    ),
    "first line ends inside a string: the statement's last line": (
        'import requests\nrequests.get("""https://x.example/\na""").raise_for_status()\n',
        'import requests\nrequests.get("""https://x.example/\na""").raise_for_status()  # noqa: PD105\n',
    ),
    "a `# noqa:` inside a string is not a comment": (
        'import requests\nrequests.get("https://x.example/#noqa:E1").raise_for_status()\n',
        'import requests\nrequests.get("https://x.example/#noqa:E1").raise_for_status()  # noqa: PD105\n',
    ),
    "backslash continuation": (
        'import requests\nr = \\\n    requests.get("https://x.example")\nr.raise_for_status()\n',
        'import requests\nr = \\\n    requests.get("https://x.example")  # noqa: PD105\nr.raise_for_status()\n',
    ),
    "CRLF kept": (
        'import requests\r\nrequests.get("https://x.example").raise_for_status()\r\n',
        'import requests\r\nrequests.get("https://x.example").raise_for_status()  # noqa: PD105\r\n',
    ),
}


@pytest.mark.parametrize("before, after", CASES.values(), ids=CASES.keys())
def test_add_noqa(before: str, after: str) -> None:
    (finding,) = findings(before)
    assert add_noqa(before, "step.py", [(finding.line, finding.code)]) == after
    assert findings(after) == []
    # a second time changes nothing
    assert add_noqa(after, "step.py", [(finding.line, finding.code)]) == after


def test_two_codes_on_one_line_and_a_markdown_fence() -> None:
    text = textwrap.dedent('''\
        Text.

        ```python
        import requests
        r = requests.get("https://x.example")
        print(r.json())
        ```
        ''')
    found = findings(text, "doc.md")
    assert sorted(f.code for f in found) == ["PD102", "PD105"]
    fixed = add_noqa(text, "doc.md", [(f.line, f.code) for f in found])
    assert 'r = requests.get("https://x.example")  # noqa: PD102, PD105\n' in fixed
    assert findings(fixed, "doc.md") == []


def test_edit_apply_replaces_whole_lines() -> None:
    from pdlint.edits import Edit

    text = "a\nb\r\nc"
    assert Edit(2, 3, "B\n").apply(text) == "a\nB\nc"
    assert Edit(3, 4, "C").apply(text) == "a\nb\r\nC"
    assert Edit(4, 4, "d\n").apply(text + "\n") == "a\nb\r\nc\nd\n"


NOT_SILENCEABLE = {
    "PD002: a bare `# noqa` is silenced by configuration only": (
        'import requests\nrequests.get("https://x.example", timeout=5)  # noqa\n', "PD002"),
    "PD001: the rest of the text is an unterminated string": (
        'import requests\ny = """abc\nrequests.get("https://x.example")\n', "PD001"),
    "PD001: tokenizing stops at a bad unindent": ("if x:\n    a = 1\n  b = 2\n", "PD001"),
}


@pytest.mark.parametrize("text, code", NOT_SILENCEABLE.values(), ids=NOT_SILENCEABLE.keys())
def test_no_comment_where_it_would_not_silence(text: str, code: str) -> None:
    found = [f for f in findings(text) if f.code == code]
    assert found
    assert add_noqa(text, "step.py", [(f.line, f.code) for f in found]) == text


def test_a_syntax_error_is_silenced_on_its_line() -> None:
    text = 'import requests\nx = (1,\n'
    (finding,) = findings(text)
    assert finding.code == "PD001"
    assert add_noqa(text, "step.py", [(finding.line, finding.code)]) == 'import requests\nx = (1,  # noqa: PD001\n'
    assert findings(add_noqa(text, "step.py", [(finding.line, finding.code)])) == []
