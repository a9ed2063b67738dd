"""pdlint's public API, used by the `pdlint` command, `pytest --pdlint` and `pdlint server`.

    import pdlint

    options = pdlint.options_for("steps/fetch.py")       # what the CLI would use for that file
    findings = pdlint.lint_source(text, "steps/fetch.py", options)
    result = pdlint.fix_source(text, "steps/fetch.py", options, unsafe=True)
    report = pdlint.lint_paths(["steps/"])                # config discovered per directory

- `Options` (frozen, typed) is the user's configuration: the `[tool.pdlint]` keys, dashes written
  as underscores. `options_for(path)` finds it as the CLI does (the nearest `pdlint.toml` or
  `pyproject.toml` with a `[tool.pdlint]` table above the file) with that file's
  per-file-ignores folded into `ignore`; it notices an edited config file on the next call.
  `Options()` are the defaults, whatever is on disk.
- `lint_source(text, path, options)` lints text held in memory; `path` decides the kind
  (Markdown and reST files are linted through their code blocks) and which per-file-ignores
  apply. Findings come sorted, with 1-based lines and columns (in characters) and the end of the
  reported node; `fixable` is "safe" (changed by `--fix`), "unsafe" (only with
  `--unsafe-fixes`) or None; with `edits=True` each fixable finding carries its fix as an
  `Edit` (whole lines of the file replaced). A fix that cannot be built (a pdlint bug) leaves
  its finding with `fixable` None; the CLI reports such fixes as errors.
- `fix_source(text, path, options, unsafe=...)` is exactly what `pdlint --fix
  [--unsafe-fixes]` writes for that text: the new text, the findings the fixes removed and
  the findings left.
- `lint_paths(paths, ...)` lints (and with `fix=` fixes) files and directories with the
  configuration discovered per directory, worker processes and the `.pdlint_cache`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from .cache import Cache
from .config import ConfigError, ConfigFinder, Options, with_overrides
from .edits import Edit
from .finding import Finding
from .result import FileResult, FixMode

from . import __all__ as __all__  # the names the package exports, listed once in lint/__init__.py

_finders: dict[tuple[str | None, bool], ConfigFinder] = {}


def options_for(path: str, *, config: str | None = None, isolated: bool = False) -> Options:
    """The options that apply to the file `path` (which need not exist), exactly as the CLI
    finds them: from `config` when given, the defaults when `isolated`, else the nearest config
    file above `path`; its per-file-ignores for `path` folded into `ignore`. A config file that
    changed since the last call is read again. Raises `ConfigError` for a bad config file."""
    key = (config, isolated)
    finder = _finders.get(key)
    if finder is None:
        finder = _finders[key] = ConfigFinder(config, isolated, watch=True)
    return finder.for_path(path).for_path(path)


def _rules(options: Options, path: str):
    from .batch import rules_for

    return rules_for(options.codes_for(path))


def lint_source(
    text: str,
    path: str = "<stdin>",
    options: Options | None = None,
    *,
    edits: bool = False,
    fingerprints: bool = False,
) -> list[Finding]:
    """The findings for `text` as the file `path`, sorted (see the module's documentation)."""
    from .engine import lint_text
    from .flags import Flags

    options = (options or Options()).for_path(path)
    flags = Flags(edits=edits, fingerprints=fingerprints)
    return lint_text(text, path, _rules(options, path), options, flags)


@dataclass(frozen=True)
class FixResult:
    """What fixing a text did: the new `text`, the findings the fixes removed (`fixed`, where
    they were in the text given) and the findings of the new text (`remaining`). `problems` says
    why the text was left as it was (a fix that could not be built or is not stable: a pdlint
    bug), when it was."""

    text: str
    fixed: list[Finding]
    remaining: list[Finding]
    problems: list[str] = field(default_factory=list)
    rounds: int = 0  # how many rounds of fixes it took (at most two)


def fix_source(
    text: str, path: str = "<stdin>", options: Options | None = None, *, unsafe: bool = False
) -> FixResult:
    """Apply the safe fixes (and with `unsafe`, the unsafe ones too) to `text` as the file
    `path`: what `pdlint --fix [--unsafe-fixes]` writes."""
    from .engine import lint_text
    from .runner import fix_text

    options = (options or Options()).for_path(path)
    rules = _rules(options, path)
    done = fix_text(text, path, rules, options, unsafe)
    remaining = lint_text(done.text, path, rules, options)
    return FixResult(done.text, done.fixed, remaining, done.problems, done.rounds)


@dataclass
class LintReport:
    """The outcome of `lint_paths`: one `FileResult` per file linted (in path order) and one line
    per file or directory that could not be read or linted."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return sorted(finding for result in self.files for finding in result.findings)

    @property
    def fixed(self) -> int:
        """How many findings the fixes removed."""
        return sum(result.fixed for result in self.files)

    @property
    def diffs(self) -> list[str]:
        """The unified diff of each changed file (with `fix=`)."""
        return [result.diff for result in self.files if result.diff]


def cache_root(options: Options) -> str:
    """Where the `.pdlint_cache` of files under these options lives (beside their config file,
    else in the working directory)."""
    from .batch import cache_root as root

    return root(options)


def add_noqa(text: str, path: str, suppressions: Sequence[tuple[int, str]]) -> str:
    """`text` (the file `path`) with a `# noqa: CODE` for each (1-based line, code) of
    `suppressions`, put on the line of that statement that suppressions read and merged into a
    `# noqa` already there: what an editor's "disable for this line" writes."""
    from .noqa import add_noqa as add

    return add(text, path, suppressions)


def lint_paths(
    paths: Sequence[str],
    options: Options | None = None,
    *,
    config: str | None = None,
    isolated: bool = False,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    report_unused_suppressions: bool = False,
    force_exclude: bool | None = None,
    respect_gitignore: bool | None = None,
    fix: FixMode | None = None,
    write: bool = True,
    edits: bool = False,
    fingerprints: bool = False,
    jobs: int | None = None,
    cache: bool | Cache = True,
    progress: Callable[[int, int], None] | None = None,
) -> LintReport:
    """Lint files and directories as `pdlint PATH...` does.

    The options of each file are those of `options` when given, else found per directory as
    `options_for` does (`config`: one config file for all, `isolated`: the defaults);
    `select`/`extend_select`/`ignore`/`report_unused_suppressions`/`force_exclude`/
    `respect_gitignore` apply over them as the command-line flags do. `fix="safe"` or `"unsafe"` applies fixes first, writing the files
    unless `write` is False (each `FileResult.diff` holds the change either way). `jobs`: worker
    processes (default: the CPU count, one for a handful of files). `cache`: use and update the
    `.pdlint_cache` beside the first path's config (True), none (False), or this `Cache`, which
    the caller saves."""
    from .batch import default_cache_root, plan, run
    from .flags import Flags
    from .files import FileError

    finder = ConfigFinder.fixed(options) if options is not None else ConfigFinder(config, isolated)
    overrides = {
        "select": select, "ignore": ignore, "extend_select": extend_select,
        "report_unused_suppressions": report_unused_suppressions or None,
        "force_exclude": force_exclude, "respect_gitignore": respect_gitignore,
    }
    flags = Flags(edits=edits, fingerprints=fingerprints)
    items = list(plan(list(paths), finder, overrides, flags))
    store: Cache | None
    if isinstance(cache, Cache):
        store = cache
    else:
        store = Cache(default_cache_root(finder, list(paths))) if cache else None
    results = run(items, fix, write=write, jobs=jobs, cache=store, progress=progress)
    if store is not None and store is not cache:
        store.save()
    report = LintReport()
    for result in results:
        if isinstance(result, FileError):
            report.errors.append(str(result))
            continue
        report.files.append(result)
        if result.error is not None:
            report.errors.append(result.error)
        report.errors.extend(result.problems)
    return report

