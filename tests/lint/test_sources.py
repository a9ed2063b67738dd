"""Markdown and pycon snippets: which blocks are linted, and positions mapped to the file."""

from __future__ import annotations

from pdlint.engine import lint_text
from pdlint.rules import all_rules
from pdlint.sources import markdown_snippets

RULES = list(all_rules().values())
SECRET = 'headers = {"X-API-Key": "abc123"}'


def findings(text: str, path: str = "doc.md") -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in lint_text(text, path, RULES) if f.code == "PD104"]


def test_python_fence_positions_are_file_positions() -> None:
    text = f"# Title\n\nSome prose.\n\n```python\nimport os\n{SECRET}\n```\n"
    assert findings(text) == [(7, 25, "PD104")]


def test_tags_py_python3_and_attributes() -> None:
    for tag in ("py", "python3", "Python", "python title='x.py'", "{.python}"):
        assert findings(f"```{tag}\n{SECRET}\n```\n") == [(2, 25, "PD104")], tag


def test_other_languages_and_untagged_fences_are_ignored() -> None:
    for tag in ("", "js", "bash", "json", "text"):
        assert findings(f"```{tag}\n{SECRET}\n```\n") == [], tag


def test_fence_indented_in_list_item_maps_columns() -> None:
    text = f"1. Step one:\n\n   ```python\n   {SECRET}\n   ```\n"
    assert findings(text) == [(4, 28, "PD104")]


def test_every_line_indented_snippet_is_dedented() -> None:
    text = f"::: tip\n\n```python\n    url = 'x'\n    {SECRET}\n```\n:::\n"
    assert findings(text) == [(5, 29, "PD104")]


def test_tilde_fences_and_longer_backtick_fences() -> None:
    assert findings(f"~~~python\n{SECRET}\n~~~\n") == [(2, 25, "PD104")]
    text = f"````python\n```\n{SECRET}\n````\n"  # an inner ``` does not close a ```` fence
    assert [f for f in lint_text(text, "doc.md", RULES) if f.code == "PD001"]


def test_pycon_prompts_stripped_and_output_dropped() -> None:
    text = f'```pycon\n>>> import requests\n>>> {SECRET}\n{{"not": "python"}}\n>>> x = 1\n```\n'
    assert findings(text) == [(3, 29, "PD104")]


def test_pycon_continuation_lines() -> None:
    text = '```pycon\n>>> headers = {\n...     "X-API-Key": "abc123",\n... }\n```\n'
    assert findings(text) == [(3, 22, "PD104")]


def test_unclosed_fence_runs_to_end_of_document() -> None:
    assert findings(f"```python\nx = 1\n{SECRET}\n") == [(3, 25, "PD104")]


def test_each_snippet_is_linted_on_its_own() -> None:
    text = "```python\nimport requests as rq\n```\n\n```python\nrq.get(u)\n```\n"
    # `rq` is unbound in the second snippet, so it is not requests there.
    assert [f for f in lint_text(text, "doc.md", RULES) if f.code == "PD102"] == []


def test_unbound_requests_in_snippet_means_the_module() -> None:
    text = "```python\nr = requests.get('https://x.io', timeout=5)\nr.json()\n```\n"
    assert [(f.line, f.code) for f in lint_text(text, "doc.md", RULES) if f.code == "PD102"] == [(2, "PD102")]


def test_syntax_error_in_snippet_reported_at_file_line() -> None:
    text = "Intro\n\n```python\nx = 1\ndef broken(:\n```\n\n```python\n" + SECRET + "\n```\n"
    found = [(f.line, f.code) for f in lint_text(text, "doc.md", RULES)]
    assert (5, "PD001") in found and (9, "PD104") in found


def test_empty_fence_yields_no_snippet() -> None:
    assert list(markdown_snippets("```python\n\n```\n")) == []


# --- issue 15: console sessions, blockquotes, indented code blocks, PD001 on file lines ---------
def codes_at(text: str, path: str = "doc.md") -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(text, path, RULES)]


def test_a_python_fence_that_starts_with_a_prompt_is_a_console_session() -> None:
    text = (
        "```python\n"
        ">>> import requests\n"
        ">>> r = requests.get('https://api.example.com/ping')\n"
        ">>> r.status_code\n"
        "200\n"
        "```\n"
    )
    found = codes_at(text)
    assert (3, "PD105") in found
    assert not [code for _, code in found if code == "PD001"]


def test_a_console_session_may_open_with_comments() -> None:
    text = (
        "```python\n"
        "# check that the API answers\n"
        ">>> import requests\n"
        ">>> requests.get('https://api.example.com/ping').json()\n"
        "{'ok': True}\n"
        "```\n"
    )
    found = codes_at(text)
    assert (4, "PD105") in found
    assert not [code for _, code in found if code == "PD001"]


def test_a_python_fence_with_a_comment_and_code_is_not_a_console_session() -> None:
    text = "```python\n# fetch\nimport requests\nrequests.get('https://api.example.com/ping')\n```\n"
    assert (4, "PD105") in codes_at(text)


def test_a_fence_in_a_blockquote_is_linted_with_file_columns() -> None:
    text = f"> **Note**\n>\n> ```python\n> {SECRET}\n> ```\n\nAfter.\n"
    assert findings(text) == [(4, 27, "PD104")]
    nested = f"> > ```py\n> > {SECRET}\n> > ```\n"
    assert findings(nested) == [(2, 29, "PD104")]


def test_a_blockquote_fence_ends_with_the_blockquote() -> None:
    text = f"> ```python\n> x = 1\n\n{SECRET}\n```\n"
    assert findings(text) == []  # the unquoted line is prose after the quote, not code


def test_a_prompt_inside_a_blockquote_fence_is_not_a_deeper_quote() -> None:
    text = "> ```python\n> >>> import requests\n> >>> requests.get('https://x.io')\n> ```\n"
    assert (3, "PD105") in codes_at(text)


def test_a_fence_indented_four_spaces_is_an_indented_code_block() -> None:
    text = f"Text.\n\n    ```python\n    {SECRET}\n    ```\n"
    assert findings(text) == []


def test_a_fence_in_a_list_item_and_in_a_nested_item() -> None:
    text = f"- Item\n\n    - Nested\n\n      ```python\n      {SECRET}\n      ```\n"
    assert findings(text) == [(6, 31, "PD104")]


def test_an_mkdocs_admonition_holds_its_fence_four_columns_in() -> None:
    text = f'!!! note "Timeouts"\n    ```python\n    {SECRET}\n    ```\n'
    assert findings(text) == [(3, 29, "PD104")]


def test_pd001_in_a_snippet_names_file_lines() -> None:
    text = "# Title\n\n```python\nx = (1,\ny = ]\n```\n"
    (finding,) = [f for f in lint_text(text, "doc.md", RULES) if f.code == "PD001"]
    assert finding.line == 5 and "on line 4" in finding.message
