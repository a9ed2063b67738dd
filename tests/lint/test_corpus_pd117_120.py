"""PD117-PD120 on the labelled step corpus in `corpus_pd117_120/`: precision and recall floors per
rule, on the development part and on the held-out part separately.

`pytest tests/lint/test_corpus_pd117_120.py -q -s` prints the figures.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .labelled_corpus import files_by_rule, labels, score

CORPUS = Path(__file__).parent / "corpus_pd117_120"
CODES = ["PD117", "PD118", "PD119", "PD120"]
PARTS = ["dev", "heldout"]
MIN_PRECISION = 0.95
MIN_RECALL = 0.90
MIN_FILES_PER_RULE = 30


def _files(part: str | None = None) -> list[Path]:
    parts = [part] if part else PARTS
    return sorted(path for name in parts for path in (CORPUS / name).glob("*.py"))


def test_corpus_size_and_labels() -> None:
    files = _files()
    counts = files_by_rule(files)
    assert all(counts.get(code, 0) >= MIN_FILES_PER_RULE for code in CODES), counts
    for code in CODES:
        for part in PARTS:
            labelled = [p for p in _files(part) if any(c == code for _, c in labels(p.read_text()))]
            unlabelled = [p for p in _files(part) if p.name.startswith(code.lower()) and p not in labelled]
            assert labelled and unlabelled, f"{part}/ needs positives and hard negatives for {code}"
    for path in files:
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@pytest.mark.parametrize("part", PARTS)
def test_precision_and_recall(part: str) -> None:
    scores = score(_files(part), CODES)
    print()
    for code in CODES:
        print(f"{part}: {scores[code].summary()}")
    failures = []
    for code in CODES:
        result = scores[code]
        if result.precision < MIN_PRECISION or result.recall < MIN_RECALL:
            failures.append(
                f"{result.summary()}\n  false positives: {result.false_positives}\n"
                f"  false negatives: {result.false_negatives}"
            )
    assert not failures, "\n".join(failures)
