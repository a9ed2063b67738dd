"""The real `pdlint server` under what editors and users really send: odd line breaks and
characters, documents without a file, several projects at once, edits in bursts and out of
order, stale requests, broken configuration, and the end of a session."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types as lsp

from .conftest import PATIENCE
from .editor import OpenDocument, cli_fixed

pytestmark = pytest.mark.asyncio

STEP = (
    "import requests\n"
    "\n"
    "\n"
    "def handler(pd):\n"
    '\tr = requests.get("https://api.example.com/items")\n'
    "\tr.raise_for_status()\n"
    "\treturn r.json()\n"
)
# line 4: `\tr = requests.get(...)`: the call starts at character 5 (tab, "r = ")
CALL = ((4, 5), (4, 50))


def span(diagnostic: lsp.Diagnostic) -> tuple[tuple[int, int], tuple[int, int]]:
    r = diagnostic.range
    return (r.start.line, r.start.character), (r.end.line, r.end.character)


def codes(diagnostics: list[lsp.Diagnostic]) -> list[tuple[str, int]]:
    return sorted((str(d.code), d.range.start.line) for d in diagnostics)


def fix_of(actions: list[lsp.CodeAction], code: str) -> lsp.CodeAction:
    (action,) = [a for a in actions if a.title.startswith(f"Fix {code}: ")]
    return action


def flags(action: lsp.CodeAction) -> tuple[str, ...]:
    """The `pdlint --fix` flags that make the fix of a quick fix so titled."""
    return ("--unsafe-fixes",) if action.title.endswith(" (unsafe)") else ()


async def test_crlf_document(client, workspace: Path) -> None:
    path = workspace / "step.py"
    text = STEP.replace("\n", "\r\n")
    path.write_bytes(text.encode())
    document = OpenDocument(client, path, text)
    (diagnostic,) = await document.diagnostics()
    assert span(diagnostic) == CALL
    action = fix_of(await document.code_actions(diagnostic.range, diagnostics=[diagnostic]), "PD105")
    fixed = document.applied(action.edit)
    assert fixed == cli_fixed_bytes(path, *flags(action))
    # an edit that joins two CRLF lines and splits them again
    document.replace((5, 21), (6, 0), "")
    document.replace((5, 21), (5, 21), "\r\n")
    (again,) = await document.diagnostics()
    assert span(again) == CALL


def cli_fixed_bytes(path: Path, *flags: str) -> str:
    """`cli_fixed` keeping the file's line breaks as they are on disk."""
    import subprocess
    import sys

    copy = path.with_name("cli-copy-" + path.name)
    copy.write_bytes(path.read_bytes())
    subprocess.run([sys.executable, "-m", "pdlint", "--fix", "--no-cache", *flags, str(copy)],
                   cwd=path.parent, capture_output=True, check=False)
    try:
        return copy.read_bytes().decode("utf-8")
    finally:
        copy.unlink()


