"""`pdlint [PATH ...]`, `pdlint rules`, `pdlint explain CODE`: arguments -> run -> exit status."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import NoReturn, Sequence, TextIO

from . import __version__
from .codes import ALL_CODES, is_known_selector

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
OUTPUT_FORMATS = ("text", "json", "json-lines", "sarif", "github", "gitlab", "junit")
# Formats that carry each fix as a text edit.
EDIT_FORMATS = frozenset({"sarif", "json", "json-lines"})


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    codes = [part.strip().upper() for part in value.split(",") if part.strip()]
    for code in codes:
        if not is_known_selector(code):
            raise argparse.ArgumentTypeError(f"unknown rule code or prefix {code!r}")
    return codes


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pdlint",
        description="Lint HTTP step code and the Python snippets of Markdown and reST docs. "
        "Also: `pdlint rules` lists the rules, `pdlint explain CODE` prints a rule's page, "
        "`pdlint server` is a language server for editors.",
    )
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                        help="files or directories (default: .); `-` reads one file from stdin")
    parser.add_argument("--format", choices=OUTPUT_FORMATS, default="text",
                        help="how to write the findings (default: text, one per line)")
    parser.add_argument("--output-file", metavar="FILE", help="write the report here, not to stdout")
    parser.add_argument("--select", type=_codes, action="extend", metavar="CODES",
                        help="only these codes or prefixes (comma-separated; replaces the config's)")
    parser.add_argument("--extend-select", type=_codes, action="extend", metavar="CODES",
                        help="these codes or prefixes on top of the selected ones (comma-separated)")
    parser.add_argument("--ignore", type=_codes, action="extend", metavar="CODES",
                        help="skip these codes or prefixes (comma-separated)")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also apply fixes that may change behaviour")
    parser.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff instead of writing them")
    parser.add_argument("--force-exclude", action=argparse.BooleanOptionalAction, default=None,
                        help="apply exclude/extend-exclude to files named on the command line too "
                        "(as pre-commit passes them); default: the force-exclude setting, off")
    parser.add_argument("--respect-gitignore", action=argparse.BooleanOptionalAction, default=None,
                        help="skip files git ignores when walking a directory; default: the "
                        "respect-gitignore setting, on")
    parser.add_argument("--config", metavar="FILE", help="use this pdlint.toml/pyproject.toml only")
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings not in FILE")
    parser.add_argument("--write-baseline", metavar="FILE", help="record today's findings in FILE")
    parser.add_argument("--report-unused-suppressions", action="store_true",
                        help="report noqa/pdlint: ignore comments that suppress nothing (PD002)")
    parser.add_argument("--statistics", action="store_true",
                        help="count the findings per code (after a text report; on stderr for "
                        "the other formats, so their output still parses)")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even with findings (2 still means an error)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print the findings only: no summary, progress or warnings")
    parser.add_argument("--jobs", "-j", type=_positive_int, metavar="N",
                        help="worker processes (default: CPU count; one for a handful of files)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write .pdlint_cache/")
    parser.add_argument("--no-color", action="store_true", help="no colour (also: NO_COLOR=1)")
    parser.add_argument("--stdin-filename", metavar="NAME",
                        help="the name of the file read from stdin (config, Markdown detection, output)")
    parser.add_argument("--version", action="version", version=f"pdlint {__version__}",
                        help="print pdlint's version and exit")
    return parser


def entry() -> NoReturn:
    """The `pdlint` command: `main()`, then exit without tearing the interpreter down. Freeing
    every object and module takes a noticeable share of a run served from the cache; everything
    pdlint writes is closed or flushed by then. The cyclic garbage collector stays off: start-up
    and cached results create no cycles, only many objects it would scan again and again; the
    cycles each linted file leaves are collected when the file is done (`pdlint.batch._worker`)."""
    gc.disable()
    status = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader closed the pipe
            pass
    os._exit(status)


def write_out(text: str, stream: TextIO | None = None) -> None:
    """Write to stdout (or `stream`). A reader that closed the pipe (`pdlint . | head -1`) ends
    the output quietly: the rest goes to the null device and the exit status is unchanged."""
    stream = stream or sys.stdout
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        if stream is not sys.stdout:
            raise
        _discard_stdout()


def _discard_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["rules"]:
            return _rules_command(argv[1:])
        if argv[:1] == ["explain"]:
            return _explain_command(argv[1:])
        if argv[:1] == ["server"]:
            return _server_command(argv[1:])
        args = build_parser().parse_args(argv)
        if args.stdin_filename and args.paths != ["-"]:
            args.paths = ["-"] if args.paths == ["."] else args.paths
        if "-" in args.paths and len(args.paths) > 1:
            raise UsageError("`-` (stdin) cannot be combined with other paths")
        return _lint_command(args)
    except UsageError as error:
        print(f"pdlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("pdlint: interrupted", file=sys.stderr)
        return EXIT_ERROR


def _lint_command(args: argparse.Namespace) -> int:
    from .api import lint_paths
    from .batch import stderr_progress
    from .config import ConfigError

    fix_mode = ("unsafe" if args.unsafe_fixes else "safe") if (args.fix or args.diff) else None
    if args.paths == ["-"]:
        return _stdin_command(args, fix_mode)

    try:
        report = lint_paths(
            args.paths,
            config=args.config,
            isolated=args.isolated,
            select=args.select,
            extend_select=args.extend_select,
            ignore=args.ignore,
            report_unused_suppressions=args.report_unused_suppressions,
            force_exclude=args.force_exclude,
            respect_gitignore=args.respect_gitignore,
            fix=fix_mode,
            write=not args.diff,
            edits=args.format in EDIT_FORMATS,
            fingerprints=True,
            jobs=args.jobs,
            cache=not args.no_cache,
            progress=stderr_progress() if sys.stderr.isatty() and not args.quiet else None,
        )
    except ConfigError as error:
        raise UsageError(str(error)) from None
    for error in report.errors:
        print(f"pdlint: error: {error}", file=sys.stderr)
    errors = len(report.errors)
    findings, fixed, diffs = report.findings, report.fixed, report.diffs
    linted = [result.path for result in report.files]
    if not linted and not errors and not args.quiet:
        print("pdlint: warning: no files to lint under the given paths", file=sys.stderr)

    if args.write_baseline or args.baseline:
        from . import baseline as baseline_file
    if args.write_baseline:
        try:
            baseline_file.write(args.write_baseline, findings)
        except baseline_file.BaselineError as error:
            raise UsageError(str(error)) from None
        if not args.quiet:
            print(f"pdlint: recorded {len(findings)} findings in {args.write_baseline}", file=sys.stderr)
        return EXIT_ERROR if errors else EXIT_CLEAN
    if args.baseline:
        try:
            findings = baseline_file.new_findings(findings, args.baseline)
        except baseline_file.BaselineError as error:
            raise UsageError(str(error)) from None

    if args.diff:
        write_out("".join(diffs))
        if not args.quiet:
            print(f"Would fix {fixed} finding{'s' if fixed != 1 else ''}.", file=sys.stderr)
        return EXIT_ERROR if errors else (EXIT_FINDINGS if diffs and not args.exit_zero else EXIT_CLEAN)

    _write_report(args, findings, fixed, linted, errors)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_CLEAN


def _write_report(
    args: argparse.Namespace, findings: list, fixed: int, linted: list[str], errors: int = 0
) -> None:
    """The report in `args.format`; for text, the summary line after it (none with `--quiet`, and
    none when nothing was linted: an error or a "no files" warning has said why)."""
    stream: TextIO
    if args.output_file:
        try:
            stream = open(args.output_file, "w", encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{args.output_file}: cannot write: {error.strerror or error}") from None
    else:
        stream = sys.stdout
    text = args.format == "text"
    color = (
        text and not args.no_color and not os.environ.get("NO_COLOR")
        and not args.output_file and sys.stdout.isatty()
    )
    parts = [_render(args.format, findings, files=linted, color=color)]
    if args.statistics:
        from .report import render_statistics

        if text:
            parts.append(render_statistics(findings))
        else:  # never inside a machine-readable document
            sys.stderr.write(render_statistics(findings))
    if text and not args.quiet and (linted or findings) and not (errors and not findings):
        from .report.text import summary

        parts.append(summary(findings, fixed, args.unsafe_fixes) + "\n")
    try:
        write_out("".join(parts), stream)
    finally:
        if stream is not sys.stdout:
            stream.close()


def _render(name: str, findings: list, files: list[str], color: bool) -> str:
    import inspect

    from .report import FORMATS

    renderer = FORMATS[name]
    accepted = inspect.signature(renderer).parameters
    options = {"files": files, "color": color}
    return renderer(findings, **{k: v for k, v in options.items() if k in accepted})


def _stdin_command(args: argparse.Namespace, fix_mode: str | None) -> int:
    from .api import fix_source, options_for
    from .batch import rules_for
    from .config import ConfigError, with_overrides
    from .files import DecodeError, decode
    from .runner import lint_bytes
    from .sources import is_document

    name = args.stdin_filename or "-"
    try:
        options = with_overrides(
            options_for(name if name != "-" else "stdin.py", config=args.config, isolated=args.isolated),
            select=args.select, ignore=args.ignore, extend_select=args.extend_select,
            report_unused_suppressions=args.report_unused_suppressions or None,
        )
    except ConfigError as error:
        raise UsageError(str(error)) from None
    data = sys.stdin.buffer.read()
    if fix_mode is not None:
        try:
            source = decode(data, python=not is_document(name))
        except DecodeError:
            if not args.diff:  # the text passes through unchanged; a patch would be empty
                sys.stdout.buffer.write(data)
            return EXIT_FINDINGS
        result = fix_source(source.text, name, options, unsafe=fix_mode == "unsafe")
        for problem in result.problems:
            print(f"pdlint: error: {problem}", file=sys.stderr)
        if args.diff:
            from .diffs import unified_diff

            patch = unified_diff(source.text, result.text, name)
            write_out(patch)
            if not args.quiet:
                fixed = len(result.fixed)
                print(f"Would fix {fixed} finding{'s' if fixed != 1 else ''}.", file=sys.stderr)
            if result.problems:
                return EXIT_ERROR
            return EXIT_FINDINGS if patch and not args.exit_zero else EXIT_CLEAN
        write_out(result.text)
        if result.problems:
            return EXIT_ERROR
        from .report.text import render_text

        sys.stderr.write(render_text(result.remaining))
        return EXIT_FINDINGS if result.remaining and not args.exit_zero else EXIT_CLEAN
    from .flags import Flags

    flags = Flags(edits=args.format in EDIT_FORMATS, fingerprints=True)
    result = lint_bytes(data, name, rules_for(options.codes_for(name)), options, flags)
    _write_report(args, result.findings, 0, [name])
    return EXIT_FINDINGS if result.findings and not args.exit_zero else EXIT_CLEAN


def _rules_command(argv: list[str]) -> int:
    parser = _Parser(prog="pdlint rules", description="List the rules.")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="a line per rule (default) or a JSON list")
    args = parser.parse_args(argv)
    from .rules import all_rules

    rows = [
        {"code": code, "name": rule.name, "fix": rule.fix_safety or "", "summary": rule.summary}
        for code, rule in all_rules().items()
    ]
    if args.format == "json":
        import json

        write_out(json.dumps(rows, indent=2) + "\n")
        return EXIT_CLEAN
    width = max(len(row["name"]) for row in rows)
    write_out("".join(
        f"{row['code']}  {row['name']:<{width}}  {row['fix'] or '-':<6}  {row['summary']}\n"
        for row in rows
    ))
    return EXIT_CLEAN


def _explain_command(argv: list[str]) -> int:
    parser = _Parser(prog="pdlint explain", description="Print a rule's documentation.")
    parser.add_argument("code", help="a rule code, such as PD102")
    args = parser.parse_args(argv)
    code = args.code.upper()
    if code not in ALL_CODES:
        raise UsageError(f"unknown rule code {args.code!r} (see `pdlint rules`)")
    from .docs import rule_page

    write_out(rule_page(code) + "\n")
    return EXIT_CLEAN


def _server_command(argv: list[str]) -> int:
    parser = _Parser(
        prog="pdlint server",
        description="Speak the Language Server Protocol on stdin/stdout: findings, fixes and rule "
        "pages in an editor (set-up: https://github.com/pytest-pdhttp/pytest-pdhttp/blob/main/"
        "docs/editors.md). Needs: pip install 'pytest-pdhttp[lsp]'.",
    )
    parser.add_argument("--debounce", type=float, metavar="MS",
                        help="milliseconds to wait after a change before linting (default: 100)")
    args = parser.parse_args(argv)
    if args.debounce is not None and args.debounce < 0:
        raise UsageError("--debounce: expected a number of milliseconds of at least 0")
    from .server import main as serve

    return serve(args.debounce)
