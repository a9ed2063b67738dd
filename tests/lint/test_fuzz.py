"""Property-based fuzzing: pdlint never raises, positions lie inside the file, output is
deterministic, and every fix parses, is idempotent and adds no finding.

Inputs: programs generated from Python's grammar (hypothesmith) and mutations of the rules' own
test cases (inserted `open()`s, requests calls with random keyword sets, odd string literals,
unicode identifiers, deep nesting). `HYPOTHESIS_PROFILE=ci` (set by .ci/run) runs 700 examples per test, 2,100 in all.
"""

from __future__ import annotations

import os
from collections import Counter

import hypothesmith
import libcst as cst
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pdlint.engine import lint_text
from pdlint import fix_source
from pdlint.rules import all_rules

RULES = list(all_rules().values())
settings.register_profile(
    "ci", max_examples=700, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
settings.register_profile(
    "dev", max_examples=60, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
# Generated programs say odd things (`1()`); CPython's SyntaxWarnings about them are noise here.
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")

CASES = [case.code for rule in RULES for case in (*rule.VALID, *rule.INVALID)]
NAMES = st.sampled_from(["r", "resp", "f", "data", "ü", "名前", "_x", "session", "pd", "requests", "json"])
URLS = st.sampled_from(
    ['"https://api.example.com/x"', '"http://example.com/login"', 'f"https://a.io/{x}?id={y}"',
     "url", '"http://127.0.0.1:8000"', '"https://u:p4ss@h.io"', "BASE + '?q=' + q"]
)
ODD_STRINGS = st.sampled_from(
    ['"\\x00"', "'''multi\nline'''", 'r"\\d+"', 'b"\\xff"', '"ghp_' + "a" * 36 + '"', '"🔑 key"',
     'f"{a!r:>{w}}"', '"Bearer abc.def.ghi"', "''", '"\\N{BULLET}"', 'u"x"', '"AKIA' + "A" * 16 + '"']
)
OPEN_TARGETS = ["p", '"/etc/x"', '"/tmp/y"', 'Path("/var/z")']
OPEN_MODES = ['"w"', '"rb"', "mode", '"a+"']
KEYWORDS = st.lists(
    st.sampled_from(
        ["timeout=5", "timeout=None", "stream=True", "verify=False", "data=json.dumps(x)",
         "json=json.dumps(x)", "data={'a': {'b': 1}}", "headers={'Content-Type': 'application/json'}",
         "auth=('u', 'pw123')", "files={'f': open(p, 'rb')}", "params={'api_key': 'k123'}",
         "headers={'Authorization': 'Bearer t0k3n'}", "**kw", "data=m", "json=payload"]
    ),
    max_size=5, unique=True,
)


@st.composite
def statements(draw) -> str:
    name = draw(NAMES)
    kind = draw(st.integers(0, 9))
    keywords = ", ".join(draw(KEYWORDS))
    call = f"requests.{draw(st.sampled_from(['get', 'post', 'put', 'request']))}({draw(URLS)}{', ' if keywords else ''}{keywords})"
    if kind == 0:
        return f"{name} = {call}"
    if kind == 1:
        return call
    if kind == 2:
        target = draw(st.sampled_from(OPEN_TARGETS))
        mode = draw(st.sampled_from(OPEN_MODES))
        return f"{name} = open({target}, {mode})"
    if kind == 3:
        return f"{name} = {draw(ODD_STRINGS)}"
    if kind == 4:
        return f"{name}.iter_content({draw(st.sampled_from(['', '1', 'chunk_size=1', '8192']))})"
    if kind == 5:
        return "pd.flow.exit('stop')"
    if kind == 6:
        return f"{name}.close()"
    if kind == 7:
        return f"{name}.raise_for_status()"
    if kind == 8:
        return f"print({name}.json())"
    return f"with {call} as {name}:\n    {name}.text"


@st.composite
def mutated_cases(draw) -> str:
    lines = draw(st.sampled_from(CASES)).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines)))
        anchor = lines[index] if index < len(lines) else (lines[-1] if lines else "")
        indent = anchor[: len(anchor) - len(anchor.lstrip())]
        statement = draw(statements())
        depth = draw(st.integers(0, 3))
        block = []
        for level in range(depth):
            block.append(indent + "    " * level + draw(st.sampled_from(["if x:", "for i in y:", "with ctx() as c:", "try:"])))
        inner = indent + "    " * depth
        block.extend(inner + line for line in statement.splitlines())
        if depth and block[depth - 1].strip() == "try:":
            block.append(indent + "    " * (depth - 1) + "finally:")
            block.append(indent + "    " * depth + "pass")
        lines[index:index] = block
    source = "\n".join(lines) + "\n"
    try:
        compile(source, "<case>", "exec", flags=0x400 | 0x2000)  # PyCF_ONLY_AST | top-level await
    except SyntaxError:
        assume(False)
    return source


def check_findings(source: str, path: str = "fuzz.py") -> list:
    findings = lint_text(source, path, RULES)
    assert findings == lint_text(source, path, RULES), "output is not deterministic"
    line_count = max(len(source.splitlines()), 1)
    lines = source.splitlines() or [""]
    for finding in findings:
        assert 1 <= finding.line <= line_count, finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding
    return findings


def check_fixes(source: str, before: list) -> None:
    if not any(f.fixable for f in before):
        return
    fixed = fix_source(source, "fuzz.py", unsafe=True)
    cst.parse_module(fixed.text)
    compile(fixed.text, "<fixed>", "exec", flags=0x400 | 0x2000)
    again = fix_source(fixed.text, "fuzz.py", unsafe=True)
    assert again.text == fixed.text, "fixing twice changed the code again"
    counts_before = Counter(f.code for f in before)
    counts_after = Counter(f.code for f in lint_text(fixed.text, "fuzz.py", RULES))
    new = {code: n for code, n in counts_after.items() if n > counts_before[code]}
    assert not new, f"fix added findings {new}\n--- before\n{source}\n--- after\n{fixed.text}"


@pytest.mark.slow
@given(source=hypothesmith.from_grammar())
def test_generated_programs(source: str) -> None:
    findings = check_findings(source)
    check_fixes(source, findings)


@pytest.mark.slow
@given(source=mutated_cases())
def test_mutated_rule_cases(source: str) -> None:
    findings = check_findings(source)
    check_fixes(source, findings)


@pytest.mark.slow
@given(source=mutated_cases(), indent=st.sampled_from(["", "  ", "    "]), tag=st.sampled_from(["python", "py", "pycon"]))
def test_mutated_cases_in_markdown(source: str, indent: str, tag: str) -> None:
    body = source.splitlines()
    if tag == "pycon":
        body = [(">>> " if not line.startswith((" ", "\t")) else "... ") + line for line in body]
    doc = f"# Doc\n\n{indent}```{tag}\n" + "".join(f"{indent}{line}\n" for line in body) + f"{indent}```\n"
    check_findings(doc, "fuzz.md")
