"""The fix corpus: every rule's INVALID cases in several layouts (as written, comments on every
line, comment lines before every statement, 2-space and tab indentation, CRLF, a Markdown fence,
a reST code block), the seed guide, examples/, and hand-written cases (semicolons, one-line
suites, nested blocks, comments in odd places). For every case `pdlint.fix_source(...,
unsafe=True)` must give code that parses, that a second run leaves alone, in at most two rounds,
with no new finding, with every comment of the input (tokenize's COMMENT tokens, as a multiset),
and with exactly as many findings fixed as were reported fixable. `python -m
tests.lint.test_fix_corpus` prints the corpus figures."""

from __future__ import annotations

import io
import re
import textwrap
import tokenize
from collections import Counter
from pathlib import Path

import pytest

import pdlint
from pdlint.engine import snippets_of
from pdlint.rules import all_rules

from .conftest import SEED

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = pdlint.Options(root=str(ROOT))

# --- layouts ------------------------------------------------------------------------------------


def _tokens(code: str) -> list[tokenize.TokenInfo]:
    return list(tokenize.generate_tokens(io.StringIO(code).readline))


def trailing_comments(code: str) -> str:
    """A comment at the end of every line that can take one (not inside strings, not after a
    comment or a backslash)."""
    lines = code.splitlines(keepends=True)
    ends: dict[int, int] = {}
    previous = None
    for token in _tokens(code):
        if token.type in (tokenize.NEWLINE, tokenize.NL) and token.start[0] <= len(lines):
            if previous is None or previous.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
                ends[token.start[0]] = token.start[1]
        previous = token
    for number, column in sorted(ends.items(), reverse=True):
        line = lines[number - 1]
        lines[number - 1] = line[:column] + f"  # note {number}" + line[column:]
    return "".join(lines)


def comment_lines(code: str) -> str:
    """A comment line before every logical line, at its indentation."""
    lines = code.splitlines(keepends=True)
    starts = set()
    at_start = True
    for token in _tokens(code):
        if token.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.NL,
                          tokenize.COMMENT, tokenize.ENCODING):
            at_start = at_start or token.type == tokenize.NEWLINE
            continue
        if at_start and token.type != tokenize.ENDMARKER:
            starts.add(token.start[0])
        at_start = False
    for number in sorted(starts, reverse=True):
        line = lines[number - 1]
        indent = line[: len(line) - len(line.lstrip())]
        lines.insert(number - 1, f"{indent}# about line {number}\n")
    return "".join(lines)


