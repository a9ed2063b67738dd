"""Code actions: fix one finding, fix everything safe in the document, or silence one finding
on its line with `# noqa`. Each edit is the text pdlint's own fixer writes, as one `TextEdit`."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from lsprotocol import types as lsp

from .convert import SOURCE, diagnostic, finding_range, text_edit
from .documents import Document

FIX_ALL = "source.fixAll.pdlint"
KINDS = (lsp.CodeActionKind.QuickFix, FIX_ALL)


def wanted(kind: str, only: Sequence[str] | None) -> bool:
    """Does the client's `only` filter (hierarchical kinds: `source` covers `source.fixAll`) take
    actions of `kind`?"""
    if not only:
        return True
    return any(kind == prefix or kind.startswith(prefix + ".") for prefix in only)


def overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line, b.start.character) <= (a.end.line, a.end.character)


def fix_title(finding: Any) -> str:
    title = f"Fix {finding.code}: {finding.message.split(': ', 1)[0]}"
    return title + " (unsafe)" if finding.fixable == "unsafe" else title


def code_actions(
    document: Document,
    request: lsp.CodeActionParams,
    encoding: str,
    findings: Callable[[], Sequence[Any]],
    fixed_text: Callable[[Any], str | None],
    fix_all_text: Callable[[], str],
    noqa_text: Callable[[Any], str | None],
    workspace_edit: Callable[[lsp.TextEdit], lsp.WorkspaceEdit],
) -> list[lsp.CodeAction]:
    """The actions for the findings under `request.range` or among the diagnostics the request
    carries (Neovim sends the cursor's position with the diagnostics of its line), and fix-all.
    The callables give the findings with their fixes, and the document's whole text after one
    finding's fix, after every safe fix, and with one finding's `# noqa`; each is called only
    when needed."""
    only = request.context.only
    actions: list[lsp.CodeAction] = []
    quick_fixes = wanted(lsp.CodeActionKind.QuickFix, only)
    every = findings() if quick_fixes or wanted(FIX_ALL, only) else []
    sent = {_key(d.code, d.range) for d in request.context.diagnostics or [] if d.source == SOURCE}
    here = []
    for finding in every:
        found = finding_range(document, finding, encoding)
        if overlaps(found, request.range) or _key(finding.code, found) in sent:
            here.append(finding)

    if quick_fixes:
        for finding in here:
            if not finding.fixable:
                continue
            edit = _edit(document, fixed_text(finding), encoding)
            if edit is None:
                continue
            actions.append(lsp.CodeAction(
                title=fix_title(finding),
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic(document, finding, encoding)],
                is_preferred=finding.fixable == "safe",
                edit=workspace_edit(edit),
            ))
        for finding in here:
            edit = _edit(document, noqa_text(finding), encoding)
            if edit is None:
                continue
            actions.append(lsp.CodeAction(
                title=f"Disable {finding.code} for this line",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[diagnostic(document, finding, encoding)],
                edit=workspace_edit(edit),
            ))

    if wanted(FIX_ALL, only) and any(f.fixable == "safe" for f in every):
        edit = _edit(document, fix_all_text(), encoding)
        if edit is not None:
            actions.append(lsp.CodeAction(
                title="Fix all safely fixable pdlint findings",
                kind=FIX_ALL,
                edit=workspace_edit(edit),
            ))
    return actions


def _key(code: Any, at: lsp.Range) -> tuple[str, int, int]:
    """A diagnostic by rule and lines: clients send back the diagnostics they were given, but
    not always with the same columns (Neovim 0.7 turns them into byte offsets)."""
    return str(code), at.start.line, at.end.line


def _edit(document: Document, new_text: str | None, encoding: str) -> lsp.TextEdit | None:
    return None if new_text is None else text_edit(document, new_text, encoding)
