"""`pdlint [PATH ...]`: arguments -> files -> findings -> output -> exit status."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn, Sequence

from . import __version__
from .files import FileError, discover
from .report import FORMATS
from .report.text import summary
from .rules import all_rules, matches, select_rules
from .runner import lint_file

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _codes(value: str) -> list[str]:
    codes = [part.strip().upper() for part in value.split(",") if part.strip()]
    known = list(all_rules()) + ["PD001"]
    for code in codes:
        if not code.startswith("PD") or not any(k.startswith(code) for k in known):
            raise argparse.ArgumentTypeError(f"unknown rule code or prefix {code!r}")
    return codes


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="pdlint", description="Lint HTTP step code and Markdown snippets.")
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    parser.add_argument("--select", type=_codes, action="extend", metavar="CODES",
                        help="only these codes or prefixes (comma-separated)")
    parser.add_argument("--ignore", type=_codes, action="extend", metavar="CODES",
                        help="skip these codes or prefixes (comma-separated)")
    parser.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also apply fixes that may change behaviour")
    parser.add_argument("--diff", action="store_true",
                        help="print the fixes as a unified diff instead of writing them")
    parser.add_argument("--version", action="version", version=f"pdlint {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except UsageError as error:
        print(f"pdlint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    rule_classes = select_rules(args.select, args.ignore)
    fix_mode = None
    if args.fix or args.diff:
        fix_mode = "unsafe" if args.unsafe_fixes else "safe"
    findings = []
    diffs = []
    errors = fixed = 0
    for item in discover(args.paths):
        if isinstance(item, FileError):
            print(f"pdlint: error: {item}", file=sys.stderr)
            errors += 1
            continue
        result = lint_file(item, rule_classes, fix=fix_mode, write=not args.diff)
        if result.error is not None:
            print(f"pdlint: error: {result.error}", file=sys.stderr)
            errors += 1
        fixed += result.fixed
        if result.diff:
            diffs.append(result.diff)
        findings.extend(f for f in result.findings if not (args.ignore and matches(f.code, args.ignore)))
    findings.sort()
    if args.diff:
        sys.stdout.write("".join(diffs))
        print(f"Would fix {fixed} finding{'s' if fixed != 1 else ''}.", file=sys.stderr)
        return EXIT_ERROR if errors else (EXIT_FINDINGS if diffs else EXIT_CLEAN)
    sys.stdout.write(FORMATS[args.format](findings))
    if args.format == "text":
        fixable = sum(1 for f in findings if f.fix and (f.fix.safety == "safe" or args.unsafe_fixes))
        print(summary(len(findings), fixed, fixable))
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if findings else EXIT_CLEAN
