"""Score pdlint on the labelled real-world corpus: precision and recall per rule and per part.

    python tests/lint/corpus/score.py                   # the table, both parts
    python tests/lint/corpus/score.py --details tuning  # also every missed and extra finding

The corpus (format in README.md beside this file) is step code and documentation rewritten from
public sources, plus adversarial cases, split into `tuning/` and `heldout/`. Labels say where each
rule's documentation page says a finding belongs; this module lints a part with pdlint's CLI
(`--isolated --no-cache --format json`) and compares (path, line, code) as multisets.

Only the standard library is used, so the script runs wherever pdlint is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

CORPUS_DIR = Path(__file__).resolve().parent
PARTS = ("tuning", "heldout")
# Batches added after the first split, each labelled before pdlint was first run on it and scored
# apart, with floors of its own (README.md, "Later batches"): `heldoutN/` is only scored, `tuningN/`
# was held out until a rule was fixed against it.
LATER_PARTS = ("tuning2", "heldout3")
ALL_PARTS = PARTS + LATER_PARTS
# The rules the corpus is labelled for; pdlint runs with only these (and PD001) selected, so a rule
# added later is not counted until the corpus carries its labels.
RULES = tuple(f"PD{number}" for number in range(101, 117))
# Every code the corpus carries labels for: RULES, and PD117-PD120, labelled after their rules were
# written (tests/lint/test_corpus_pd117_120.py scores those on this corpus with their own floors).
LABELLED = tuple(f"PD{number}" for number in range(101, 121))
SUFFIXES = (".py", ".md", ".rst")

_CODE_LIST = r"PD\d{3}(?:[ \t]*,?[ \t]*PD\d{3})*"
# `# expect: PD102, PD105` ends the line the findings belong to.
_EXPECT = re.compile(rf"#[ \t]*expect:[ \t]*(?P<codes>{_CODE_LIST})[ \t]*$")
# `# expect-next-line: PD114` alone on its line labels the line below (for a line that cannot end
# in a comment, such as the first line of a triple-quoted string).
_EXPECT_NEXT = re.compile(rf"^[ \t>]*#[ \t]*expect-next-line:[ \t]*(?P<codes>{_CODE_LIST})[ \t]*$")
# `# ok: PD102 (why)` marks a hard negative: a line a rule must leave alone. Documentation only:
# any unlabelled finding is an extra one, marked or not.
_OK = re.compile(rf"#[ \t]*ok:[ \t]*(?P<codes>{_CODE_LIST})")
_ANY_MARKER = re.compile(r"#[ \t]*(expect|expect-next-line|ok)\b")

Key = tuple[str, int, str]  # (path relative to the corpus directory, line, code)


class LabelError(Exception):
    """A marker that does not follow the format (the message names the file and line)."""


@dataclass
class Labels:
    expected: Counter[Key] = field(default_factory=Counter)
    negatives: Counter[Key] = field(default_factory=Counter)
    files: list[str] = field(default_factory=list)


def _codes(text: str, rules: Sequence[str] = RULES) -> list[str]:
    """The codes of a marker that are scored (`rules`); a code the corpus is not labelled for is
    an error."""
    codes = re.findall(r"PD\d{3}", text)
    unknown = [code for code in codes if code not in LABELLED and code not in rules]
    if unknown:
        raise LabelError(f"unknown rule code(s) {', '.join(unknown)}")
    return [code for code in codes if code in rules]


def corpus_files(part: str, corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    return sorted(p for p in (corpus_dir / part).rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def read_labels(paths: Iterable[Path], corpus_dir: Path = CORPUS_DIR, rules: Sequence[str] = RULES) -> Labels:
    labels = Labels()
    for path in paths:
        name = path.relative_to(corpus_dir).as_posix()
        labels.files.append(name)
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            if not _ANY_MARKER.search(line):
                continue
            try:
                if match := _EXPECT_NEXT.match(line):
                    if number == len(lines):
                        raise LabelError("expect-next-line on the last line")
                    target = number + 1
                    labels.expected.update((name, target, code) for code in _codes(match["codes"], rules))
                elif match := _EXPECT.search(line):
                    labels.expected.update((name, number, code) for code in _codes(match["codes"], rules))
                elif match := _OK.search(line):
                    labels.negatives.update((name, number, code) for code in _codes(match["codes"], rules))
                else:
                    raise LabelError(f"malformed marker: {line.strip()!r}")
            except LabelError as error:
                raise LabelError(f"{name}:{number}: {error}") from None
    return labels


class LintError(Exception):
    """pdlint did not produce a report (the message has its exit status and stderr)."""


def lint(directories: Sequence[Path], corpus_dir: Path = CORPUS_DIR, rules: Sequence[str] = RULES) -> list[dict]:
    """pdlint's findings on every file under `directories`, paths relative to `corpus_dir`."""
    command = [sys.executable, "-m", "pdlint", "--isolated", "--no-cache", "--jobs", "1",
               "--select", ",".join(("PD001", *rules)), "--format", "json", *map(str, directories)]
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_COLOR": "1"})
    try:
        findings = json.loads(done.stdout)
    except ValueError:
        findings = None
    if done.returncode not in (0, 1) or not isinstance(findings, list):
        raise LintError(f"pdlint exited with {done.returncode}: {done.stderr.strip()[-2000:]}")
    for finding in findings:
        finding["path"] = Path(os.path.abspath(finding["path"])).relative_to(corpus_dir).as_posix()
    return findings


