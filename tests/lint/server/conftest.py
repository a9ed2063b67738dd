"""A real LSP client (pytest-lsp) driving the real `pdlint server` process, one per test."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp", reason="the lsp extra is not installed")
from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

FAULTS = Path(__file__).parent / "faults"
# Long enough to time out only a hung server; no test depends on how fast it answers.
PATIENCE = 30
DEBOUNCE_MS = "50"


class Client(LanguageClient):
    """pytest-lsp's client, also keeping every published diagnostics notification in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.published: dict[str, list[lsp.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Condition()
        self.registrations: list[lsp.Registration] = []

    async def record(self, params: lsp.PublishDiagnosticsParams) -> None:
        self.diagnostics[params.uri] = params.diagnostics
        async with self.arrived:
            self.published.setdefault(params.uri, []).append(params)
            self.arrived.notify_all()

    async def diagnostics_for(self, uri: str, version: int | None = None, after: int = 0) -> list[lsp.Diagnostic]:
        """The first diagnostics published for `uri` past the first `after` notifications (for
        `version`, when given)."""

        def found() -> lsp.PublishDiagnosticsParams | None:
            for params in self.published.get(uri, [])[after:]:
                if version is None or params.version == version:
                    return params
            return None

        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: found() is not None), PATIENCE)
        result = found()
        assert result is not None
        return list(result.diagnostics)

    def count(self, uri: str) -> int:
        return len(self.published.get(uri, []))


def make_client() -> Client:
    from pygls.protocol import default_converter

    client = Client(converter_factory=default_converter)
    features = {k: v for k, v in DEFAULT_CLIENT_FEATURES.items() if k != lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}
    register_lsp_features(client, features)

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    async def publish(params: lsp.PublishDiagnosticsParams) -> None:
        await client.record(params)

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def register(params: lsp.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    return client


CAPABILITIES = lsp.ClientCapabilities(
    general=lsp.GeneralClientCapabilities(position_encodings=[lsp.PositionEncodingKind.Utf16]),
    workspace=lsp.WorkspaceClientCapabilities(
        workspace_edit=lsp.WorkspaceEditClientCapabilities(document_changes=True),
        did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
    ),
    text_document=lsp.TextDocumentClientCapabilities(
        code_action=lsp.CodeActionClientCapabilities(
            code_action_literal_support=lsp.ClientCodeActionLiteralOptions(
                code_action_kind=lsp.ClientCodeActionKindOptions(value_set=[
                    lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll,
                ])
            )
        ),
        hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown]),
        publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(version_support=True),
    ),
)

SERVER = [sys.executable, "-m", "pdlint", "server", "--debounce", DEBOUNCE_MS]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A project directory whose pyproject.toml has an empty [tool.pdlint] table."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text("[tool.pdlint]\n", encoding="utf-8")
    return root


async def _start(client: Client, workspace: Path):
    await client.initialize_session(lsp.InitializeParams(
        capabilities=CAPABILITIES,
        root_uri=workspace.as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(uri=workspace.as_uri(), name="project")],
    ))
    yield
    await client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, client_factory=make_client))
async def client(lsp_client: Client, workspace: Path):
    async for _ in _start(lsp_client, workspace):
        yield


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=SERVER, client_factory=make_client,
    server_env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(FAULTS), os.environ.get("PYTHONPATH")]))},
))
async def faulty_client(lsp_client: Client, workspace: Path):
    """A server whose engine fails or waits on cue (see faults/sitecustomize.py)."""
    async for _ in _start(lsp_client, workspace):
        yield
