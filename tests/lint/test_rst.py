"""Python blocks in reStructuredText: which blocks, and positions mapped to the .rst file."""

from __future__ import annotations

import textwrap

import pytest

from pdlint.edits import Edit
from pdlint.engine import lint_snippet
from pdlint.finding import Finding
from pdlint.flags import NO_FLAGS, Flags
from pdlint.rst import is_rst, rst_snippets
from pdlint.rules import all_rules


def rst(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def lint_rst(
    text: str, flags: Flags = NO_FLAGS, select: tuple[str, ...] | None = ("PD103", "PD105")
) -> list[Finding]:
    """Findings of the `select`ed rules (all when None) and PD001 for every snippet of `text`."""
    rules = [rule for code, rule in all_rules().items() if select is None or code in select]
    findings: list[Finding] = []
    for snippet in rst_snippets(text):
        result = lint_snippet(snippet, "doc.rst", rules, None, flags)
        findings.extend(result.findings)
    return sorted(findings)


def at(text: str, finding: Finding) -> str:
    """The file text from the finding's position to the end of its line."""
    return text.splitlines()[finding.line - 1][finding.column - 1:]


def codes(findings: list[Finding]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in findings]


def test_is_rst() -> None:
    assert is_rst("docs/index.rst") and is_rst("README.RST") and is_rst("a.rest")
    assert not is_rst("a.md") and not is_rst("a.py") and not is_rst("rst")


def test_code_block_with_options_positions_map_to_the_file() -> None:
    text = rst('''
        Calling the API
        ===============

        .. code-block:: python
           :linenos:
           :caption: fetch.py
           :emphasize-lines: 4,5

           import requests

           def handler(pd):
               r = requests.get("https://api.example.com/items")
               return r.json()

        After.
    ''')
    (snippet,) = rst_snippets(text)
    assert ":linenos:" not in snippet.text and "caption" not in snippet.text
    assert snippet.text.startswith("import requests\n\ndef handler(pd):\n")
    assert snippet.span == (9, 13)
    assert snippet.indent == "   "
    findings = lint_rst(text, select=None)
    assert codes(findings) == [("PD102", 12), ("PD105", 12)]
    for finding in findings:
        assert at(text, finding).startswith('requests.get("https://api.example.com/items")')


@pytest.mark.parametrize("directive", ["code-block", "code", "sourcecode"])
@pytest.mark.parametrize("language", ["python", "py", "python3", "py3", "Python"])
def test_directive_and_language_spellings(directive: str, language: str) -> None:
    text = f'.. {directive}:: {language}\n\n   import requests\n   requests.get("https://x")\n'
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 4)]
    assert findings[0].column == 4


@pytest.mark.parametrize("language", ["bash", "console", "json", "text", "ipython", "python2"])
def test_other_languages_are_not_linted(language: str) -> None:
    text = f'.. code-block:: {language}\n\n   import requests\n   requests.get("https://x")\n'
    assert list(rst_snippets(text)) == []


def test_nested_directives_and_list_items() -> None:
    text = rst('''
        .. note::

           A note with code:

           .. code-block:: python

              import requests
              requests.get("https://x")

        .. tab-set::

           .. tab-item:: Python

              .. code:: python

                 import requests
                 requests.post("https://x", data=json.dumps({"a": 1}), timeout=5)

        1. First step::

               import requests
               requests.get("https://y")

        - Second step
    ''')
    snippets = list(rst_snippets(text))
    assert [s.span for s in snippets] == [(7, 8), (16, 17), (21, 22)]
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 8), ("PD103", 17), ("PD105", 22)]
    assert at(text, findings[0]).startswith("requests.get(")
    assert at(text, findings[1]).startswith("data=json.dumps")
    assert at(text, findings[2]).startswith('requests.get("https://y"')


def test_literal_blocks_after_double_colon() -> None:
    text = rst('''
        Fetch it like this::

            import requests
            requests.get("https://x")

        Or, on its own line:

        ::

            import requests
            requests.delete("https://x")

        Expanded form: ::

            requests.put("https://x")
    ''')
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 4), ("PD105", 11), ("PD105", 15)]
    assert all(at(text, f).startswith("requests.") for f in findings)


def test_literal_blocks_that_do_not_parse_are_skipped_not_pd001() -> None:
    text = rst('''
        Install it::

            $ pip install pytest-pdhttp

        The server answers::

            HTTP/1.1 200 OK
            Content-Type: application/json

        And then::

            import requests
            requests.get("https://x")
    ''')
    snippets = list(rst_snippets(text))
    assert len(snippets) == 1
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 13)]


def test_explicit_python_block_that_does_not_parse_is_pd001() -> None:
    text = rst('''
        Broken:

        .. code-block:: python

           def handler(pd:
               return 1
    ''')
    findings = lint_rst(text)
    assert [f.code for f in findings] == ["PD001"]
    assert findings[0].line in (5, 6)


def test_language_less_code_block_follows_the_default_language() -> None:
    text = rst('''
        .. code-block::

           import requests
           requests.get("https://x")

        .. code-block::

           $ not python
    ''')
    assert codes(lint_rst(text)) == [("PD105", 4)]


