"""Parse once with CPython's parser, build the model and run every enabled rule in a single walk,
map positions back to the file. libcst parses the snippet only when fixes are wanted."""

from __future__ import annotations

import ast
import functools
import hashlib
import re
import sys
import warnings
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from .config import Options
from .finding import Finding, FixPlan
from .flags import NO_FLAGS, Flags
from .model import Model
from .newer_syntax import needed_version, running_version
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
# no comment silences these: PD002 is about the comments themselves, a PD003 text is not read
UNSUPPRESSIBLE = frozenset({UNUSED_SUPPRESSION[0], TOO_LARGE[0]})
# Step code is far smaller; libcst (used for fixes) needs about a minute per megabyte of long literals.
MAX_CHARACTERS = 1_000_000


DEFAULT_OPTIONS = Options(root="/")


@dataclass
class _Pending:
    rule: Rule
    node: Any
    message: str
    fix: FixPlan | None
    position: tuple[int, int]  # (line, UTF-8 byte column), as ast gives them
    end: tuple[int, int]  # the same for the end of the reported node


@dataclass
class Context:
    """What one snippet's rules share while the walk runs."""

    model: Model
    parents: list[ast.AST]
    options: Options = DEFAULT_OPTIONS
    pending: list[_Pending] = field(default_factory=list)
    _seen: set[tuple[str, int]] = field(default_factory=set)

    def report(self, rule: Rule, node: Any, message: str, fix: FixPlan | None) -> None:
        key = (rule.code, id(node))
        if key in self._seen:
            return
        self._seen.add(key)
        anchor = node if getattr(node, "lineno", None) is not None else next(
            (p for p in reversed(self.parents) if getattr(p, "lineno", None) is not None), None
        )
        if anchor is None:
            position = end = (1, 0)
        else:
            position = (anchor.lineno, anchor.col_offset)
            end_line = getattr(anchor, "end_lineno", None)
            end = position if end_line is None else (end_line, anchor.end_col_offset)
        self.pending.append(_Pending(rule, node, message, fix, position, end))


# async defs, loops and withs are the same statements to the rules (libcst has one class for each)
_SAME_TO_RULES = {
    ast.FunctionDef: (ast.AsyncFunctionDef,),
    ast.For: (ast.AsyncFor,),
    ast.With: (ast.AsyncWith,),
}


def _callback_tables(model: Model, rules: Sequence[Rule]) -> tuple[dict[type, list], dict[type, list]]:
    """The walk's callbacks by node class: the model's `visit_` before the rules', its `leave_` after
    theirs, so that a rule sees the model as it stands at the node it looks at."""
    owners = (model, *rules)
    visit_plan, leave_plan = _table_plan(type(model), tuple(type(rule) for rule in rules))
    for rule in rules:
        listener = getattr(rule, "scope_ended", None)
        if listener is not None:
            model.scope_end_listeners.append(listener)
    return _Callbacks(owners, visit_plan), _Callbacks(owners, leave_plan)


class _Callbacks(dict):
    """Callbacks by node class, bound to this snippet's owners (the model, then the rules) when the
    walk first meets the class: a snippet holds a few of the classes the rules handle."""

    __slots__ = ("owners", "plan")

    def __init__(self, owners: tuple, plan: dict[type, tuple[tuple[int, str], ...]]) -> None:
        super().__init__()
        self.owners = owners
        self.plan = plan

    def __missing__(self, cls: type) -> list | None:
        entries = self.plan.get(cls)
        owners = self.owners
        found = [getattr(owners[i], name) for i, name in entries] if entries else None
        self[cls] = found
        return found


@functools.lru_cache(maxsize=64)
def _table_plan(model_class: type, rule_classes: tuple[type, ...]) -> tuple[dict, dict]:
    """Per node class, which owner's method to call (0: the model, i: the i-th rule), in order;
    the same for every snippet linted with these rules."""
    visit: dict[type, list] = {}
    leave: dict[type, list] = {}
    for kind, node_class, name in model_class.handler_table():
        if kind == "visit":
            visit.setdefault(node_class, []).append((0, name))
    for index, rule_class in enumerate(rule_classes, start=1):
        for kind, node_class, name in rule_class.handler_table():
            table = visit if kind == "visit" else leave
            for each in (node_class, *_SAME_TO_RULES.get(node_class, ())):
                table.setdefault(each, []).append((index, name))
    for kind, node_class, name in model_class.handler_table():
        if kind == "leave":
            leave.setdefault(node_class, []).append((0, name))
    return (
        {cls: tuple(entries) for cls, entries in visit.items()},
        {cls: tuple(entries) for cls, entries in leave.items()},
    )


