"""Parse once, build the model and run every enabled rule in a single walk, map positions back."""

from __future__ import annotations

import ast
import hashlib
import sys
import warnings
from dataclasses import dataclass, field
from typing import Sequence

import libcst as cst

from .edits import line_edit
from .finding import Finding, Fix
from .fixes import apply_fixes
from .model import UNKNOWN, Model, dotted_name
from .positions import Positions
from .rules import Rule
from .rst import is_rst, rst_snippets
from .sources import Snippet, is_markdown, markdown_snippets
from .suppressions import MARKERS as SUPPRESSION_MARKERS
from .suppressions import Suppression, SuppressionIndex, statement_spans
from .suppressions import parse as parse_suppressions
from .walker import Walker

SYNTAX_ERROR = ("PD001", "syntax-error")
UNUSED_SUPPRESSION = ("PD002", "unused-suppression")
TOO_LARGE = ("PD003", "file-too-large")
# libcst needs about a minute per megabyte on long flat literals; step code is far smaller.
MAX_CHARACTERS = 1_000_000


@dataclass
class _Pending:
    rule: Rule
    node: cst.CSTNode
    message: str
    fix: Fix | None


@dataclass
class Context:
    """What one snippet's rules share while the walk runs."""

    model: Model
    parents: list[cst.CSTNode]
    settings: dict[str, object] = field(default_factory=dict)
    pending: list[_Pending] = field(default_factory=list)
    _seen: set[tuple[str, int]] = field(default_factory=set)

    def report(self, rule: Rule, node: cst.CSTNode, message: str, fix: Fix | None) -> None:
        key = (rule.code, id(node))
        if key in self._seen:
            return
        self._seen.add(key)
        self.pending.append(_Pending(rule, node, message, fix))


class _ModelUpdates:
    """Keeps the model's imports, scopes and bindings in step with the walk."""

    def __init__(self, model: Model) -> None:
        self.model = model

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            dotted = dotted_name(alias.name)
            if dotted is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.model.add_import(alias.asname.name.value, dotted)
            else:
                head = dotted.split(".", 1)[0]
                self.model.add_import(head, head)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        module = dotted_name(node.module)
        if module is None:
            return
        for alias in node.names:
            name = dotted_name(alias.name)
            if name is None:
                continue
            bound = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            self.model.add_import(bound, f"{module}.{name}")

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.model.bind(node.name.value, UNKNOWN)
        self.model.push_scope(node)
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            self.model.bind(param.name.value, UNKNOWN)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                self.model.bind(star.name.value, UNKNOWN)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.model.pop_scope()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.model.bind(node.name.value, UNKNOWN)
        self.model.push_scope(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.model.pop_scope()

    def leave_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self.model.bind_target(target.target, node.value)

    def leave_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self.model.bind_target(node.target, node.value)

    def leave_AugAssign(self, node: cst.AugAssign) -> None:
        self.model.bind_target(node.target, UNKNOWN)

    def leave_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.model.bind_target(node.target, node.value)

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            if item.asname is not None:
                self.model.bind_target(item.asname.name, item.item)

    def visit_For(self, node: cst.For) -> None:
        self.model.bind_target(node.target, UNKNOWN)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self.model.bind_target(node.name.name, UNKNOWN)


def _callback_tables(
    model_updates: _ModelUpdates, rules: Sequence[Rule]
) -> tuple[dict[type, list], dict[type, list]]:
    visit: dict[type, list] = {}
    leave: dict[type, list] = {}
    for name in dir(_ModelUpdates):
        if name.startswith(("visit_", "leave_")):
            kind, _, type_name = name.partition("_")
            table = visit if kind == "visit" else leave
            table.setdefault(getattr(cst, type_name), []).append(getattr(model_updates, name))
    for rule in rules:
        for kind, node_class, method in rule.handler_table():
            table = visit if kind == "visit" else leave
            table.setdefault(node_class, []).append(getattr(rule, method))
    return visit, leave


@dataclass
class SnippetResult:
    findings: list[Finding]
    module: cst.Module | None
    positions: Positions | None = None


def lint_snippet(
    snippet: Snippet,
    path: str,
    rule_classes: Sequence[type[Rule]],
    settings: dict[str, object] | None = None,
) -> SnippetResult:
    settings = settings or {}
    suppressions = (
        parse_suppressions(snippet.text, bool(settings.get("allow-bare-noqa")))
        if any(marker in snippet.text for marker in SUPPRESSION_MARKERS)
        else []
    )
    # CPython's parser first: it is fast, words errors well, and rejects the deeply nested input
    # that makes libcst's parser crash or take minutes.
    python_error = _python_syntax_error(snippet.text)
    if python_error is not None and python_error[3]:
        finding = _syntax_error(snippet, path, *python_error[:3])
        return SnippetResult(_unsuppressed([finding], suppressions, snippet, []), None)
    try:
        module = cst.parse_module(snippet.text)
    except cst.ParserSyntaxError as error:
        line, column, message = python_error[:3] if python_error else (
            error.raw_line, error.raw_column, error.message
        )
        finding = _syntax_error(snippet, path, line, column, message)
        return SnippetResult(_unsuppressed([finding], suppressions, snippet, []), None)
    except (RecursionError, MemoryError, ValueError, TypeError) as error:
        finding = _syntax_error(snippet, path, 1, 0, f"cannot parse: {error}")
        return SnippetResult(_unsuppressed([finding], suppressions, snippet, []), None)

    _raise_recursion_limit()
    model = Model()
    walker = Walker({}, {})
    context = Context(model=model, parents=walker.parents, settings=settings)
    rules = [rule_class(context) for rule_class in rule_classes]
    walker.visit, walker.leave = _callback_tables(_ModelUpdates(model), rules)
    try:
        walker.walk(module)
    except RecursionError:
        finding = _syntax_error(snippet, path, 1, 0, "cannot analyse: the code is nested too deeply")
        return SnippetResult([finding], None)
    report_unused = bool(settings.get("report-unused-suppressions")) and suppressions
    if not context.pending and not report_unused:
        return SnippetResult([], module)

    try:
        positions = Positions(module)
    except RecursionError:
        finding = _syntax_error(snippet, path, 1, 0, "cannot analyse: the code is nested too deeply")
        return SnippetResult([finding], None)
    spans = statement_spans(module, positions) if suppressions or settings.get("fingerprints") else []
    index = SuppressionIndex(suppressions, spans) if suppressions else None
    want_edits = bool(settings.get("edits"))
    findings = []
    for item in context.pending:
        start = positions[item.node].start
        if index is not None and index.suppresses(item.rule.code, start.line):
            continue
        line, column = snippet.to_file_position(start.line, start.column)
        fix = None if snippet.pycon else item.fix  # console sessions are not rewritten
        finding = Finding(path, line, column, item.rule.code, item.rule.name, item.message, fix)
        if want_edits and fix is not None:
            fixed = apply_fixes(module, [fix])
            finding.edit = None if fixed is None else line_edit(snippet.text, fixed, snippet)
        if settings.get("fingerprints"):
            finding.fingerprint = statement_fingerprint(snippet.text, start.line, spans)
        findings.append(finding)
    if report_unused and index is not None:
        enabled = {rule.code for rule in rule_classes} | {SYNTAX_ERROR[0]}
        findings.extend(_unused(index.unused(enabled), snippet, path))
    return SnippetResult(findings, module, positions)


def _unsuppressed(
    findings: list[Finding], suppressions: list[Suppression], snippet: Snippet, spans: list
) -> list[Finding]:
    if not suppressions:
        return findings
    index = SuppressionIndex(suppressions, spans)
    reverse = {file_line: i + 1 for i, (file_line, _) in enumerate(snippet.line_map)}
    return [
        f for f in findings
        if not index.suppresses(f.code, reverse.get(f.line, f.line) if snippet.line_map else f.line)
    ]


def _unused(unused: list[Suppression], snippet: Snippet, path: str) -> list[Finding]:
    found = []
    for suppression in unused:
        line, column = snippet.to_file_position(suppression.line, suppression.column)
        found.append(
            Finding(path, line, column, UNUSED_SUPPRESSION[0], UNUSED_SUPPRESSION[1],
                    f"unused suppression `{suppression.text}`: it matches no finding; remove it")
        )
    return found


def statement_fingerprint(text: str, line: int, spans: list[tuple[int, int]]) -> str:
    """A line-independent identity for a finding's statement: its text with whitespace folded."""
    first, last = line, line
    for start, end in spans:
        if start <= line <= end and (first == last == line or end - start < last - first):
            first, last = start, end
    lines = text.splitlines()[first - 1 : last]
    return hashlib.sha1(" ".join(" ".join(lines).split()).encode()).hexdigest()[:20]


_TOO_COMPLEX = ("too many nested", "too many levels of indentation", "too complex")


# Deep but valid expressions (a few hundred chained `+`) need more than Python's default 1,000
# frames to walk and to position. From 3.11 Python frames no longer use the C stack.
_RECURSION_LIMIT = 20_000 if sys.version_info >= (3, 11) else 5_000


def _raise_recursion_limit() -> None:
    if sys.getrecursionlimit() < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)


