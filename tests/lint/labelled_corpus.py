"""Score rules against step files labelled with `# expect: PDnnn` comments.

A label is a trailing comment `# expect: PD117` (or `# expect: PD117, PD118`) on the line where the
finding must be reported. Each file is linted with the scored rules; a finding on a labelled line
with that code is a true positive, any other finding of a scored code a false positive, a label
without its finding a false negative. A first line holding `pdlint: ignore-file` (which keeps the
corpus out of a repository-wide lint) is blanked before linting, so line numbers do not move.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pdlint.engine import lint_text
from pdlint.rules import all_rules

EXPECT = re.compile(r"#\s*expect:\s*(PD\d{3}(?:\s*,\s*PD\d{3})*)\s*$")


def labels(text: str) -> set[tuple[int, str]]:
    found = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            found.update((number, code.strip()) for code in match.group(1).split(","))
    return found


def lintable(text: str) -> str:
    first, newline, rest = text.partition("\n")
    return ("" if "pdlint: ignore-file" in first else first) + newline + rest


@dataclass
class Score:
    code: str
    true_positives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        expected = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / expected if expected else 1.0

    def summary(self) -> str:
        return (
            f"{self.code}: precision {self.precision:.3f} recall {self.recall:.3f} "
            f"(tp {len(self.true_positives)}, fp {len(self.false_positives)}, "
            f"fn {len(self.false_negatives)})"
        )


def score(files: list[Path], codes: list[str]) -> dict[str, Score]:
    rules = [all_rules()[code] for code in codes]
    scores = {code: Score(code) for code in codes}
    for path in files:
        text = path.read_text(encoding="utf-8")
        want = {row for row in labels(text) if row[1] in scores}
        findings = lint_text(lintable(text), path.name, rules)
        assert not any(f.code == "PD001" for f in findings), f"{path} does not parse"
        got = {(f.line, f.code) for f in findings if f.code in scores}
        for line, code in sorted(got | want):
            where = f"{path.parent.name}/{path.name}:{line}"
            bucket = scores[code]
            if (line, code) in got and (line, code) in want:
                bucket.true_positives.append(where)
            elif (line, code) in got:
                bucket.false_positives.append(where)
            else:
                bucket.false_negatives.append(where)
    return scores


def files_by_rule(files: list[Path]) -> dict[str, int]:
    """How many files were written for each code (the file name's `pdNNN_` prefix)."""
    counts: dict[str, int] = defaultdict(int)
    for path in files:
        prefix = path.name.split("_", 1)[0]
        counts[prefix.upper()] += 1
    return dict(counts)
