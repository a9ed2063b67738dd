"""Hover, and a server that survives its own failures, cancellations and long editing sessions."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcRequestCancelled

import pdlint
from pdlint.docs import rule_page

from .editor import OpenDocument

pytestmark = pytest.mark.asyncio

STEP = 'import requests\n\n\ndef handler(pd):\n    return requests.get("https://x.example").json()\n'


async def test_hover_shows_code_name_summary_and_why(client, workspace: Path) -> None:
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    document = OpenDocument(client, path)
    diagnostics = {d.code: d for d in await document.diagnostics()}
    assert set(diagnostics) == {"PD102", "PD105"}
    start = diagnostics["PD105"].range.start
    hover = await document.hover(start.line, start.character + 3)
    assert hover is not None and hover.contents.kind == lsp.MarkupKind.Markdown
    text = hover.contents.value
    # both findings at this call, each with code, name, summary and the first lines of "why"
    assert "**PD105** `missing-timeout`" in text and "**PD102** `unchecked-response`" in text
    assert "request without `timeout=`" in text  # PD105's summary
    why = rule_page("PD105").split("## Why is this bad\n", 1)[1].split("\n\n", 1)[0]
    assert " ".join(why.split()) in text
    assert pdlint.DOCS_URL.format(code="PD105") in text
    # nothing to say away from findings
    assert await document.hover(0, 2) is None


async def test_an_exception_in_the_engine_is_logged_and_the_server_keeps_answering(
    faulty_client, workspace: Path
) -> None:
    client = faulty_client
    broken = workspace / "broken.py"
    broken.write_text("# raise-in-pdlint-engine\n" + STEP, encoding="utf-8")
    OpenDocument(client, broken)
    fine = workspace / "fine.py"
    fine.write_text(STEP, encoding="utf-8")
    document = OpenDocument(client, fine)
    assert {d.code for d in await document.diagnostics()} == {"PD102", "PD105"}
    errors = [m for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert any("injected engine failure" in m.message and "broken.py" in m.message for m in errors), errors
    assert client.count(broken.as_uri()) == 0
    assert await document.hover(4, 12) is not None


async def test_a_cancelled_request_is_answered_as_cancelled(faulty_client, workspace: Path) -> None:
    client = faulty_client
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    document = OpenDocument(client, path)
    diagnostics = await document.diagnostics()
    hold = workspace / "HOLD"
    hold.touch()  # building the fixes now waits until HOLD is gone
    request = asyncio.ensure_future(client.protocol.send_request_async(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=document.uri),
            range=diagnostics[0].range, context=lsp.CodeActionContext(diagnostics=diagnostics),
        ),
        msg_id="held-request",
    ))
    await asyncio.sleep(0)  # the request is written before the cancellation
    client.protocol.notify(lsp.CANCEL_REQUEST, lsp.CancelParams(id="held-request"))
    with pytest.raises(JsonRpcRequestCancelled):
        await asyncio.wait_for(request, 30)
    hold.unlink()
    # the server still answers, with the work it had started
    actions = await document.code_actions(diagnostics[0].range)
    assert any(a.title.startswith("Fix PD105: ") for a in actions)


async def test_a_thousand_edits_do_not_grow_the_server_without_bound(client, workspace: Path) -> None:
    """Typing in one document for a long time: what the server holds stays the size of the
    document, not of its history (measured as the server process's resident memory)."""
    status = Path(f"/proc/{client._server.pid}/status")
    if not status.exists():
        pytest.skip("needs /proc to read the server's memory")

    def resident_kb() -> int:
        line = next(l for l in status.read_text().splitlines() if l.startswith("VmRSS:"))
        return int(line.split()[1])

    path = workspace / "step.py"
    body = "".join(
        f'def step_{n}(pd):\n    r = requests.get("https://x.example/{n}", timeout=5)\n    r.raise_for_status()\n'
        f'    return r.json()\n\n\n' for n in range(50)
    )
    path.write_text("import requests\n\n\n" + body, encoding="utf-8")
    document = OpenDocument(client, path)
    await document.diagnostics()

    line = document.text.splitlines()[4]
    start = line.index(", timeout=5")
    end = start + len(", timeout=5")

    async def type_and_fix(rounds: int) -> None:
        for _ in range(rounds):
            # remove a timeout (a finding appears), then put it back (it goes)
            document.replace((4, start), (4, end), "")
            document.replace((4, start), (4, start), ", timeout=5")
        assert await document.diagnostics() == []
        await document.code_actions()

    await type_and_fix(100)
    settled = resident_kb()
    await type_and_fix(400)  # 1,000 edits in all
    grown = resident_kb() - settled
    assert grown < 8 * 1024, f"the server grew by {grown} kB over 800 more edits"


async def test_an_invalid_config_is_shown_once_and_the_server_keeps_going(client, workspace: Path) -> None:
    (workspace / "pyproject.toml").write_text('[tool.pdlint]\nignore = ["XX1"]\n', encoding="utf-8")
    path = workspace / "step.py"
    path.write_text(STEP, encoding="utf-8")
    document = OpenDocument(client, path)
    # fixed config: the document is linted at the next change
    while not client.messages:
        await asyncio.sleep(0.01)
    (message,) = client.messages
    assert message.type == lsp.MessageType.Error
    assert "pyproject.toml" in message.message and "XX1" in message.message
    (workspace / "pyproject.toml").write_text("[tool.pdlint]\n", encoding="utf-8")
    document.replace((0, 0), (0, 0), "\n")
    assert {d.code for d in await document.diagnostics()} == {"PD102", "PD105"}
