"""Code actions of the real `pdlint server`: each edit gives exactly the text `pdlint --fix` writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as lsp

from pdlint.rules import all_rules

from .editor import OpenDocument, cli_fixed, cli_fixed_all

pytestmark = pytest.mark.asyncio

FIXABLE = sorted(code for code, rule in all_rules().items() if rule.fix_safety)


def only(actions: list[lsp.CodeAction], prefix: str) -> lsp.CodeAction:
    (action,) = [a for a in actions if a.title.startswith(prefix)]
    return action


@pytest.mark.parametrize("code", FIXABLE)
async def test_each_quick_fix_is_what_pdlint_fix_writes(client, workspace: Path, code: str) -> None:
    """For every fix case of the rule with one finding: the quick fix offered on its diagnostic
    turns the document into exactly what `pdlint --fix` writes to a copy, or, for a fix titled
    "(unsafe)", what `pdlint --fix --unsafe-fixes` writes."""
    rule = all_rules()[code]
    (workspace / "pyproject.toml").write_text(f'[tool.pdlint]\nselect = ["{code}"]\n', encoding="utf-8")
    cases = [case for case in rule.INVALID if case.expected_fix is not None]
    paths = []
    for number, case in enumerate(cases):
        paths.append(workspace / f"case_{number}.py")
        paths[-1].write_text(case.code, encoding="utf-8")
    safe, unsafe = cli_fixed_all(paths), cli_fixed_all(paths, "--unsafe-fixes")
    checked = 0
    for path, case in zip(paths, cases):
        document = OpenDocument(client, path)
        diagnostics = [d for d in await document.diagnostics() if d.code == code]
        if len(diagnostics) != 1:
            continue  # the CLI would fix every finding: no single quick fix to compare with it
        actions = await document.code_actions(diagnostics[0].range, diagnostics=diagnostics)
        fixes = [a for a in actions if a.title.startswith(f"Fix {code}: ")]
        if not fixes:
            assert safe[path] == unsafe[path] == case.code, case.code  # no fix offered: none made
            continue
        (action,) = fixes
        assert action.kind == lsp.CodeActionKind.QuickFix
        assert list(action.diagnostics) == diagnostics
        expected = unsafe[path] if action.title.endswith(" (unsafe)") else safe[path]
        assert expected != case.code, (action.title, case.code)
        assert document.applied(action.edit) == expected, case.code
        checked += 1
    assert checked, f"no fix case of {code} with a single finding"


FIX_ALL_STEP = '''\
import json

import requests


def handler(pd: "pipedream"):
    payload = {"name": pd.steps["trigger"]["event"]["name"]}
    r = requests.post("https://api.example.com/items", data=json.dumps(payload), timeout=10)
    r.raise_for_status()
    for chunk in requests.get("https://api.example.com/dump", stream=True, timeout=10).iter_content(chunk_size=1):
        pd.export("chunk", chunk)
    s = requests.Session()
    return s.get("https://api.example.com/items").json()
'''

FIX_ALL_GUIDE = '''\
# Posting JSON

```python
import json
import requests

r = requests.post("https://api.example.com/items", data=json.dumps({"a": 1}), timeout=10)
r.raise_for_status()
```

Text between blocks.

```py
requests.put("https://api.example.com/items/1", data=json.dumps([1]), timeout=10).raise_for_status()
```
'''


@pytest.mark.parametrize("name, text", [("step.py", FIX_ALL_STEP), ("guide.md", FIX_ALL_GUIDE)])
async def test_fix_all_is_what_pdlint_fix_writes(client, workspace: Path, name: str, text: str) -> None:
    path = workspace / name
    path.write_text(text, encoding="utf-8")
    document = OpenDocument(client, path)
    diagnostics = await document.diagnostics()
    assert any(d.code in ("PD103", "PD107") for d in diagnostics)
    # what an editor sends on save with `"source.fixAll.pdlint": true`
    actions = await document.code_actions(only=["source.fixAll.pdlint"])
    (action,) = actions
    assert action.kind == "source.fixAll.pdlint"
    expected = cli_fixed(path)
    assert expected != text
    assert document.applied(action.edit) == expected
    # asked for `source` actions in general, the same action comes
    assert [a.title for a in await document.code_actions(only=["source"])] == [action.title]
    # and no quick fix when only fix-all is asked for; none at all for a clean document
    document.set_text(expected)
    remaining = await document.diagnostics()
    if not any(d.code in ("PD103", "PD107", "PD111", "PD116") for d in remaining):
        assert await document.code_actions(only=["source.fixAll.pdlint"]) == []


async def test_disable_for_this_line(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_text(
        'import requests\n'
        '\n'
        'r = requests.get(  # noqa: E501\n'
        '    "https://api.example.com/items",\n'
        ').raise_for_status()\n'
        'notes = requests.get("""https://api.example.com/\n'
        'notes""").raise_for_status()\n',
        encoding="utf-8",
    )
    document = OpenDocument(client, path)
    diagnostics = await document.diagnostics()
    assert [(d.code, d.range.start.line) for d in diagnostics] == [("PD105", 2), ("PD105", 5)]

    # merged into the `# noqa` already on the statement's line
    action = only(await document.code_actions(diagnostics[0].range), "Disable PD105 for this line")
    assert action.kind == lsp.CodeActionKind.QuickFix
    text = document.applied(action.edit)
    assert text.splitlines()[2] == "r = requests.get(  # noqa: E501, PD105"

    # the call's first line ends inside a string: the comment goes on the statement's last line
    action = only(await document.code_actions(diagnostics[1].range), "Disable PD105 for this line")
    text = document.applied(action.edit)
    assert text.splitlines()[5:] == [
        'notes = requests.get("""https://api.example.com/', 'notes""").raise_for_status()  # noqa: PD105',
    ]

    # and the finding is gone once the editor applied both
    for diagnostic in diagnostics:
        action = only(await document.code_actions(diagnostic.range), "Disable PD105 for this line")
        document.set_text(document.applied(action.edit))
        await document.diagnostics()
    assert await document.diagnostics() == []
    assert cli_fixed(path) == path.read_text(encoding="utf-8")


