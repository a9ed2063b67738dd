"""`pdlint server` as a command."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def test_without_the_lsp_extra_the_command_says_what_to_install(tmp_path: Path) -> None:
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text("import sys\nsys.modules['pygls'] = None\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pdlint", "server"], capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(tmp_path)}, timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "pdlint: error: `pdlint server` needs the lsp extra: pip install 'pytest-pdhttp[lsp]' "
        "(pygls is not installed)"
    )


def frame(message: dict) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


INITIALIZE = {"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}}
INITIALIZED = {"method": "initialized", "params": {}}
SHUTDOWN = {"id": 2, "method": "shutdown"}
EXIT = {"method": "exit"}


@pytest.mark.parametrize("messages, status", [
    ([INITIALIZE, INITIALIZED, SHUTDOWN, EXIT], 0),
    ([INITIALIZE, INITIALIZED, EXIT], 1),  # exit without shutdown
    ([INITIALIZE, INITIALIZED], 1),  # the client went away (end of input) without either
    ([INITIALIZE, INITIALIZED, SHUTDOWN], 0),
], ids=["shutdown-exit", "exit", "end-of-input", "shutdown-end-of-input"])
def test_the_exit_status_is_the_protocols(messages: list[dict], status: int) -> None:
    """LSP: after `exit`, status 0 if a `shutdown` request came first, else 1."""
    pytest.importorskip("pygls", reason="the lsp extra is not installed")
    result = subprocess.run(
        [sys.executable, "-m", "pdlint", "server"], input=b"".join(map(frame, messages)),
        capture_output=True, timeout=60,
    )
    assert result.returncode == status, result.stderr
    answers = [json.loads(body) for body in re.split(rb"Content-Length: \d+\r\n(?:[^\r\n]+\r\n)*\r\n", result.stdout)[1:]]
    assert [a.get("id") for a in answers if "result" in a] == [m["id"] for m in messages if "id" in m]
