"""The language server: document sync, debounced diagnostics, code actions and hover on pygls.

Linting runs on one engine thread, never on the event loop, so the server keeps reading messages
(a newer change, a `$/cancelRequest`) while it works; every result is for a known document
version and is dropped when the document moved on meanwhile.
"""

from __future__ import annotations

import asyncio
import os
import traceback
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, Awaitable, Callable, TypeVar
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.uris import to_fs_path

import pdlint

from . import actions, analysis
from .convert import diagnostic, finding_range
from .documents import UTF16, Change, Document, DocumentStore
from .hover import rule_markdown
from .scheduler import Debouncer

# Seconds to wait after a change before linting: typing a word costs one run, not one per key.
DEFAULT_DEBOUNCE = 0.1
CONFIG_FILES = ("pyproject.toml", "pdlint.toml")
T = TypeVar("T")


class Protocol(LanguageServerProtocol):
    """pygls's protocol, but a change to a document that is not open (a client's mistake) is
    ignored with a warning in the log, where pygls fails with a KeyError."""

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        uri = params.text_document.uri
        if unquote(uri) in self.workspace.text_documents:
            yield from super().lsp_text_document__did_change(params)
        else:
            self.notify(lsp.WINDOW_LOG_MESSAGE, lsp.LogMessageParams(
                type=lsp.MessageType.Warning, message=f"pdlint server: ignored a change to {uri}, which is not open",
            ))