async def test_a_document_sent_with_its_bom(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_bytes(b"\xef\xbb\xbf" + STEP.encode())
    document = OpenDocument(client, path, "\ufeff" + STEP)
    (diagnostic,) = await document.diagnostics()
    assert diagnostic.code == "PD105"
    assert span(diagnostic) == CALL
    action = fix_of(await document.code_actions(diagnostic.range, diagnostics=[diagnostic]), "PD105")
    assert document.applied(action.edit) == cli_fixed(path, *flags(action))  # the CLI keeps the BOM


async def test_non_bmp_characters_before_a_finding_in_a_blockquote_fence(client, workspace: Path) -> None:
    path = workspace / "guide.md"
    text = (
        "# 😀 Items 😀\n\n"
        "> 😀 quoted:\n"
        "> ```python\n"
        "> import requests\n"
        '> label = "😀😀"; requests.get("https://x.example").raise_for_status()\n'
        "> ```\n"
    )
    path.write_text(text, encoding="utf-8")
    document = OpenDocument(client, path)
    (diagnostic,) = await document.diagnostics()
    # `> label = "😀😀"; ` is 16 characters, 18 UTF-16 code units
    assert span(diagnostic) == ((5, 18), (5, 51))
    action = fix_of(await document.code_actions(diagnostic.range, diagnostics=[diagnostic]), "PD105")
    assert document.applied(action.edit) == cli_fixed(path, *flags(action))


async def test_an_empty_document(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_text("", encoding="utf-8")
    document = OpenDocument(client, path)
    assert await document.diagnostics() == []
    assert await document.code_actions() == []
    assert await document.hover(0, 0) is None
    document.set_text(STEP)
    assert codes(await document.diagnostics()) == [("PD105", 4)]
    document.set_text("")
    assert await document.diagnostics() == []


async def test_a_huge_document_is_pd003(client, workspace: Path) -> None:
    path = workspace / "step.py"
    text = STEP + "# padding\n" * 110_000
    path.write_text(text, encoding="utf-8")
    document = OpenDocument(client, path)
    (diagnostic,) = await document.diagnostics()
    assert diagnostic.code == "PD003"
    assert await document.code_actions() == []


async def test_many_fences_in_markdown_fix_all(client, workspace: Path) -> None:
    blocks = []
    for n in range(40):
        quote = "> " if n % 3 == 0 else ""
        blocks.append(
            f"Step {n}:\n\n{quote}```python\n{quote}import json, requests\n"
            f'{quote}requests.post("https://x.example/{n}", data=json.dumps({{"n": {n}}}), timeout=5).raise_for_status()\n'
            f"{quote}```\n\n"
        )
    path = workspace / "guide.md"
    path.write_text("# Many\n\n" + "".join(blocks), encoding="utf-8")
    document = OpenDocument(client, path)
    diagnostics = await document.diagnostics()
    assert len(diagnostics) == 40
    (action,) = await document.code_actions(only=["source.fixAll.pdlint"])
    assert document.applied(action.edit) == cli_fixed(path)


@pytest.mark.parametrize("uri", ["untitled:Untitled-1", "untitled:/home/user/new.py"])
async def test_an_unsaved_buffer_is_linted_by_its_language(client, workspace: Path, uri: str) -> None:
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=uri, language_id="python", version=1, text=STEP)))
    diagnostics = await client.diagnostics_for(uri, 1)
    assert codes(diagnostics) == [("PD105", 4)]
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=diagnostics[0].range,
        context=lsp.CodeActionContext(diagnostics=diagnostics)))
    assert any(a.title.startswith("Fix PD105") for a in actions)


@pytest.mark.parametrize("name", ["stub.pyi", "notes.rest"])
async def test_every_kind_the_cli_lints(client, workspace: Path, name: str) -> None:
    body = STEP if name.endswith(".pyi") else ".. code-block:: python\n\n    import requests\n    requests.get('https://x').raise_for_status()\n"
    path = workspace / name
    path.write_text(body, encoding="utf-8")
    document = OpenDocument(client, path)
    diagnostics = await client.diagnostics_for(document.uri, 1)
    assert [d.code for d in diagnostics] == ["PD105"]


async def test_notebooks_and_unknown_languages_get_nothing(client, workspace: Path) -> None:
    notebook = workspace / "nb.ipynb"
    notebook.write_text('{"cells": []}', encoding="utf-8")
    for uri, language in [(notebook.as_uri(), "json"), ("untitled:Untitled-2", "plaintext")]:
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
            uri=uri, language_id=language, version=1, text='requests.get("https://x")\n')))
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    await OpenDocument(client, path).diagnostics()
    assert client.count(notebook.as_uri()) == 0
    assert client.count("untitled:Untitled-2") == 0


async def test_documents_outside_the_workspace_and_in_other_folders(client, workspace: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text('[tool.pdlint]\nignore = ["PD105"]\n', encoding="utf-8")
    third = tmp_path / "third"
    third.mkdir()
    (third / "pdlint.toml").write_text('select = ["PD102"]\n', encoding="utf-8")
    results = {}
    for folder in (workspace, other, third):
        path = folder / "step.py"
        path.write_text(STEP.replace("\tr.raise_for_status()\n", ""), encoding="utf-8")
        results[folder.name] = [str(d.code) for d in await OpenDocument(client, path).diagnostics()]
    assert results == {"project": ["PD102", "PD105"], "other": ["PD102"], "third": ["PD102"]}


async def test_bursts_of_incremental_changes(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    document = OpenDocument(client, path)
    await document.diagnostics()
    # type `, timeout=10` one key at a time, then several changes in one notification
    for typed, char in enumerate(", timeout=10"):
        document.replace((4, 49 + typed), (4, 49 + typed), char)  # before the `)` at 49
    assert await document.diagnostics() == []
    document.version += 1
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=document.uri, version=document.version),
        content_changes=[
            lsp.TextDocumentContentChangePartial(range=lsp.Range(start=lsp.Position(4, 49), end=lsp.Position(4, 61)), text=""),
            lsp.TextDocumentContentChangePartial(range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 0)), text="# a\n# b\n"),
            lsp.TextDocumentContentChangePartial(range=lsp.Range(start=lsp.Position(1, 0), end=lsp.Position(2, 0)), text=""),
        ],
    ))
    document.text = "# a\n" + STEP
    assert codes(await document.diagnostics()) == [("PD105", 5)]


