"""Rules find problems on CPython's ast and plan fixes; libcst realises them only when asked, at
places found exactly or not at all."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import libcst as cst
import pytest

import pdlint
from pdlint.engine import lint_snippet
from pdlint.fixes import FixError
from pdlint.fixes.tree import FixSession
from pdlint.flags import Flags
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
    assert result.problems == []
    return sorted((f.line, f.column, f.fixable, f.edit is not None) for f in result.findings)


@pytest.mark.parametrize(("rule", "case"), FIXABLE_CASES)
def test_advertised_fixes_can_be_built(rule, case) -> None:
    """What plain linting says is fixable (text) is what the edits (json, sarif) are built for."""
    planned = _fixable(case.code, rule, Flags())
    built = _fixable(case.code, rule, Flags(edits=True))
    assert [row[:3] for row in planned] == [row[:3] for row in built]
    assert all(has_edit == bool(fixable) for _, _, fixable, has_edit in built)
    assert any(fixable for _, _, fixable, _ in planned)


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


def _session(code: str) -> tuple[ast.Module, FixSession]:
    tree = ast.parse(code)
    return tree, FixSession(code, tree)


def test_the_session_finds_the_libcst_call_at_an_ast_call() -> None:
    code = 'x = "héllo wörld"; y = (requests.post(u,\n    data={"ä": f(1), "b": [g(2)]}, timeout=5))\n'
    tree, session = _session(code)
    calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
    post, f, g = calls
    found, place = session.call(post)
    assert isinstance(found, cst.Call) and found.func.attr.value == "post"  # inside the parentheses
    assert session.call(f)[0].func.value == "f" and session.call(g)[0].func.value == "g"
    assert place.statement is tree.body[1] and place.small == 1
    assert isinstance(place.item.node, cst.SimpleStatementLine) and len(place.item.node.body) == 2


def test_the_session_pairs_statements_of_every_block() -> None:
    code = textwrap.dedent("""\
        @decorated
        def handler(pd):
            if a: b(); c()
            elif d:
                e()
            else:
                try:
                    f()
                except KeyError:
                    g()
                finally:
                    h()
        class K:
            x = i()
    """)
    tree, session = _session(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            call, place = session.call(node)
            assert call.func.value == node.func.id
    function = tree.body[0]
    assert session.place(function).item.first_line == 1  # the decorator's line
    elif_ = function.body[0].orelse[0]
    assert session.place(elif_).item is session.place(function.body[0]).item


def test_a_wrong_place_fails_loudly() -> None:
    tree = ast.parse("a = f(1)\nb = g(2)\n")
    with pytest.raises(FixError):
        FixSession("a = f(1)\n", tree)  # not the tree of this code
    other = ast.parse("a = f(1)\nb = g(2)\n")
    _, session = _session("a = f(1)\nb = g(2)\n")
    with pytest.raises(FixError):
        session.call(other.body[0].value)  # a node of another tree


def test_columns_count_characters_on_the_lines_python_numbers() -> None:
    """ast columns are UTF-8 bytes; a form feed is no line break to Python (it is to splitlines)."""
    code = 'x = 1\n#\x0c é\ny = "é"; import requests; requests.get("https://é.io")\n'
    findings = lint_snippet(Snippet(text=code), "s.py", [RULES["PD105"]]).findings
    assert [(f.line, f.column) for f in findings] == [(3, 27)]  # 1-based; 26 characters, 27 bytes before


def test_only_the_fixes_module_knows_libcst_and_nothing_imports_in_a_cycle() -> None:
    """libcst is imported by `pdlint.fixes.tree` alone; the engine imports the fixes only inside
    the function that builds edits; `pdlint.fixes` imports neither the engine nor the rules."""
    package = Path(pdlint.__file__).parent
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text())
        imported = {
            alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
        } | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        if path.relative_to(package).as_posix() != "fixes/tree.py":
            assert not any(name.startswith("libcst") for name in imported), path
        top = {node.module for node in tree.body if isinstance(node, ast.ImportFrom)}
        if path.name == "engine.py":
            assert "fixes" not in top
        if path.parent.name == "fixes":
            assert not {"engine", "rules", "runner"} & {name.lstrip(".") for name in top if name}


def _module_imports(package: Path) -> dict[str, set[str]]:
    """Which pdlint modules each pdlint module imports when it is imported: its top-level
    statements (an `if TYPE_CHECKING:` block and imports inside functions run later, if ever)."""
    modules = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package).with_suffix("").parts
        modules[".".join(part for part in parts if part != "__init__")] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        here = [part for part in here if part]
        found = set()
        for node in ast.parse(path.read_text()).body:
            if not isinstance(node, ast.ImportFrom) or not node.level:
                continue
            base = here[: len(here) - node.level + 1]
            targets = [[*base, *node.module.split(".")]] if node.module else [[*base, a.name] for a in node.names]
            if node.module:
                targets += [[*targets[0], a.name] for a in node.names]
            for target in targets:
                while target and ".".join(target) not in modules:
                    target = target[:-1]
                if target and ".".join(target) != name:
                    found.add(".".join(target))
        graph[name] = found
    return graph


def test_no_module_of_pdlint_imports_in_a_cycle() -> None:
    graph = _module_imports(Path(pdlint.__file__).parent)
    assert "fixes" not in graph["engine"] and "engine" not in graph["fixes.tree"]
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join(path[path.index(name):] + [name]))
        if name in done:
            return
        for imported in sorted(graph.get(name, ())):
            visit(imported, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])


def test_calls_are_ranked_in_libcsts_own_source_order() -> None:
    """`pdlint.fixes.tree` walks libcst nodes through their dataclass fields (fast) instead of
    `CSTNode.children` (a visitor per node); the calls of every statement must come out in the
    order `children` gives, which is source order. Guards an upgrade of libcst."""
    from pdlint.fixes.tree import _own_cst_nodes

    def by_children(statement: cst.CSTNode) -> list[int]:
        found, stack = [], [statement]
        while stack:
            node = stack.pop()
            found.append(node)
            skip = node.orelse if isinstance(node, cst.If) else None
            stack.extend(reversed([
                child for child in node.children
                if not isinstance(child, (cst.BaseSuite, cst.Else, cst.Finally)) and child is not skip
            ]))
        return [id(node) for node in found if isinstance(node, cst.Call)]

    package = Path(pdlint.__file__).parent
    statements = 0
    for path in sorted(package.rglob("*.py")):
        stack: list[cst.CSTNode] = [cst.parse_module(path.read_text())]
        while stack:
            node = stack.pop()
            if isinstance(node, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
                statements += 1
                ours = [id(n) for n in _own_cst_nodes(node) if isinstance(n, cst.Call)]
                assert ours == by_children(node), f"{path}: {type(node).__name__}"
            stack.extend(node.children)
    assert statements > 1000


def test_a_fix_that_cannot_be_built_is_reported_and_the_file_left_alone(tmp_path, monkeypatch) -> None:
    """Outside pdlint's own tests a plan that fails is one error line (exit 2), the file is not
    written, and in the formats with edits the finding is no longer called fixable."""
    import pdlint.fixes
    from pdlint.cli import main
    from pdlint.fixes import Outcome
    from pdlint.fixes.tree import FixSession

    monkeypatch.delenv("PDLINT_STRICT_FIXES")
    monkeypatch.setattr(pdlint.fixes, "TEXT_EDITS", False)
    monkeypatch.setattr(FixSession, "realise", lambda self, plans: Outcome(failed=[(0, "a test says no")]))
    step = tmp_path / "step.py"
    source = "import requests\nr = requests.get('https://x.io')\n"
    step.write_text(source)
    assert main(["--no-cache", "--isolated", "--fix", "--unsafe-fixes", str(step)]) == 2
    assert step.read_text() == source
    findings = pdlint.lint_source(source, "step.py", edits=True)
    assert findings and all(f.fixable is None and f.edit is None for f in findings)
    result = pdlint.fix_source(source, "step.py", unsafe=True)
    assert result.text == source and "could not build the fix of" in result.problems[0]


# --- PD101: an open file kept in a literal bound to a name -----------------------------------------
DECLINED_HOISTS = {
    "returned": """
        import requests
        def handler(pd):
            files = {"image": open("/tmp/a.png", "rb")}
            requests.post("https://x.io", files=files, timeout=5).raise_for_status()
            return files
    """,
    "used-after-its-block": """
        import requests
        def handler(pd):
            if pd.inputs.get("upload"):
                files = {"image": open("/tmp/a.png", "rb")}
                requests.post("https://x.io", files=files, timeout=5).raise_for_status()
            print(files)
    """,
    "handed-to-something-that-keeps-it": """
        import requests
        def handler(pd):
            files = {"image": open("/tmp/a.png", "rb")}
            pd.export("files", files)
    """,
    "used-in-a-lambda": """
        import requests
        def handler(pd):
            files = {"image": open("/tmp/a.png", "rb")}
            send = lambda: requests.post("https://x.io", files=files, timeout=5)
            send().raise_for_status()
    """,
    "bound-again": """
        import requests
        def handler(pd):
            files = {"image": open("/tmp/a.png", "rb")}
            requests.post("https://x.io", files=files, timeout=5).raise_for_status()
            files = {}
    """,
    "sharing-a-line": """
        import requests
        def handler(pd):
            files = {"image": open("/tmp/a.png", "rb")}; r = requests.post("https://x.io", files=files, timeout=5)
            r.raise_for_status()
    """,
    "in-an-expression": """
        import requests
        def handler(pd):
            files = {"image": open("/tmp/a.png", "rb")} if pd.inputs.get("a") else {}
            requests.post("https://x.io", files=files, timeout=5).raise_for_status()
    """,
    "never-used": """
        files = {"image": open("/tmp/python-logo.png", "rb")}
    """,
}


@pytest.mark.parametrize("code", [pytest.param(textwrap.dedent(c).lstrip(), id=n) for n, c in DECLINED_HOISTS.items()])
def test_an_open_file_in_a_bound_literal_is_hoisted_only_where_the_name_dies_in_its_block(code: str) -> None:
    """PD101 reports these and offers no fix: the file could be used after a `with` closed it."""
    found = [f for f in pdlint.lint_source(code, "step.py") if f.code == "PD101"]
    assert found and all(f.fixable is None for f in found)
    assert all(f.code != "PD101" for f in pdlint.fix_source(code, "step.py", unsafe=True).fixed)


def test_a_file_not_stable_after_two_rounds_is_a_fixer_error_and_left_alone(tmp_path, monkeypatch) -> None:
    """Fixes that keep leaving their finding (here: a fixer that realises every plan as "waits
    for the next round") run two rounds, no more; the file is not written and the CLI says why."""
    import pdlint.fixes
    from pdlint.cli import main
    from pdlint.fixes import Outcome

    calls = []

    def never_done(self, plans):
        calls.append(len(plans))
        return Outcome(deferred=list(range(len(plans))))

    monkeypatch.setattr(pdlint.fixes.Fixer, "realise", never_done)
    source = "import requests\nr = requests.get('https://x.io')\nprint(r.json())\n"
    result = pdlint.fix_source(source, "step.py", unsafe=True)
    assert len(calls) == 2
    assert result.text == source and result.fixed == []
    assert result.problems == ["step.py: fixes are not stable after 2 rounds; left as it was (please report this pdlint bug)"]

    step = tmp_path / "step.py"
    step.write_text(source)
    assert main(["--no-cache", "--isolated", "--fix", "--unsafe-fixes", str(step)]) == 2
    assert step.read_text() == source