class PdlintServer:
    def __init__(self, debounce: float = DEFAULT_DEBOUNCE) -> None:
        self.ls = LanguageServer(
            "pdlint", pdlint.__version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
            protocol_cls=Protocol,
        )
        self.shut_down = False  # a `shutdown` request came: `exit` then ends the process with 0
        self.documents = DocumentStore()
        self.analyses: dict[str, analysis.Analysis] = {}  # the latest per open document
        self.debounce = debounce
        self.engine = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdlint-engine")
        self.linting = Debouncer(self._lint_and_publish)
        self._configuration_errors: dict[str, str] = {}
        self._register()

    # --- plumbing ---------------------------------------------------------------------------
    def _register(self) -> None:
        feature = self.ls.feature
        feature(lsp.INITIALIZE)(self._guard(self.initialize))
        feature(lsp.INITIALIZED)(self._guard(self.initialized))
        feature(lsp.SHUTDOWN)(self._guard(self.shutdown))
        feature(lsp.TEXT_DOCUMENT_DID_OPEN)(self._guard(self.did_open))
        feature(lsp.TEXT_DOCUMENT_DID_CHANGE)(self._guard(self.did_change))
        feature(lsp.TEXT_DOCUMENT_DID_SAVE)(self._guard(self.did_save))
        feature(lsp.TEXT_DOCUMENT_DID_CLOSE)(self._guard(self.did_close))
        feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)(self._guard(self.did_change_watched_files))
        feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)(self._guard(self.did_change_configuration))
        feature(
            lsp.TEXT_DOCUMENT_CODE_ACTION,
            lsp.CodeActionOptions(code_action_kinds=list(actions.KINDS), resolve_provider=False),
        )(self._guard_async(self.code_action, fallback=None))
        feature(lsp.TEXT_DOCUMENT_HOVER)(self._guard_async(self.hover, fallback=None))
        self.ls.report_server_error = self._report_server_error  # type: ignore[method-assign]

    def _guard(self, handler: Callable[[Any], T]) -> Callable[[Any], T | None]:
        def guarded(params: Any) -> T | None:
            try:
                return handler(params)
            except Exception:  # noqa: BLE001 - one bad message must not stop the server
                self.log_exception(handler.__name__)
                return None

        return guarded

    def _guard_async(self, handler: Callable[[Any], Awaitable[T]], fallback: Any) -> Callable[[Any], Awaitable[Any]]:
        async def guarded(params: Any) -> Any:
            try:
                return await handler(params)
            except Exception:  # noqa: BLE001
                self.log_exception(handler.__name__)
                return fallback

        return guarded

    def log(self, message: str, kind: lsp.MessageType = lsp.MessageType.Info) -> None:
        self.ls.window_log_message(lsp.LogMessageParams(type=kind, message=message))

    def log_exception(self, where: str) -> None:
        self.log(f"pdlint server: error in {where}:\n{traceback.format_exc()}", lsp.MessageType.Error)

    def _report_server_error(self, error: Exception, source: Any) -> None:
        self.log(f"pdlint server: {source.__name__}: {error}", lsp.MessageType.Error)

    async def in_engine(self, function: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.engine, partial(function, *args))

    @property
    def encoding(self) -> str:
        try:
            encoding = self.ls.workspace.position_encoding
        except RuntimeError:  # before `initialize`
            return UTF16
        return str(getattr(encoding, "value", encoding) or UTF16)

    def root(self) -> str:
        try:
            root = self.ls.workspace.root_path
        except RuntimeError:
            root = None
        return root or os.getcwd()

    # --- lifecycle ----------------------------------------------------------------------------
    def initialize(self, params: lsp.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            self.debounce = max(0.0, float(options["debounce"]) / 1000)

    def initialized(self, params: lsp.InitializedParams) -> None:
        capabilities = self.ls.client_capabilities
        watched = capabilities.workspace and capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
            self.ls.client_register_capability(lsp.RegistrationParams(registrations=[
                lsp.Registration(
                    id="pdlint-config-files",
                    method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                )
            ]))

    def shutdown(self, params: None) -> None:
        self.shut_down = True

    # --- documents ----------------------------------------------------------------------------
    def did_open(self, params: lsp.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = analysis.lintable_path(to_fs_path(item.uri), item.language_id, self.root())
        if path is None:
            return
        self.documents.open(item.uri, path, item.text, item.version)
        self.linting.schedule(item.uri, 0)

    def did_change(self, params: lsp.DidChangeTextDocumentParams) -> None:
        changes = [
            Change(c.text, (c.range.start.line, c.range.start.character), (c.range.end.line, c.range.end.character))
            if isinstance(c, lsp.TextDocumentContentChangePartial) else Change(c.text)
            for c in params.content_changes
        ]
        uri = params.text_document.uri
        if self.documents.change(uri, changes, params.text_document.version, self.encoding) is not None:
            self.linting.schedule(uri, self.debounce)

    def did_save(self, params: lsp.DidSaveTextDocumentParams) -> None:
        if self.documents.get(params.text_document.uri) is not None:
            self.linting.schedule(params.text_document.uri, 0)

    def did_close(self, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.linting.cancel(uri)
        known = self.documents.get(uri) is not None
        self.documents.close(uri)
        self.analyses.pop(uri, None)
        self._configuration_errors.pop(uri, None)
        if known:
            self.ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def did_change_watched_files(self, params: lsp.DidChangeWatchedFilesParams) -> None:
        if any(change.uri.endswith(CONFIG_FILES) for change in params.changes):
            self.relint_all()

    def did_change_configuration(self, params: lsp.DidChangeConfigurationParams) -> None:
        self.relint_all()

    def relint_all(self) -> None:
        for document in self.documents:
            self.linting.schedule(document.uri, 0)

    # --- diagnostics --------------------------------------------------------------------------
    async def _lint_and_publish(self, uri: str) -> None:
        document = self.documents.get(uri)
        if document is None or document.path is None:
            return
        text, version, path = document.text, document.version, document.path
        try:
            result = await self.in_engine(analysis.analyse, text, path, version)
        except analysis.ConfigurationError as error:
            self._configuration_problem(uri, str(error))
            return
        except Exception:  # noqa: BLE001 - a bug in one rule must not stop the server
            self.log_exception(f"linting {path}")
            return
        current = self.documents.get(uri)
        if current is None or current.version != version or current.text != text:
            return  # a newer change is on its way
        self._configuration_errors.pop(uri, None)
        self.analyses[uri] = result
        snapshot = Document(uri, path, text, version)
        encoding = self.encoding
        self.ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=version,
            diagnostics=[diagnostic(snapshot, finding, encoding) for finding in result.findings],
        ))

    def _configuration_problem(self, uri: str, message: str) -> None:
        """Tell the user once while the problem lasts, however many documents the broken file
        governs; keep the diagnostics already shown."""
        shown = message in self._configuration_errors.values()
        self._configuration_errors[uri] = message
        if shown:
            return
        self.log(f"pdlint: {message}", lsp.MessageType.Error)
        self.ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"pdlint: {message}"))

    async def current_analysis(self, uri: str) -> analysis.Analysis | None:
        """The analysis of the document's text as it is now: the latest published, else one
        made now (an editor that fixes all on save asks right after the last keystroke, before
        the debounced lint). None for a document the server does not lint or cannot configure."""
        document = self.documents.get(uri)
        result = self.analyses.get(uri)
        if document is None or document.path is None:
            return None
        if result is not None and result.text == document.text:
            return result
        try:
            result = await self.in_engine(analysis.analyse, document.text, document.path, document.version)
        except analysis.ConfigurationError:
            return None  # the debounced lint tells the user
        current = self.documents.get(uri)
        if current is not None and current.text == result.text:
            self.analyses[uri] = result
        return result

    # --- requests -----------------------------------------------------------------------------
    async def code_action(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
        uri = params.text_document.uri
        result = await self.current_analysis(uri)
        if result is None:
            return None
        snapshot = Document(uri, result.path, result.text, result.version)
        build = partial(
            actions.code_actions, snapshot, params, self.encoding,
            findings=result.findings_with_fixes,
            fixed_text=result.fixed_text_for,
            fix_all_text=result.fixed_text,
            noqa_text=result.with_noqa,
            workspace_edit=partial(self._workspace_edit, uri, result.version),
        )
        # Fixes need libcst: they are built on the engine thread (a cancel stops the wait).
        return await self.in_engine(build)

    def _workspace_edit(self, uri: str, version: int | None, edit: lsp.TextEdit) -> lsp.WorkspaceEdit:
        capabilities = self.ls.client_capabilities
        workspace = capabilities.workspace
        if workspace and workspace.workspace_edit and workspace.workspace_edit.document_changes:
            return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
                edits=[edit],
            )])
        return lsp.WorkspaceEdit(changes={uri: [edit]})

    async def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        result = await self.current_analysis(uri)
        if result is None:
            return None
        snapshot = Document(uri, result.path, result.text, result.version)
        encoding = self.encoding
        point = lsp.Range(start=params.position, end=params.position)
        codes: list[str] = []
        hit: lsp.Range | None = None
        for finding in result.findings:
            found = finding_range(snapshot, finding, encoding)
            if actions.overlaps(found, point) and finding.code not in codes:
                codes.append(finding.code)
                hit = hit or found
        if not codes:
            return None
        text = "\n\n---\n\n".join([await self.in_engine(rule_markdown, code) for code in codes])
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text), range=hit)

    def start(self) -> int:
        """Serve until `exit` or the end of input; the exit status the protocol asks for: 0 after
        a `shutdown` request, else 1."""
        try:
            self.ls.start_io()
        finally:
            self.engine.shutdown(wait=False, cancel_futures=True)
        return 0 if self.shut_down else 1


def serve(debounce: float = DEFAULT_DEBOUNCE) -> int:
    return PdlintServer(debounce).start()
