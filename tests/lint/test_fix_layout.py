"""Removing an element of a bracketed list (a header entry, a keyword, an imported name) keeps
every comment where it still belongs: the comment at the end of the line before stays there, the
removed element's own comment becomes a comment line at the elements' indentation (never at the
closing bracket's, never at column 0), and the trailing comma follows the surrounding code."""

from __future__ import annotations

import textwrap

import pytest

import pdlint

OPTIONS = pdlint.Options()

CASES = {
    "last-entry-trailing-comma": (
        """
        import json
        import requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                headers={
                    "Accept": "application/json",  # accept
                    "Content-Type": "application/json",  # content type
                },
                data=json.dumps({"a": 1}),
                timeout=5,
            )
            r.raise_for_status()
        """,
        """
        import requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                headers={
                    "Accept": "application/json",  # accept
                    # content type
                },
                json={"a": 1},
                timeout=5,
            )
            r.raise_for_status()
        """,
    ),
    "last-entry-no-trailing-comma": (
        """
        import json, requests
        def handler(pd):
            r = requests.post("https://x.io", headers={
                "Accept": "application/json",  # accept
                "Content-Type": "application/json"  # content type
            }, data=json.dumps({"a": 1}), timeout=5)
            r.raise_for_status()
        """,
        """
        import requests
        def handler(pd):
            r = requests.post("https://x.io", headers={
                "Accept": "application/json"  # accept
                # content type
            }, json={"a": 1}, timeout=5)
            r.raise_for_status()
        """,
    ),
    "middle-entry": (
        """
        import json, requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                headers={
                    "Accept": "application/json",  # accept
                    "Content-Type": "application/json",  # content type
                    "X-Trace": "1",  # trace
                },
                data=json.dumps({"a": 1}),
                timeout=5,
            )
            r.raise_for_status()
        """,
        """
        import requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                headers={
                    "Accept": "application/json",  # accept
                    # content type
                    "X-Trace": "1",  # trace
                },
                json={"a": 1},
                timeout=5,
            )
            r.raise_for_status()
        """,
    ),
    "entry-beside-another-on-its-line": (
        """
        import json, requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                headers={
                    "Accept": "application/json",  # accept
                    "Content-Type": "application/json", "X-Trace": "1",
                },
                data=json.dumps({"a": 1}),
                timeout=5,
            )
            r.raise_for_status()
        """,
        """
        import requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                headers={
                    "Accept": "application/json",  # accept
                    "X-Trace": "1",
                },
                json={"a": 1},
                timeout=5,
            )
            r.raise_for_status()
        """,
    ),
    "last-keyword-trailing-comma": (
        """
        import json
        import requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                data=json.dumps({"a": 1}),  # body
                timeout=5,  # seconds
                headers={"Content-Type": "application/json"},  # json
            )
            r.raise_for_status()
        """,
        """
        import requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                json={"a": 1},  # body
                timeout=5,  # seconds
                # json
            )
            r.raise_for_status()
        """,
    ),
    "last-keyword-no-trailing-comma": (
        """
        import json
        import requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                data=json.dumps({"a": 1}),  # body
                timeout=5,  # seconds
                headers={"Content-Type": "application/json"}  # json
            )
            r.raise_for_status()
        """,
        """
        import requests
        def handler(pd):
            r = requests.post(
                "https://x.io",
                json={"a": 1},  # body
                timeout=5  # seconds
                # json
            )
            r.raise_for_status()
        """,
    ),
    "last-imported-name": (
        """
        from json import (
            loads,  # decode
            dumps,  # encode
        )
        import requests
        def handler(pd):
            r = requests.post("https://x.io", json=dumps({"a": 1}), timeout=5)
            r.raise_for_status()
            return loads(r.text)
        """,
        """
        from json import (
            loads,  # decode
            # encode
        )
        import requests
        def handler(pd):
            r = requests.post("https://x.io", json={"a": 1}, timeout=5)
            r.raise_for_status()
            return loads(r.text)
        """,
    ),
    "first-imported-name": (
        """
        from json import (
            dumps,  # encode
            loads,  # decode
        )
        import requests
        def handler(pd):
            r = requests.post("https://x.io", json=dumps({"a": 1}), timeout=5)
            r.raise_for_status()
            return loads(r.text)
        """,
        """
        from json import (
            # encode
            loads,  # decode
        )
        import requests
        def handler(pd):
            r = requests.post("https://x.io", json={"a": 1}, timeout=5)
            r.raise_for_status()
            return loads(r.text)
        """,
    ),
}


def _code(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.mark.parametrize(("source", "expected"), [pytest.param(*pair, id=name) for name, pair in CASES.items()])
@pytest.mark.parametrize("text_edits", [True, False], ids=["range-edits", "tree"])
def test_a_removed_element_leaves_its_comment_where_it_belongs(source, expected, text_edits, monkeypatch) -> None:
    import pdlint.fixes

    monkeypatch.setattr(pdlint.fixes, "TEXT_EDITS", text_edits)
    result = pdlint.fix_source(_code(source), "step.py", OPTIONS, unsafe=True)
    assert result.problems == []
    assert result.text == _code(expected)
    assert pdlint.fix_source(result.text, "step.py", OPTIONS, unsafe=True).text == result.text


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("unit", ["    ", "  ", "\t"], ids=["four-spaces", "two-spaces", "tab"])
def test_the_comment_line_follows_the_files_indentation_and_line_ends(unit, newline) -> None:
    source, expected = (
        _code(text).replace("    ", unit).replace("\n", newline) for text in CASES["last-entry-trailing-comma"]
    )
    assert pdlint.fix_source(source, "step.py", OPTIONS, unsafe=True).text == expected
