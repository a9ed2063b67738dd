"""The server and the CLI agree on code they did not write for each other: the examples, the
docs' Markdown and the labelled corpus (a sample by default; PDLINT_SERVER_SAMPLE=all for every
file). Findings (code, place, end, message) as `pdlint --format json` reports them; fix-all as
`pdlint --fix` writes; the quick fix of a file's only fixable finding as `pdlint --fix
[--unsafe-fixes]` writes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types as lsp

from pdlint.server.documents import Document

from .editor import OpenDocument, cli_fixed_all

pytestmark = pytest.mark.asyncio

ROOT = Path(__file__).parents[3]
KINDS = (".py", ".md", ".rst")


def sources() -> list[Path]:
    found = [
        path for folder in ("examples", "docs", "tests/lint/corpus")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in KINDS and path.is_file() and "__pycache__" not in path.parts
    ]
    return [path for path in found if path.name not in ("__init__.py", "score.py", "split.py")]


def sample(paths: list[Path]) -> list[Path]:
    """Every file, or one in six, always the same ones (a spread over the three folders)."""
    if os.environ.get("PDLINT_SERVER_SAMPLE") == "all":
        return paths
    return paths[::6]


def cli_findings(paths: list[Path], cwd: Path) -> dict[str, list[tuple]]:
    result = subprocess.run(
        [sys.executable, "-m", "pdlint", "--format", "json", "--no-cache", *map(str, paths)],
        cwd=cwd, capture_output=True, text=True, check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    found: dict[str, list[tuple]] = {str(Path(cwd, p.name)): [] for p in paths}
    for item in json.loads(result.stdout):
        found[str(Path(cwd, item["path"]))].append(
            (item["code"], item["line"], item["column"], item["end_line"], item["end_column"], item["message"])
        )
    return {path: sorted(items) for path, items in found.items()}


def in_characters(document: OpenDocument, diagnostic: lsp.Diagnostic) -> tuple:
    """A diagnostic as the CLI reports a finding: 1-based lines, 1-based columns in characters."""
    text = Document(document.uri, None, document.text)

    def point(position: lsp.Position) -> tuple[int, int]:
        offset = text.offset(position.line, position.character, "utf-16")
        return position.line + 1, offset - text.starts[min(position.line, len(text.starts) - 1)] + 1

    start, end = point(diagnostic.range.start), point(diagnostic.range.end)
    return (str(diagnostic.code), *start, *end, diagnostic.message)


async def test_findings_and_fixes_as_the_cli(client, workspace: Path) -> None:
    chosen = sample(sources())
    assert len(chosen) >= 20
    paths = []
    for number, source in enumerate(chosen):
        # a flat copy in the test's project: the same configuration for both, nothing written in the repository
        paths.append(workspace / f"{number:03}_{source.name}")
        shutil.copyfile(source, paths[-1])
    findings = cli_findings(paths, workspace)
    safe, unsafe = cli_fixed_all(paths), cli_fixed_all(paths, "--unsafe-fixes")
    compared = {"findings": 0, "fix-all": 0, "quick fix": 0}
    for path in paths:
        document = OpenDocument(client, path)
        diagnostics = await document.diagnostics()
        assert sorted(in_characters(document, d) for d in diagnostics) == findings[str(path)], path.name
        compared["findings"] += len(diagnostics)

        fix_all = await document.code_actions(only=["source.fixAll.pdlint"])
        assert (document.applied(fix_all[0].edit) if fix_all else document.text) == safe[path], path.name
        compared["fix-all"] += bool(fix_all)

        # one fixable finding in the whole file: its quick fix is all that --fix changes
        fixes = [a for a in await document.code_actions(only=[lsp.CodeActionKind.QuickFix]) if a.title.startswith("Fix ")]
        if len(fixes) == 1:
            expected = unsafe[path] if fixes[0].title.endswith(" (unsafe)") else safe[path]
            assert document.applied(fixes[0].edit) == expected, (path.name, fixes[0].title)
            compared["quick fix"] += 1
        document.close()
    assert all(compared.values()), compared