@dataclass
class SnippetResult:
    findings: list[Finding]
    tree: ast.Module | None = None  # what the fix plans of the findings refer to
    problems: list[str] = field(default_factory=list)  # fixes that could not be built


def lint_snippet(
    snippet: Snippet,
    path: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None = None,
    flags: Flags = NO_FLAGS,
) -> SnippetResult:
    """Findings for one snippet, each fixable one with its plan (`Finding.fix`) and, with
    `flags.edits`, the text edit of that fix (which takes a libcst parse)."""
    options = options or DEFAULT_OPTIONS
    suppressions = (
        parse_suppressions(snippet.text, options.allow_bare_noqa)
        if any(marker in snippet.text for marker in SUPPRESSION_MARKERS)
        else []
    )
    tree = _parse(snippet.text)
    if not isinstance(tree, ast.AST):
        finding = _syntax_error(snippet, path, *tree)
        return SnippetResult(_unsuppressed([finding], suppressions, snippet, []))

    _raise_recursion_limit()
    context = Context(model=Model(), parents=[], options=options)
    try:
        _walk(tree, context, rule_classes)
    except RecursionError:
        finding = _syntax_error(snippet, path, 1, 0, "cannot analyse: the code is nested too deeply")
        return SnippetResult([finding])
    report_unused = options.report_unused_suppressions and suppressions
    if not context.pending and not report_unused:
        return SnippetResult([])

    spans = statement_spans(tree) if suppressions or flags.fingerprints else []
    index = SuppressionIndex(suppressions, spans) if suppressions else None
    lines = None if snippet.text.isascii() else source_lines(snippet.text)  # (columns are bytes in ASCII)
    fingerprint_lines = snippet.text.splitlines() if flags.fingerprints else []
    findings = []
    for item in context.pending:
        line, column = item.position[0], _char_column(lines, *item.position)
        if index is not None and index.suppresses(item.rule.code, line):
            continue
        plan = None if snippet.pycon else item.fix  # console sessions are not rewritten
        file_line, file_column = snippet.to_file_position(line, column)
        end_line, end_column = snippet.to_file_position(item.end[0], _char_column(lines, *item.end))
        finding = Finding(path, file_line, file_column, item.rule.code, item.rule.name, item.message,
                          plan, None if plan is None else plan.safety,
                          end_line=end_line, end_column=end_column)
        if flags.fingerprints:
            finding.fingerprint = statement_fingerprint(fingerprint_lines, line, spans)
        findings.append(finding)
    if flags.edits and any(f.fix is not None for f in findings):
        problems = _attach_edits(findings, snippet, tree)
    else:
        problems = []
    if index is not None and _reports_pd002(options, path):
        findings.extend(_overlooked(index.overlooked(), snippet, path))
        if report_unused:
            enabled = {rule.code for rule in rule_classes} | {SYNTAX_ERROR[0]}
            findings.extend(_unused(index.unused(enabled), snippet, path))
    return SnippetResult(findings, tree, problems)


def _reports_pd002(options: Options, path: str) -> bool:
    """PD002 is asked for by its flag (or always, for a bare `# noqa` that is not honoured);
    `ignore` and per-file-ignores still silence it."""
    ignoring = replace(options, select=None, extend_select=())
    return bool(ignoring.codes_for(path, [UNUSED_SUPPRESSION[0]]))


def _attach_edits(findings: list[Finding], snippet: Snippet, tree: ast.Module) -> list[str]:
    """Give each fixable finding the text edit of its fix alone (libcst parses the snippet at
    most once, for the fixes plain range edits cannot express); a fix that cannot be built loses
    its `fixable` and is named in the problems returned."""
    from .edits import snippet_edit
    from .fixes import FixError, Fixer, failure

    problems: list[str] = []
    fixer = Fixer(snippet.text, tree)
    for finding in findings:
        if finding.fix is None:
            continue
        try:
            outcome = fixer.realise([finding.fix])
        except FixError as error:
            reason = str(error)
        else:
            if not outcome.failed and outcome.applied:
                finding.edit = snippet_edit(snippet, outcome.edits)
                continue
            reason = outcome.failed[0][1] if outcome.failed else "it collides with itself"
        problems.append(failure(finding, reason))
        finding.fixable = None
    return problems


def _walk(tree: ast.AST, context: Context, rule_classes: Sequence[type[Rule]]) -> None:
    walker = Walker({}, {})
    context.parents = context.model.parents = walker.parents
    rules = [rule_class(context) for rule_class in rule_classes]
    walker.visit, walker.leave = _callback_tables(context.model, rules)
    walker.walk(tree)