def _python_syntax_error(text: str) -> tuple[int, int, str, bool] | None:
    """CPython's account of a syntax error: (line, column, message, final).

    `final` when the code is too complex for Python itself: libcst must not be tried then. Other
    errors may be newer syntax than this interpreter knows, so libcst gets its say.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the user's code may well warn; that is not ours to say
            compile(text, "<snippet>", "exec", ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    except SyntaxError as error:
        final = any(marker in error.msg for marker in _TOO_COMPLEX)
        return error.lineno or 1, max((error.offset or 1) - 1, 0), error.msg, final
    except (RecursionError, MemoryError):
        return 1, 0, "too deeply nested for Python to compile", True
    except ValueError as error:
        return 1, 0, str(error), True
    return None


def _syntax_error(snippet: Snippet, path: str, raw_line: int, raw_column: int, message: str) -> Finding:
    line, column = snippet.to_file_position(raw_line, raw_column)
    first_line = message.strip().splitlines()[0] if message.strip() else "invalid syntax"
    return Finding(path, line, column, SYNTAX_ERROR[0], SYNTAX_ERROR[1], f"syntax error: {first_line}")


def snippets_of(text: str, path: str) -> list[Snippet]:
    """The Python to lint in a file: the whole of a .py file, the code blocks of a document."""
    if is_markdown(path):
        return list(markdown_snippets(text))
    if is_rst(path):
        return list(rst_snippets(text))
    return [Snippet(text=text)]


def lint_text(
    text: str,
    path: str,
    rule_classes: Sequence[type[Rule]],
    settings: dict[str, object] | None = None,
) -> list[Finding]:
    """All findings for one file's decoded text, sorted."""
    if len(text) > MAX_CHARACTERS:
        size = len(text.encode("utf-8", "surrogatepass")) / 1_000_000
        message = f"not linted: the file is {size:.1f} MB, over the {MAX_CHARACTERS // 1_000_000} MB limit"
        return [Finding(path, 1, 1, TOO_LARGE[0], TOO_LARGE[1], message)]
    findings: list[Finding] = []
    for snippet in snippets_of(text, path):
        findings.extend(lint_snippet(snippet, path, rule_classes, settings).findings)
    return sorted(findings)
