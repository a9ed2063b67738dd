"""Rules find problems on CPython's ast and plan fixes; libcst builds them only when asked."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap

import libcst as cst
import pytest

from pdlint.engine import lint_snippet
from pdlint.fixes import Locator
from pdlint.flags import Flags
from pdlint.model import dict_items
from pdlint.positions import Positions
from pdlint.rules import all_rules
from pdlint.sources import Snippet

RULES = all_rules()
FIXABLE_CASES = [
    pytest.param(rule, case, id=f"{code}-invalid-{i}")
    for code, rule in RULES.items()
    for i, case in enumerate(rule.INVALID)
    if case.expected_fix is not None
]


def _fixable(code: str, rule, flags: Flags) -> list:
    result = lint_snippet(Snippet(text=code), "case.py", [rule], None, flags)
    return sorted((f.line, f.column, f.fixable) for f in result.findings)


@pytest.mark.parametrize(("rule", "case"), FIXABLE_CASES)
def test_advertised_fixes_can_be_built(rule, case) -> None:
    """What plain linting says is fixable (json, text) is what fixing then builds."""
    planned = _fixable(case.code, rule, Flags())
    built = _fixable(case.code, rule, Flags(fixes=True))
    assert planned == built
    assert any(fixable for *_, fixable in planned)


def test_linting_without_fixes_never_imports_libcst(tmp_path) -> None:
    step = tmp_path / "step.py"
    step.write_text(textwrap.dedent("""\
        import json, requests
        def handler(pd):
            f = open("/tmp/x", "w")
            r = requests.post("http://api.example.com", data=json.dumps({"a": 1}), verify=False)
            pd.flow.exit("done")
            return r.json()
    """))
    doc = tmp_path / "guide.md"
    doc.write_text("```python\nimport requests\nrequests.get('https://x')\n```\n")
    script = (
        "import sys\n"
        "from pdlint.cli import main\n"
        f"status = main(['--no-cache', {str(step)!r}, {str(doc)!r}])\n"
        "assert 'libcst' not in sys.modules, 'libcst was imported'\n"
        "sys.exit(0 if status == 1 else 3)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "PD105" in run.stdout and "PD101" in run.stdout


def _locator(code: str) -> tuple[ast.Module, Locator]:
    module = cst.parse_module(code)
    return ast.parse(code), Locator(module, Positions(module), code)


def test_locator_finds_the_libcst_node_at_an_ast_node_place() -> None:
    code = 'x = "héllo wörld"; y = (requests.post(u,\n    data={"ä": 1, "b": [2]}, timeout=5))\n'
    tree, locator = _locator(code)
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    found = locator.node(call, cst.Call)
    assert isinstance(found, cst.Call) and found.func.attr.value == "post"  # inside the parentheses
    timeout = locator.node(call.keywords[1], cst.Arg)
    assert timeout is not None and timeout.keyword.value == "timeout"
    entries = [entry for _, entry in dict_items(call.keywords[0].value)]
    element = locator.node(entries[1], cst.DictElement)
    assert isinstance(element, cst.DictElement) and isinstance(element.value, cst.List)
    second = tree.body[1]
    line = locator.statement_line(second)
    assert isinstance(line, cst.SimpleStatementLine) and len(line.body) == 2
    assert locator.node(second, cst.Assign) is line.body[1]
    assert locator.node(call, cst.Dict) is None


def test_locator_maps_statements_to_their_blocks() -> None:
    code = "def handler(pd):\n    f = open('/tmp/a')\n    f.close()\n"
    tree, locator = _locator(code)
    function = tree.body[0]
    line = locator.statement_line(function.body[0])
    assert isinstance(line, cst.SimpleStatementLine)
    block = locator.parent(line)
    assert isinstance(block, cst.IndentedBlock) and block.body[0] is line
    assert isinstance(locator.statement_line(function), cst.FunctionDef)


def test_columns_count_characters_on_the_lines_python_numbers() -> None:
    """ast columns are UTF-8 bytes; a form feed is no line break to Python (it is to splitlines)."""
    code = 'x = 1\n#\x0c é\ny = "é"; import requests; requests.get("https://é.io")\n'
    findings = lint_snippet(Snippet(text=code), "s.py", [RULES["PD105"]]).findings
    assert [(f.line, f.column) for f in findings] == [(3, 27)]  # 1-based; 26 characters, 27 bytes before
