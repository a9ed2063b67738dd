"""Diagnostics from the real `pdlint server`: when they are published, and what they say."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as lsp

import pdlint

from .editor import OpenDocument

pytestmark = pytest.mark.asyncio

STEP = '''\
import requests


def handler(pd: "pipedream"):
    r = requests.get("https://api.example.com/items")
    r.raise_for_status()
    return r.json()
'''
# line 4 (0-based): `    r = requests.get("https://api.example.com/items")`
CALL = ((4, 8), (4, 53))

MARKDOWN = '''\
# Calling the API

Fetch the items:

```python
import requests

r = requests.get("https://api.example.com/items", timeout=10)
r.raise_for_status()
```
'''


def codes(diagnostics: list[lsp.Diagnostic]) -> list[tuple[str, int]]:
    return sorted((str(d.code), d.range.start.line) for d in diagnostics)


def span(diagnostic: lsp.Diagnostic) -> tuple[tuple[int, int], tuple[int, int]]:
    r = diagnostic.range
    return (r.start.line, r.start.character), (r.end.line, r.end.character)


async def test_a_python_document_through_open_change_save_and_close(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    document = OpenDocument(client, path)
    assert codes(await document.diagnostics()) == [("PD105", 4)]

    # typing `, timeout=10` before the closing parenthesis: the finding goes (from memory, not disk)
    document.replace((4, 52), (4, 52), ", timeout=10")
    assert await document.diagnostics() == []
    assert path.read_text(encoding="utf-8") == STEP

    # a second request without a timeout, then saved
    document.replace((5, 0), (5, 0), '    requests.post("https://api.example.com/log", json={}).raise_for_status()\n')
    assert codes(await document.diagnostics()) == [("PD105", 5)]
    published = client.count(document.uri)
    document.save()
    assert codes(await document.diagnostics(after=published)) == [("PD105", 5)]

    published = client.count(document.uri)
    document.close()
    assert await client.diagnostics_for(document.uri, None, after=published) == []


async def test_a_markdown_document_through_open_change_save_and_close(client, workspace: Path) -> None:
    path = workspace / "guide.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = OpenDocument(client, path)
    assert await document.diagnostics() == []

    # deleting `, timeout=10` (line 7, the fenced call)
    document.replace((7, 48), (7, 60), "")
    diagnostics = await document.diagnostics()
    assert codes(diagnostics) == [("PD105", 7)]
    assert span(diagnostics[0]) == ((7, 4), (7, 49))

    published = client.count(document.uri)
    document.save()
    assert codes(await document.diagnostics(after=published)) == [("PD105", 7)]
    published = client.count(document.uri)
    document.close()
    assert await client.diagnostics_for(document.uri, None, after=published) == []


@pytest.mark.parametrize("suffix", [".markdown", ".mdx", ".rst"])
async def test_other_document_kinds(client, workspace: Path, suffix: str) -> None:
    body = (
        '.. code-block:: python\n\n    import requests\n    requests.get("https://x.example").raise_for_status()\n'
        if suffix == ".rst" else '```python\nimport requests\nrequests.get("https://x.example").raise_for_status()\n```\n'
    )
    path = workspace / f"doc{suffix}"
    path.write_text(body, encoding="utf-8")
    document = OpenDocument(client, path)
    assert codes(await document.diagnostics()) == [("PD105", 3 if suffix == ".rst" else 2)]


async def test_fields_as_the_rule_pages_say(client, workspace: Path) -> None:
    """PD105 is reported at the request call (its whole range), as a warning; PD104 (a secret) is an error;
    every diagnostic links its rule page."""
    path = workspace / "step.py"
    path.write_text(STEP.replace('"https://api.example.com/items")', '"https://api.example.com/items",\n'
                                 '        headers={"Authorization": "Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc"})'),
                    encoding="utf-8")
    diagnostics = {d.code: d for d in await OpenDocument(client, path).diagnostics()}
    assert set(diagnostics) == {"PD104", "PD105"}
    timeout = diagnostics["PD105"]
    assert span(timeout) == ((4, 8), (5, 77))
    assert timeout.severity == lsp.DiagnosticSeverity.Warning
    assert diagnostics["PD104"].severity == lsp.DiagnosticSeverity.Error
    for code, diagnostic in diagnostics.items():
        assert diagnostic.source == "pdlint"
        assert diagnostic.code_description.href == pdlint.DOCS_URL.format(code=code)
        assert diagnostic.message


async def test_columns_count_utf16_code_units(client, workspace: Path) -> None:
    """`😀` is one character for pdlint, two UTF-16 code units for the editor."""
    path = workspace / "step.py"
    path.write_text('import requests\nlabel = "😀"; requests.get("https://x.example").raise_for_status()\n', encoding="utf-8")
    document = OpenDocument(client, path)
    (diagnostic,) = await document.diagnostics()
    assert span(diagnostic) == ((1, 14), (1, 47))
    # and the editor's UTF-16 positions are understood: insert the timeout before `)`
    document.replace((1, 46), (1, 46), ", timeout=5")
    assert await document.diagnostics() == []


async def test_a_syntax_error_is_pd001(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    document = OpenDocument(client, path)
    await document.diagnostics()
    document.replace((3, 0), (3, 0), "def broken(:\n")
    (diagnostic,) = await document.diagnostics()
    assert diagnostic.code == "PD001"
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert diagnostic.range.start.line == 3
    # fixed again: the findings come back
    document.replace((3, 0), (4, 0), "")
    assert codes(await document.diagnostics()) == [("PD105", 4)]


async def test_pyproject_ignore_and_a_config_change_without_restart(client, workspace: Path) -> None:
    (workspace / "pyproject.toml").write_text('[tool.pdlint]\nignore = ["PD105"]\n', encoding="utf-8")
    sub = workspace / "steps"
    sub.mkdir()
    path = sub / "step.py"
    path.write_text(STEP, encoding="utf-8")
    document = OpenDocument(client, path)
    assert await document.diagnostics() == []

    # the user edits the config: the editor's file watcher tells the server, which lints again
    assert [r.method for r in client.registrations] == [lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    (workspace / "pyproject.toml").write_text('[tool.pdlint]\nignore = ["PD102"]\n', encoding="utf-8")
    published = client.count(document.uri)
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes=[
        lsp.FileEvent(uri=(workspace / "pyproject.toml").as_uri(), type=lsp.FileChangeType.Changed)
    ]))
    assert codes(await document.diagnostics(after=published)) == [("PD105", 4)]

    # a nearer pdlint.toml wins, and is seen at the next edit even without a file watcher
    (sub / "pdlint.toml").write_text('per-file-ignores = { "steps/*.py" = ["PD105"] }\n', encoding="utf-8")
    (sub / "pdlint.toml").write_text('per-file-ignores = { "step.py" = ["PD105"] }\n', encoding="utf-8")
    document.replace((0, 0), (0, 0), "# edited\n")
    assert await document.diagnostics() == []


async def test_noqa_and_pdlint_ignore(client, workspace: Path) -> None:
    path = workspace / "step.py"
    text = STEP.replace('items")\n', 'items")  # noqa: PD105\n')
    text += 'requests.post("https://x.example").raise_for_status()  # pdlint: ignore[PD105]\n'
    text += 'requests.put("https://x.example").raise_for_status()\n'
    path.write_text(text, encoding="utf-8")
    assert codes(await OpenDocument(client, path).diagnostics()) == [("PD105", 8)]


async def test_documents_pdlint_does_not_lint_get_nothing(client, workspace: Path) -> None:
    notes = workspace / "notes.txt"
    notes.write_text('requests.get("https://x.example")\n', encoding="utf-8")
    OpenDocument(client, notes)
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    await OpenDocument(client, path).diagnostics()
    assert client.count(notes.as_uri()) == 0


async def test_files_the_config_excludes_get_no_findings(client, workspace: Path) -> None:
    (workspace / "pyproject.toml").write_text(
        '[tool.pdlint]\nextend-exclude = ["vendored/"]\nmarkdown = false\n', encoding="utf-8"
    )
    (workspace / "vendored").mkdir()
    excluded = workspace / "vendored" / "step.py"
    excluded.write_text(STEP, encoding="utf-8")
    guide = workspace / "guide.md"
    guide.write_text(MARKDOWN.replace(", timeout=10", ""), encoding="utf-8")
    assert await OpenDocument(client, excluded).diagnostics() == []
    assert await OpenDocument(client, guide).diagnostics() == []
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    assert codes(await OpenDocument(client, path).diagnostics()) == [("PD105", 4)]