def test_highlight_directive_changes_literal_blocks() -> None:
    text = rst('''
        .. highlight:: bash

        Shell::

            import requests
            requests.get("https://ignored")

        .. code-block:: python

           import requests
           requests.get("https://explicit")

        .. highlight:: python

        Python again::

            import requests
            requests.get("https://again")
    ''')
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 11), ("PD105", 18)]


def test_console_blocks_strip_prompts() -> None:
    text = rst('''
        .. code-block:: pycon

           >>> import requests
           >>> r = requests.get(
           ...     "https://x")
           >>> r
           <Response [200]>

        A doctest block:

        >>> import requests
        >>> requests.post("https://x", data=json.dumps({}))
        <Response [200]>

        A literal block that is a session::

            >>> import requests
            >>> requests.get("https://z")
    ''')
    snippets = list(rst_snippets(text))
    assert all(s.pycon for s in snippets)
    assert snippets[0].text == 'import requests\nr = requests.get(\n    "https://x")\nr\n'
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 4), ("PD105", 12), ("PD103", 12), ("PD105", 18)]
    assert at(text, findings[0]).startswith("requests.get(")
    assert at(text, findings[1]).startswith("requests.post(")
    assert at(text, findings[2]).startswith("data=json.dumps")
    assert at(text, findings[3]).startswith('requests.get("https://z")')


def test_a_python_block_may_open_a_console_session_with_a_comment() -> None:
    text = rst('''
        .. code-block:: python

           # check that the API answers
           >>> import requests
           >>> requests.get("https://x")
           <Response [200]>
    ''')
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 5)]
    assert at(text, findings[0]).startswith('requests.get("https://x")')


def test_sphinx_doctest_directives() -> None:
    text = rst('''
        .. testsetup::

           import requests

        .. testcode::

           requests.get("https://x")

        .. doctest::

           >>> requests.get("https://y")
           <Response [200]>

        .. testoutput::

           ignored::

               requests.get("never")
    ''')
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 7), ("PD105", 11)]


def test_verbatim_bodies_and_comments_are_not_searched() -> None:
    text = rst('''
        .. code-block:: bash

           echo "Example::"

               requests.get("not python either")

        ..
           A comment with an example::

               requests.get("commented out")

        .. raw:: html

           <pre>Example::</pre>

        .. _target:

        Real::

            requests.get("https://real")
    ''')
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 20)]


def test_section_adornment_and_title_are_not_literal_markers() -> None:
    text = rst('''
        Usage::
        =======

        ::::::::

        Text.
    ''')
    assert list(rst_snippets(text)) == []


def test_crlf_and_tabs_positions() -> None:
    text = 'Code::\r\n\r\n\timport requests\r\n\trequests.get("https://x")\r\n'
    findings = lint_rst(text)
    assert codes(findings) == [("PD105", 4)]
    assert findings[0].column == 2


def _apply(text: str, edit: Edit) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(lines[: edit.start_line - 1]) + edit.content + "".join(lines[edit.end_line - 1:])


def test_fix_edits_land_in_place_with_the_block_indentation() -> None:
    text = rst('''
        .. note::

           .. code-block:: python
              :caption: step

              import requests

              def handler(pd):
                  return requests.get("https://x").status_code
    ''')
    (finding,) = [f for f in lint_rst(text, Flags(edits=True)) if f.code == "PD105"]
    assert finding.edit is not None
    fixed = _apply(text, finding.edit)
    assert '          return requests.get("https://x", timeout=30).status_code\n' in fixed
    assert fixed.replace(', timeout=30', '') == text
    assert [f.code for f in lint_rst(fixed)] == []


def test_span_covers_the_body_for_whole_block_rewrites() -> None:
    text = rst('''
        Example::

            import requests

            requests.get("https://x")


        Next paragraph.
    ''')
    (snippet,) = rst_snippets(text)
    first, last = snippet.span
    body = text.splitlines()[first - 1:last]
    assert body == ["    import requests", "", '    requests.get("https://x")']
    assert snippet.indent + snippet.dedent == "    "


def test_nothing_to_lint() -> None:
    assert list(rst_snippets("")) == []
    assert list(rst_snippets("Just text.\n\nMore text::\n\n")) == []
    assert list(rst_snippets(".. code-block:: python\n\n")) == []
    assert list(rst_snippets(".. code-block:: python\n   :linenos:\n")) == []


def test_literal_blocks_of_data_are_not_code() -> None:
    text = rst('''
        Output::

            {
                "token": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
                "items": [1, 2, 3]
            }

        Values::

            DEBUG
            some.module.name

        Code:

        .. code-block:: python

           {"token": "sk_live_4eC39HqLyjWDarjtT1zdp7dc"}
    ''')
    snippets = list(rst_snippets(text))
    assert [s.span for s in snippets] == [(17, 17)]
    assert [f.code for f in lint_rst(text, select=("PD104",))] == ["PD104"]