@dataclass
class RuleScore:
    rule: str
    true_positives: int = 0
    missed: list[Key] = field(default_factory=list)
    extra: list[tuple[Key, str]] = field(default_factory=list)  # with pdlint's message
    negatives: int = 0  # `# ok:` lines for this rule

    @property
    def labelled(self) -> int:
        return self.true_positives + len(self.missed)

    @property
    def precision(self) -> float:
        reported = self.true_positives + len(self.extra)
        return self.true_positives / reported if reported else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled if self.labelled else 1.0

    def describe(self) -> str:
        lines = [f"{self.rule}: precision {self.precision:.3f}, recall {self.recall:.3f} "
                 f"({self.true_positives} found, {len(self.missed)} missed, {len(self.extra)} extra)"]
        lines += [f"  missed  {path}:{line} {code}" for path, line, code in sorted(self.missed)]
        lines += [f"  extra   {path}:{line} {code} {message}"
                  for (path, line, code), message in sorted(self.extra)]
        return "\n".join(lines)


@dataclass
class PartScore:
    part: str
    files: int
    rules: dict[str, RuleScore]
    syntax_errors: list[tuple[Key, str]]  # PD001 on a corpus that is valid Python throughout
    other: list[tuple[Key, str]]  # engine codes other than PD001 (none expected)


def score(labels: Labels, findings: Sequence[dict], part: str = "", scored: Sequence[str] = RULES) -> PartScore:
    rules = {rule: RuleScore(rule) for rule in scored}
    for (_, _, code), count in labels.negatives.items():
        rules[code].negatives += count
    remaining = Counter(labels.expected)
    syntax_errors: list[tuple[Key, str]] = []
    other: list[tuple[Key, str]] = []
    for finding in sorted(findings, key=lambda f: (f["path"], f["line"], f["code"])):
        key: Key = (finding["path"], finding["line"], finding["code"])
        if key[2] == "PD001":
            syntax_errors.append((key, finding["message"]))
        elif key[2] not in rules:
            other.append((key, finding["message"]))
        elif remaining[key] > 0:
            remaining[key] -= 1
            rules[key[2]].true_positives += 1
        else:
            rules[key[2]].extra.append((key, finding["message"]))
    for key, count in remaining.items():
        rules[key[2]].missed.extend([key] * count)
    return PartScore(part, len(labels.files), rules, syntax_errors, other)


def score_parts(
    parts: Sequence[str] = PARTS, corpus_dir: Path = CORPUS_DIR, rules: Sequence[str] = RULES
) -> dict[str, PartScore]:
    """Lint the parts in one pdlint run and score each against its labels (another labelled
    corpus in the same format, and the rules it is labelled for, can be given)."""
    findings = lint([corpus_dir / part for part in parts], corpus_dir, rules)
    scores = {}
    for part in parts:
        own = [f for f in findings if f["path"].startswith(f"{part}/")]
        labels = read_labels(corpus_files(part, corpus_dir), corpus_dir, rules)
        scores[part] = score(labels, own, part, rules)
    return scores


def table(scores: Sequence[PartScore]) -> str:
    """A Markdown table: per rule, per part, precision / recall and the counts behind them."""
    head = "| rule |" + "".join(f" {s.part} P | {s.part} R | TP / FP / FN | ok lines |" for s in scores)
    rule_line = "| --- |" + " ---: | ---: | ---: | ---: |" * len(scores)
    rows = [head, rule_line]
    for rule in scores[0].rules if scores else RULES:
        cells = "".join(
            f" {r.precision:.2f} | {r.recall:.2f} | {r.true_positives} / {len(r.extra)} / {len(r.missed)} | {r.negatives} |"
            for r in (s.rules[rule] for s in scores)
        )
        rows.append(f"| {rule} |{cells}")
    totals = "".join(_total_cells(s) for s in scores)
    rows.append(f"| all |{totals}")
    return "\n".join(rows)


def _total_cells(part: PartScore) -> str:
    total = RuleScore("all")
    for r in part.rules.values():
        total.true_positives += r.true_positives
        total.missed += r.missed
        total.extra += r.extra
        total.negatives += r.negatives
    return (f" {total.precision:.2f} | {total.recall:.2f} | "
            f"{total.true_positives} / {len(total.extra)} / {len(total.missed)} | {total.negatives} |")


def summary(part: PartScore) -> str:
    labelled = sum(r.labelled for r in part.rules.values())
    negatives = sum(r.negatives for r in part.rules.values())
    return (f"{part.part}: {part.files} files, {labelled} labelled findings, {negatives} hard-negative "
            f"lines, {len(part.syntax_errors)} PD001 on valid code")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=ALL_PARTS, action="append",
                        help="score only this part (repeatable; default: all)")
    parser.add_argument("--details", choices=ALL_PARTS, action="append", default=[],
                        help="list the missed and extra findings of this part (repeatable)")
    args = parser.parse_args(argv)
    scores = list(score_parts(args.part or ALL_PARTS).values())
    for part in scores:
        print(summary(part))
    print()
    print(table(scores))
    for part in scores:
        if part.part not in args.details:
            continue
        print(f"\n## {part.part}")
        for rule in part.rules.values():
            if rule.missed or rule.extra:
                print(rule.describe())
        for (path, line, code), message in part.syntax_errors + part.other:
            print(f"  {code} {path}:{line} {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
