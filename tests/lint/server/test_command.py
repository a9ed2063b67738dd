"""`pdlint server` as a command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


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