async def test_no_actions_away_from_findings(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_text('import requests\n\n\nrequests.get("https://x.example").raise_for_status()\n', encoding="utf-8")
    document = OpenDocument(client, path)
    await document.diagnostics()
    nowhere = lsp.Range(start=lsp.Position(1, 0), end=lsp.Position(1, 0))
    assert await document.code_actions(nowhere) == []


async def test_actions_for_the_diagnostics_the_editor_sends(client, workspace: Path) -> None:
    """Neovim asks with the cursor's position and the diagnostics of the cursor's line, eglot
    with the diagnostics at point: the actions are for those diagnostics even when the cursor
    is not inside their range."""
    path = workspace / "step.py"
    path.write_text('import requests\n\n\nr = requests.get("https://x.example")\nr.raise_for_status()\n',
                    encoding="utf-8")
    document = OpenDocument(client, path)
    (diagnostic,) = await document.diagnostics()
    line_start = lsp.Range(start=lsp.Position(3, 0), end=lsp.Position(3, 0))
    actions = await document.code_actions(line_start, diagnostics=[diagnostic])
    assert [a.title.split(":")[0] for a in actions] == ["Fix PD105", "Disable PD105 for this line"]
    # Neovim 0.7 sends them back with byte columns: `é` is one UTF-16 code unit, two bytes
    document.set_text(document.text.replace("r = requests", 'a = "é"; r = requests'))
    (diagnostic,) = await document.diagnostics()
    as_bytes = lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(3, diagnostic.range.start.character + 1),
                        end=lsp.Position(3, diagnostic.range.end.character + 1)),
        message=diagnostic.message, code=diagnostic.code, source=diagnostic.source,
    )
    actions = await document.code_actions(line_start, diagnostics=[as_bytes])
    assert [a.title.split(":")[0] for a in actions] == ["Fix PD105", "Disable PD105 for this line"]
    # a diagnostic of another server on the line brings nothing
    other = lsp.Diagnostic(range=diagnostic.range, message="E501", code="E501", source="flake8")
    assert await document.code_actions(line_start, diagnostics=[other]) == []
