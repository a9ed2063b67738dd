"""Lint one file: read, decode, optionally fix (and write back atomically), collect findings."""

from __future__ import annotations

import os
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from .config import Options
from .diffs import unified_diff
from .engine import SYNTAX_ERROR, lint_snippet, lint_text
from .flags import NO_FLAGS, Flags
from .files import DecodeError, FileError, SourceText, decode, read_bytes
from .finding import Finding
from .result import FileResult, FixMode
from .rules import Rule
from .sources import Snippet, is_document

def lint_file(
    path: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None = None,
    flags: Flags = NO_FLAGS,
    fix: FixMode | None = None,
    write: bool = True,
) -> FileResult:
    """Findings for `path`; with `fix`, apply fixes first (writing them unless `write` is False)."""
    try:
        data = read_bytes(path)
        return lint_bytes(data, path, rule_classes, options, flags, fix, write)
    except FileError as error:
        return FileResult(path, error=str(error))
    except OSError as error:
        return FileResult(path, error=f"{path}: cannot write: {error.strerror or error}")


def lint_bytes(
    data: bytes,
    path: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None = None,
    flags: Flags = NO_FLAGS,
    fix: FixMode | None = None,
    write: bool = False,
) -> FileResult:
    document = is_document(path)
    try:
        source = decode(data, python=not document)
    except DecodeError as error:
        finding = Finding(path, error.line, 1, SYNTAX_ERROR[0], SYNTAX_ERROR[1], f"syntax error: {error}")
        return FileResult(path, [finding])
    result = FileResult(path)
    text = source.text
    if fix is not None:
        done = fix_text(text, path, rule_classes, options, fix == "unsafe", flags)
        result.fixed = len(done.fixed)
        result.problems.extend(done.problems)
        if done.text != text:
            result.diff = unified_diff(text, done.text, path)
            if write:
                write_atomically(path, encode(done.text, source))
            text = done.text
        if done.findings is not None and not done.problems and not flags.edits:
            result.findings = sorted(done.findings)  # the last round linted the text as it is now
            return result
    result.findings = lint_text(text, path, rule_classes, options, flags, result.problems)
    return result


# A file whose fixes need more rounds than this is left as it is (a fixer error): the fixes of one
# round are applied together, and only a fix that collides with another waits for the next.
MAX_ROUNDS = 2


@dataclass
class FixedText:
    text: str
    fixed: list[Finding] = field(default_factory=list)  # the findings the fixes removed
    problems: list[str] = field(default_factory=list)  # why the text was left as it was
    rounds: int = 0  # rounds of fixes applied (at most MAX_ROUNDS; the most any block needed)
    findings: list[Finding] | None = None  # of the new text (Python files), when linted on the way


def fix_text(
    text: str,
    path: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None,
    unsafe: bool,
    flags: Flags = NO_FLAGS,
) -> FixedText:
    """Apply fixes to a file's text; in a document, to each code block, rewritten in place. With
    any problem (a fix that cannot be built, code that is not stable after `MAX_ROUNDS` rounds,
    a fix that leaves its finding or adds one) the text is left as it was."""
    from .engine import MAX_CHARACTERS, snippets_of

    if len(text) > MAX_CHARACTERS:
        return FixedText(text)  # not linted either (PD003)
    if not is_document(path):
        done = _fix_snippet(Snippet(text=text), path, rule_classes, options, unsafe, flags)
        return done if not done.problems else FixedText(text, problems=done.problems)
    lines = text.splitlines(keepends=True)
    fixed: list[Finding] = []
    rounds = 0
    for snippet in reversed(snippets_of(text, path)):
        if snippet.pycon or snippet.span is None:
            continue
        done = _fix_snippet(snippet, path, rule_classes, options, unsafe, NO_FLAGS)
        if done.problems:
            return FixedText(text, problems=done.problems)
        rounds = max(rounds, done.rounds)
        if done.text == snippet.text:
            continue
        first, last = snippet.span
        newline = "\r\n" if lines[first - 1].endswith("\r\n") else "\n"
        prefix = snippet.indent + snippet.dedent
        body = [
            (prefix + line if line.strip() else "") + newline
            for line in done.text.rstrip("\n").split("\n")
        ]
        lines[first - 1 : last] = body
        fixed.extend(done.fixed)
    return FixedText("".join(lines), sorted(fixed), rounds=rounds)


def _fix_snippet(
    snippet: Snippet,
    path: str,
    rule_classes: Sequence[type[Rule]],
    options: Options | None,
    unsafe: bool,
    flags: Flags,
) -> FixedText:
    from .fixes import FixError, Fixer, failure

    def wanted(finding: Finding) -> bool:
        return finding.fixable == "safe" or (unsafe and finding.fixable == "unsafe")

    flags = Flags(fingerprints=flags.fingerprints)  # what the caller reports with, edits aside
    first = lint_snippet(snippet, path, rule_classes, options, flags)
    promised = [f for f in first.findings if wanted(f)]
    if not promised:
        return FixedText(snippet.text, findings=first.findings)
    text, result = snippet.text, first
    rounds = 0
    for _ in range(MAX_ROUNDS):
        todo = [f for f in result.findings if wanted(f)]
        if not todo:
            break
        rounds += 1
        try:
            outcome = Fixer(text, result.tree).realise([f.fix for f in todo])
        except FixError as error:
            return FixedText(snippet.text, problems=[failure(todo[0], str(error))])
        if outcome.failed:
            index, reason = outcome.failed[0]
            return FixedText(snippet.text, problems=[failure(todo[index], reason)])
        text = outcome.apply(text)
        result = lint_snippet(Snippet(text=text, kind=snippet.kind), path, rule_classes, options, flags)
        if any(f.code == SYNTAX_ERROR[0] for f in result.findings):
            return FixedText(snippet.text, problems=[f"{path}: the fixed code would not parse; left as it was"])
    problem = _unfinished(first.findings, promised, result.findings, wanted)
    if problem is not None:
        return FixedText(snippet.text, problems=[f"{path}: {problem}; left as it was (please report this pdlint bug)"])
    return FixedText(text, promised, rounds=rounds, findings=result.findings)


def _unfinished(before: list[Finding], promised: list[Finding], after: list[Finding], wanted) -> str | None:
    """Why the fixed code is not what fixing promised: every fixable finding gone, none added."""
    if any(wanted(f) for f in after):
        return f"fixes are not stable after {MAX_ROUNDS} rounds"
    left = Counter(f.code for f in before)
    left.subtract(f.code for f in promised)
    for code, count in Counter(f.code for f in after).items():
        if count > left[code]:
            return f"the fixes would leave or add a {code} finding"
    return None


def encode(text: str, source: SourceText) -> bytes:
    data = text.encode(source.encoding)
    return b"\xef\xbb\xbf" + data if source.bom else data


def write_atomically(path: str, data: bytes) -> None:
    """Replace `path` with `data` through a temporary file and a rename, keeping its permissions."""
    directory = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    handle, temporary = tempfile.mkstemp(prefix=".pdlint-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