def reindent(code: str, unit: str) -> str:
    """Each leading group of four spaces becomes `unit` (two spaces, a tab)."""
    out = []
    for line in code.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        width = len(line) - len(stripped)
        out.append(unit * (width // 4) + " " * (width % 4) + stripped)
    return "".join(out)


def crlf(code: str) -> str:
    return code.replace("\n", "\r\n")


def markdown(code: str) -> str:
    body = textwrap.indent(code, "   ", lambda line: True)
    return f"# Notes\n\n1. Call the API:\n\n   ```python\n{body}   ```\n\nDone.\n"


def rest(code: str) -> str:
    body = textwrap.indent(code, "   ", lambda line: line.strip() != "")
    return f"Notes\n=====\n\n.. code-block:: python\n\n{body}\nDone.\n"


LAYOUTS = {
    "as-written": (lambda code: code, "case.py"),
    "trailing-comments": (trailing_comments, "case.py"),
    "comment-lines": (comment_lines, "case.py"),
    "two-spaces": (lambda code: reindent(code, "  "), "case.py"),
    "tabs": (lambda code: reindent(code, "\t"), "case.py"),
    "crlf": (lambda code: crlf(trailing_comments(code)), "case.py"),
    "markdown": (markdown, "case.md"),
    "rest": (rest, "case.rst"),
}

# --- hand-written cases -------------------------------------------------------------------------
HAND_WRITTEN = {
    "semicolon-use-after-request": """
        import requests
        def handler(pd):
            r = requests.get(pd.inputs["url"], timeout=5); data = r.json()
            return data
    """,
    "semicolons-everywhere": """
        import json, requests
        def handler(pd):
            a = 1; r = requests.post("https://x.io", data=json.dumps({"a": a})); print(r.text); pd.flow.exit("x"); print("never")
    """,
    "one-line-suites": """
        import requests
        def handler(pd):
            if pd.inputs.get("skip"): pd.flow.exit("skipped")
            for u in pd.inputs["urls"]: r = requests.get(u); print(r.json())
            while False: requests.get("https://x.io")
    """,
    "nested-blocks": """
        import json
        import requests

        def handler(pd):
            with requests.Session() as s:
                for item in pd.steps["fetch"]["items"]:
                    try:
                        if item["ok"]:
                            r = s.post(  # create it
                                "https://api.example.com/items",
                                data=json.dumps(item),  # the body
                            )
                            print(r.json()["id"])
                        else:
                            pd.flow.exit("bad item")  # stop
                            print("never")  # dead
                    except KeyError:
                        pass
    """,
    "decorated-and-async": """
        import functools
        import requests

        @functools.lru_cache
        def fetch(url):
            return requests.get(url)

        async def handler(pd):
            async with make_client() as client:
                r = requests.get("https://x.io", stream=True)
                for chunk in r.iter_content():
                    pd.export("chunk", chunk)
    """,
    "with-block-comments": """
        def handler(pd):
            # write the report
            log = open("/tmp/report.txt", "w")  # opened here

            log.write("a")  # first
            # between
            log.write("b")
            # before closing
            log.close()  # closed
            return True
    """,
    "with-block-two-spaces": """
        def handler(pd):
          out = open("/tmp/out.bin", "wb")
          for part in pd.inputs["parts"]:
            out.write(part)
          out.close()
    """,
    "hoisted-opens": """
        import json
        import requests

        def handler(pd):
            config = json.load(open("/tmp/config.json"))  # settings
            r = requests.post(
                config["url"],
                files={"a": open("/tmp/a.png", "rb"), "b": open("/tmp/b.png", "rb")},  # both
                timeout=10,
            )
            r.raise_for_status()
            with requests.post("https://x.io", data=open("/tmp/c.bin", "rb"), timeout=5) as r2:
                r2.raise_for_status()
    """,
    "headers-dict-comments": """
        import json
        import requests

        def handler(pd):
            r = requests.post(
                "https://api.example.com",
                headers={
                    # what we send
                    "Content-Type": "application/json",  # json body
                    "Accept": "application/json",  # and back
                },
                data=json.dumps(
                    {"a": 1}  # payload
                ),
                timeout=10,
            )
            r.raise_for_status()
            return json.dumps(r.json())
    """,
    "headers-only-content-type": """
        import json, requests
        r = requests.put("https://x.io", headers={"Content-Type": "application/json"}, data=json.dumps({"a": [1, 2]}))
    """,
    "exploded-calls": """
        import requests

        def handler(pd):
            a = requests.get(
                "https://a.io",
                params={"z": 3},
            )
            b = requests.get(
                "https://b.io",
                params={"z": 3}  # no trailing comma
            )
            c = requests.get("https://c.io", params={"z": 3},)
            d = requests.get("https://d.io",
                             params={"z": 3})
            for chunk in d.iter_content(
                decode_unicode=True
            ):
                pd.export("chunk", chunk)
            return a, b, c
    """,
    "tiny-chunks-that-matter": """
        def lines(response):
            out = []
            for b in response.iter_content(chunk_size=1):
                if b == b"\\n":
                    break
                out.append(b)
            return out
    """,
    "headers-last-or-between": """
        import json, requests
        a = requests.put("https://x.io", data=json.dumps({"a": [1]}), timeout=5, headers={"Content-Type": "application/json"})
        b = requests.put("https://x.io", data=json.dumps([1]), headers={"content-type": "application/json"}, timeout=5)
        c = requests.put("https://x.io", json={}, data=json.dumps([1]), headers={"Content-Type": "application/json"},)
    """,
    "walrus-in-dumps": """
        import json, requests
        r = requests.post("https://x.io", json=json.dumps(p := {"a": 1}), timeout=3)
        r.raise_for_status()
        print(p)
    """,
    "flow-exit-then-dead-code": """
        def handler(pd):
            if not pd.inputs.get("id"):
                pd.flow.exit("no id")
                # nothing below runs
                x = compute(
                    1,  # one
                )
                return x  # unreachable
            return pd.inputs["id"]
    """,
    "json-still-used-elsewhere": """
        import json
        import requests
        def handler(pd):
            r = requests.post("https://x.io", data=json.dumps({"a": 1}), timeout=5)
            r.raise_for_status()
            return json.loads(r.text)
    """,
    "form-feed-and-unicode": """
        import requests
        \x0c
        def handler(pd):
            größe = requests.get("https://ä.example.com/ü")  # ünïcode
            return größe.json()
    """,
    "no-trailing-newline": "import requests\nr = requests.get('https://x.io')",
    "file-bound-again-before-close": """
        import json
        def handler(pd):
            out = open("/tmp/leads.json", "w")
            out.write(json.dumps(pd.steps["trigger"]["event"]))
            out = open("/tmp/leads.json", "w")
            out.write(json.dumps(pd.steps["trigger"]["event"]))
            out.close()
    """,
    "generated-step": """
        \"\"\"Step 322: page through leads and count them.\"\"\"

        import json

        import requests


        def handler(pd: "pipedream"):
            graph = requests.post("https://crm.example.net/graphql", json={"query": "{ x }"}, timeout=10)
            pd.export("user", graph.json()["data"]["user"])
            download = requests.get("https://crm.example.net/export/leads.zip", stream=True)
            with open("/tmp/leads.zip", "wb") as target:
                for chunk in download.iter_content(1):
                    target.write(chunk)
            return {"step": 322}
    """,
}


def _hand_written(name: str) -> str:
    code = HAND_WRITTEN[name]
    return textwrap.dedent(code).lstrip("\n") if "\n" in code.strip("\n") else code


# --- the corpus ---------------------------------------------------------------------------------
def _rule_cases() -> list[tuple[str, str, str]]:
    cases = []
    for code, rule in all_rules().items():
        for index, case in enumerate(rule.INVALID):
            fixable = any(f.fixable for f in pdlint.lint_source(case.code, "case.py", OPTIONS))
            layouts = LAYOUTS if fixable else {"as-written": LAYOUTS["as-written"]}
            for layout, (make, path) in layouts.items():
                cases.append((f"{code}-invalid-{index}-{layout}", make(case.code), path))
    return cases


def _file_cases() -> list[tuple[str, str, str]]:
    cases = []
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix in (".py", ".md") and path.is_file():
            relative = path.relative_to(ROOT).as_posix()
            cases.append((relative, path.read_text(encoding="utf-8"), path.name))
    for name in HAND_WRITTEN:
        code = _hand_written(name)
        cases.append((name, code, "case.py"))
        cases.append((f"{name}-crlf", crlf(code), "case.py"))
        cases.append((f"{name}-tabs", reindent(code, "\t"), "case.py"))
    return cases


CASES = _rule_cases() + _file_cases()


def comments(text: str, path: str) -> Counter:
    found: Counter = Counter()
    for snippet in snippets_of(text, path):
        try:
            found.update(t.string for t in _tokens(snippet.text) if t.type == tokenize.COMMENT)
        except (tokenize.TokenError, SyntaxError, IndentationError):
            pass
    return found


def check(text: str, path: str, unsafe: bool = True) -> dict:
    """Fix `text` and check every promise; the figures of the case."""
    before = pdlint.lint_source(text, path, OPTIONS)
    fixable = [f for f in before if f.fixable == "safe" or (unsafe and f.fixable)]
    result = pdlint.fix_source(text, path, OPTIONS, unsafe=unsafe)
    assert result.problems == []
    parse_errors = lambda findings: [f for f in findings if f.code == "PD001"]  # noqa: E731
    assert parse_errors(result.remaining) == parse_errors(before), "the fixed code does not parse"
    if path.endswith(".py") and not parse_errors(before):
        compile(result.text, path, "exec", flags=0x2000)  # top-level await allowed, as pdlint does
    assert result.rounds <= 2
    assert len(result.fixed) == len(fixable), "fixable count and fixed count differ"
    left = Counter(f.code for f in before)
    left.subtract(f.code for f in result.fixed)
    added = {code: n for code, n in Counter(f.code for f in result.remaining).items() if n > left[code]}
    assert not added, f"the fixes added findings: {added}"
    assert not [f for f in result.remaining if f.fixable == "safe" or (unsafe and f.fixable)]
    assert comments(result.text, path) == comments(text, path), "a comment was lost or added"
    again = pdlint.fix_source(result.text, path, OPTIONS, unsafe=unsafe)
    assert again.text == result.text and again.fixed == [], "a second run changed the code"
    return {"fixed": len(result.fixed), "rounds": result.rounds, "changed": result.text != text}


@pytest.mark.parametrize(("text", "path"), [pytest.param(t, p, id=n) for n, t, p in CASES])
def test_fix_corpus(text: str, path: str) -> None:
    check(text, path)


@pytest.mark.parametrize(
    ("text", "path"), [pytest.param(t, p, id=n) for n, t, p in CASES if n.endswith("as-written") or "/" in n]
)
def test_safe_fixes_alone(text: str, path: str) -> None:
    check(text, path, unsafe=False)


@pytest.mark.parametrize(
    ("text", "path"), [pytest.param(t, p, id=n) for n, t, p in CASES if n.endswith("as-written")]
)
def test_each_edit_alone(text: str, path: str) -> None:
    """The text edit of each fix (json, sarif, the language server) applied alone parses and
    removes its finding."""
    findings = pdlint.lint_source(text, path, OPTIONS, edits=True)
    for finding in findings:
        assert (finding.edit is not None) == bool(finding.fixable)
        if finding.edit is None:
            continue
        lines = text.splitlines(keepends=True)
        edit = finding.edit
        edited = "".join(lines[: edit.start_line - 1]) + edit.content + "".join(lines[edit.end_line - 1 :])
        after = pdlint.lint_source(edited, path, OPTIONS)
        assert not [f for f in after if f.code == "PD001"]
        assert sum(f.code == finding.code for f in after) < sum(f.code == finding.code for f in findings)


@pytest.mark.parametrize(("text", "path"), [pytest.param(t, p, id=n) for n, t, p in CASES])
def test_range_edits_and_the_tree_give_the_same_text(text: str, path: str, monkeypatch) -> None:
    """Plans that are plain range edits skip the libcst parse; realised on libcst's tree instead
    they give the same text, and the same edit for each finding."""
    import pdlint.fixes

    results = []
    for text_edits in (True, False):
        monkeypatch.setattr(pdlint.fixes, "TEXT_EDITS", text_edits)
        fixed = pdlint.fix_source(text, path, OPTIONS, unsafe=True)
        edits = [f.edit for f in pdlint.lint_source(text, path, OPTIONS, edits=True)]
        results.append((fixed.text, len(fixed.fixed), fixed.problems, edits))
    assert results[0] == results[1]


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 200
    layouts = {name.rsplit("-", 1)[-1] for name, _, _ in CASES}
    assert {"crlf", "markdown", "rest", "tabs", "spaces", "comments", "lines"} <= layouts


def test_the_seed_guide_fixes_cleanly() -> None:
    if not SEED.exists():
        pytest.skip(f"seed document not found at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    figures = check(text, "seed.md")
    assert figures["fixed"] > 0


def test_the_semicolon_case_gets_one_check_before_the_first_use() -> None:
    code = 'import requests\nr = requests.get(u, timeout=5); data = r.json()\n'
    result = pdlint.fix_source(code, "step.py", OPTIONS, unsafe=True)
    assert result.text == 'import requests\nr = requests.get(u, timeout=5); r.raise_for_status(); data = r.json()\n'
    assert [f.code for f in result.fixed] == ["PD102"] and result.rounds == 1


def main() -> None:  # pragma: no cover - the corpus figures for docs/benchmarks.md
    import time

    totals: Counter = Counter()
    start = time.perf_counter()
    rounds: Counter = Counter()
    for name, text, path in CASES:
        figures = check(text, path)
        totals["cases"] += 1
        totals["fixed"] += figures["fixed"]
        totals["changed"] += figures["changed"]
        rounds[figures["rounds"]] += 1
    if SEED.exists():
        figures = check(SEED.read_text(encoding="utf-8"), "seed.md")
        totals["cases"] += 1
        totals["fixed"] += figures["fixed"]
        rounds[figures["rounds"]] += 1
    elapsed = time.perf_counter() - start
    print(f"{totals['cases']} cases, {totals['changed']} changed, {totals['fixed']} findings fixed, "
          f"rounds: {dict(sorted(rounds.items()))}, all checks passed in {elapsed:.1f} s")


if __name__ == "__main__":  # pragma: no cover
    main()