def source_lines(text: str) -> list[str]:
    """The lines as Python numbers them (`str.splitlines` also breaks at form feeds and the like)."""
    return _LINE_BREAK.split(text)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _char_column(lines: list[str] | None, line: int, byte_column: int) -> int:
    """ast columns count UTF-8 bytes; findings count characters (the same in ASCII text, whose
    `lines` are not needed: None)."""
    if lines is None:
        return byte_column
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if text.isascii():
        return byte_column
    return len(text.encode("utf-8")[:byte_column].decode("utf-8", "replace"))


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


def _overlooked(bare: list[Suppression], snippet: Snippet, path: str) -> list[Finding]:
    found = []
    for suppression in bare:
        line, column = snippet.to_file_position(suppression.line, suppression.column)
        codes = ", ".join(sorted(suppression.overlooked))
        found.append(
            Finding(path, line, column, UNUSED_SUPPRESSION[0], UNUSED_SUPPRESSION[1],
                    f"a bare `{suppression.text}` does not silence pdlint: name the codes, "
                    f"`# noqa: {codes}` (or set allow-bare-noqa = true)")
        )
    return found


def _unused(unused: list[Suppression], snippet: Snippet, path: str) -> list[Finding]:
    found = []
    for suppression in unused:
        line, column = snippet.to_file_position(suppression.line, suppression.column)
        found.append(
            Finding(path, line, column, UNUSED_SUPPRESSION[0], UNUSED_SUPPRESSION[1],
                    f"unused suppression `{suppression.text}`: it matches no finding; remove it")
        )
    return found


def statement_fingerprint(lines: list[str], line: int, spans: list[tuple[int, int]]) -> str:
    """A line-independent identity for a finding's statement: its text with whitespace folded
    (`lines`: the snippet's `str.splitlines()`)."""
    first, last = line, line
    for start, end in spans:
        if start <= line <= end and (first == last == line or end - start < last - first):
            first, last = start, end
    return hashlib.sha1(" ".join(" ".join(lines[first - 1 : last]).split()).encode()).hexdigest()[:20]


# Deep but valid expressions (a few hundred chained `+`) need more than Python's default 1,000
# frames to walk. From 3.11 Python frames no longer use the C stack.
_RECURSION_LIMIT = 20_000 if sys.version_info >= (3, 11) else 5_000


def _raise_recursion_limit() -> None:
    if sys.getrecursionlimit() < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)


def _parse(text: str) -> ast.Module | tuple[int, int, str]:
    """CPython's tree of the code, or its account of the syntax error: (line, column, message)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the user's code may well warn; that is not ours to say
            return compile(text, "<snippet>", "exec", ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    except SyntaxError as error:
        return error.lineno or 1, max((error.offset or 1) - 1, 0), error.msg
    except (RecursionError, MemoryError):
        return 1, 0, "too deeply nested for Python to compile"
    except ValueError as error:
        return 1, 0, str(error)


def _syntax_error(snippet: Snippet, path: str, raw_line: int, raw_column: int, message: str) -> Finding:
    line, column = snippet.to_file_position(raw_line, raw_column)
    first_line = message.strip().splitlines()[0] if message.strip() else "invalid syntax"
    if snippet.line_map:  # "... on line 3" names a line of the snippet: say the file's
        first_line = _LINE_IN_MESSAGE.sub(
            lambda match: f"line {snippet.to_file_position(int(match[1]), 0)[0]}", first_line
        )
    newer = needed_version(snippet.text, raw_line)
    if newer is not None:
        (major, minor), feature = newer
        first_line = (
            f"this code needs Python {major}.{minor} or newer ({feature}), and pdlint runs on "
            f"Python {running_version()}, whose parser rejects it: run pdlint with Python "
            f"{major}.{minor} to check the file ({first_line})"
        )
    return Finding(path, line, column, SYNTAX_ERROR[0], SYNTAX_ERROR[1], f"syntax error: {first_line}")


_LINE_IN_MESSAGE = re.compile(r"\bline (\d+)")


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
    options: Options | None = None,
    flags: Flags = NO_FLAGS,
    problems: list[str] | None = None,
) -> list[Finding]:
    """All findings for one file's decoded text, sorted. Fixes that could not be built (with
    `flags.edits`) are named in `problems`, when given."""
    if len(text) > MAX_CHARACTERS:
        size = len(text.encode("utf-8", "surrogatepass")) / 1_000_000
        message = f"not linted: the file is {size:.1f} MB, over the {MAX_CHARACTERS // 1_000_000} MB limit"
        return [Finding(path, 1, 1, TOO_LARGE[0], TOO_LARGE[1], message)]
    findings: list[Finding] = []
    for snippet in snippets_of(text, path):
        result = lint_snippet(snippet, path, rule_classes, options, flags)
        findings.extend(result.findings)
        if problems is not None:
            problems.extend(result.problems)
    return sorted(findings)