async def test_changes_to_documents_that_are_not_open(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    change = lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
        content_changes=[lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(0, 0)), text="x")],
    )
    client.text_document_did_change(change)  # never opened
    document = OpenDocument(client, path)
    assert codes(await document.diagnostics()) == [("PD105", 4)]
    published = client.count(document.uri)
    document.close()
    await client.diagnostics_for(document.uri, None, after=published)
    client.text_document_did_change(change)  # closed
    # a request after both still gets a prompt answer, and nothing more was published
    other = workspace / "other.py"
    other.write_text(STEP, encoding="utf-8")
    await OpenDocument(client, other).diagnostics()
    assert client.count(document.uri) == published + 1
    # said in the log, as a client's mistake, not as a failure of the server
    assert [m.type for m in client.log_messages] == [lsp.MessageType.Warning] * 2
    assert all("not open" in m.message for m in client.log_messages)


async def test_code_actions_right_after_a_change(client, workspace: Path) -> None:
    """An editor that fixes on save asks for fix-all right after the last keystroke, before the
    debounced lint: the answer is for the text as it is now."""
    path = workspace / "step.py"
    text = STEP.replace('"https://api.example.com/items"', '"https://api.example.com/items", data=json.dumps({})')
    path.write_text("import json\n" + text, encoding="utf-8")
    document = OpenDocument(client, path)
    await document.diagnostics()
    document.replace((0, 0), (0, 0), "# edited\n")
    (action,) = await document.code_actions(only=["source.fixAll.pdlint"])
    document.path.write_text(document.text, encoding="utf-8")
    assert document.applied(action.edit) == cli_fixed(path)


async def test_disable_for_line_inside_markdown(client, workspace: Path) -> None:
    path = workspace / "guide.md"
    path.write_text(
        "Text.\n\n> ```python\n> import requests\n> r = requests.get(\n>     'https://x.example',\n> )\n"
        "> r.raise_for_status()\n> ```\n", encoding="utf-8")
    document = OpenDocument(client, path)
    (diagnostic,) = await document.diagnostics()
    (action,) = [a for a in await document.code_actions(diagnostic.range) if a.title.startswith("Disable")]
    document.set_text(document.applied(action.edit))
    assert await document.diagnostics() == []
    assert "> r = requests.get(  # noqa: PD105\n" in document.text


async def test_a_config_that_breaks_and_mends(client, workspace: Path) -> None:
    first, second = workspace / "a.py", workspace / "b.py"
    for path in (first, second):
        path.write_text(STEP, encoding="utf-8")
    documents = [OpenDocument(client, first), OpenDocument(client, second)]
    for document in documents:
        await document.diagnostics()
    config = workspace / "pyproject.toml"

    def changed() -> None:
        client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=config.as_uri(), type=lsp.FileChangeType.Changed)]))

    config.write_text("[tool.pdlint]\nignore = [\n", encoding="utf-8")
    changed()
    await until(lambda: client.messages)
    published = [client.count(d.uri) for d in documents]
    config.write_text('[tool.pdlint]\nignore = ["PD105"]\n', encoding="utf-8")
    changed()
    for document, after in zip(documents, published):
        assert await client.diagnostics_for(document.uri, None, after) == []
    # one message for one broken file, however many documents it governs
    assert len(client.messages) == 1, client.messages
    # broken again: said again
    config.write_text("[tool.pdlint]\nignore = [\n", encoding="utf-8")
    changed()
    await until(lambda: len(client.messages) == 2)


async def until(condition) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), PATIENCE)


async def test_no_disable_action_that_would_not_silence(client, workspace: Path) -> None:
    """PD002 (a bare `# noqa`) is silenced only by configuration: "Disable PD002 for this line"
    would add a comment that changes nothing."""
    path = workspace / "step.py"
    path.write_text('import requests\n\nrequests.get("https://x.example", timeout=5)  # noqa\n', encoding="utf-8")
    document = OpenDocument(client, path)
    diagnostics = await document.diagnostics()
    assert sorted(str(d.code) for d in diagnostics) == ["PD002", "PD102"]
    titles = [a.title for a in await document.code_actions(diagnostics[0].range, diagnostics=diagnostics)]
    assert "Disable PD102 for this line" in titles
    assert "Disable PD002 for this line" not in titles
