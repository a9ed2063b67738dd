"""What an editor does to a document, as LSP messages, and how it applies a server's edits."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lsprotocol import types as lsp

from pdlint.edits import line_list  # the line split LSP makes too
from pdlint.server.documents import Document

LANGUAGE = {".py": "python", ".md": "markdown", ".markdown": "markdown", ".mdx": "mdx", ".rst": "restructuredtext"}


class OpenDocument:
    def __init__(self, client, path: Path, text: str | None = None) -> None:
        self.client = client
        self.path = path
        self.uri = path.as_uri()
        self.text = path.read_text(encoding="utf-8") if text is None else text
        self.version = 1
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
            uri=self.uri, language_id=LANGUAGE.get(path.suffix, "plaintext"), version=1, text=self.text,
        )))

    async def diagnostics(self, after: int = 0) -> list[lsp.Diagnostic]:
        return await self.client.diagnostics_for(self.uri, self.version, after)

    def replace(self, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
        """Edit the text as the editor does (UTF-16 positions) and tell the server."""
        document = Document(self.uri, None, self.text)
        a = document.offset(*start, "utf-16")
        b = document.offset(*end, "utf-16")
        self.text = self.text[:a] + text + self.text[b:]
        self.version += 1
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            content_changes=[lsp.TextDocumentContentChangePartial(
                range=lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end)), text=text,
            )],
        ))

    def set_text(self, text: str) -> None:
        self.text = text
        self.version += 1
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        ))

    def save(self) -> None:
        self.path.write_text(self.text, encoding="utf-8")
        self.client.text_document_did_save(lsp.DidSaveTextDocumentParams(
            text_document=lsp.TextDocumentIdentifier(uri=self.uri)
        ))

    def close(self) -> None:
        self.client.text_document_did_close(lsp.DidCloseTextDocumentParams(
            text_document=lsp.TextDocumentIdentifier(uri=self.uri)
        ))

    async def code_actions(self, at: lsp.Range | None = None, only: list[str] | None = None,
                           diagnostics: list[lsp.Diagnostic] | None = None) -> list[lsp.CodeAction]:
        whole = lsp.Range(start=lsp.Position(0, 0), end=lsp.Position(len(line_list(self.text)) + 1, 0))
        result = await self.client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=self.uri),
            range=at or whole,
            context=lsp.CodeActionContext(diagnostics=diagnostics or [], only=only),
        ))
        return [action for action in result or [] if isinstance(action, lsp.CodeAction)]

    async def hover(self, line: int, character: int) -> lsp.Hover | None:
        return await self.client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=self.uri), position=lsp.Position(line, character)
        ))

    def applied(self, edit: lsp.WorkspaceEdit) -> str:
        """The text after applying a workspace edit for this document, as an editor applies it."""
        (change,) = edit.document_changes or []
        assert change.text_document.uri == self.uri
        assert change.text_document.version == self.version
        text = self.text
        document = Document(self.uri, None, text)
        spans = []
        for item in change.edits:
            a = document.offset(item.range.start.line, item.range.start.character, "utf-16")
            b = document.offset(item.range.end.line, item.range.end.character, "utf-16")
            spans.append((a, b, item.new_text))
        for a, b, new in sorted(spans, reverse=True):
            text = text[:a] + new + text[b:]
        return text


def cli_fixed(path: Path, *flags: str) -> str:
    """What `pdlint --fix FLAGS` writes to a copy of `path` (in the same directory, so the same
    configuration applies)."""
    return cli_fixed_all([path], *flags)[path]


def cli_fixed_all(paths: list[Path], *flags: str) -> dict[Path, str]:
    """What one `pdlint --fix FLAGS` run writes to copies of `paths` (each beside its original)."""
    copies = {path: path.with_name("cli-copy-" + path.name) for path in paths}
    for path, copy in copies.items():
        copy.write_bytes(path.read_bytes())
    subprocess.run(
        [sys.executable, "-m", "pdlint", "--fix", "--no-cache", *flags, *map(str, copies.values())],
        cwd=paths[0].parent, capture_output=True, check=False,
    )
    try:
        return {path: copy.read_text(encoding="utf-8") for path, copy in copies.items()}
    finally:
        for copy in copies.values():
            copy.unlink()
