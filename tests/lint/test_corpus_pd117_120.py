"""PD117-PD120 on the labelled step corpus in `corpus_pd117_120/`: precision and recall floors per
rule, on the development part and on the held-out part separately, scored with the real-world
corpus's scorer (`corpus/score.py`, same label format).

`python -c "from tests.lint.test_corpus_pd117_120 import report; report()"` prints the tables (this
corpus, then the real-world corpus of `corpus/`, labelled for PD117-PD120 as well).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .corpus.score import CORPUS_DIR as REAL_WORLD
from .corpus.score import PARTS as REAL_WORLD_PARTS
from .corpus.score import PartScore, corpus_files, read_labels, score_parts, table

CORPUS = Path(__file__).parent / "corpus_pd117_120"
RULES = ("PD117", "PD118", "PD119", "PD120")
PARTS = ("dev", "heldout")
MIN_PRECISION = 0.95
MIN_RECALL = 0.90
MIN_FILES_PER_RULE = 30  # files written for the rule (name prefix), both parts together


@pytest.fixture(scope="module")
def measured() -> dict[str, PartScore]:
    return score_parts(PARTS, CORPUS, RULES)


def test_corpus_size_labels_and_syntax() -> None:
    files = [path for part in PARTS for path in corpus_files(part, CORPUS)]
    for rule in RULES:
        written = [p for p in files if p.name.startswith(rule.lower())]
        assert len(written) >= MIN_FILES_PER_RULE, (rule, len(written))
        for part in PARTS:
            mine = [p for p in corpus_files(part, CORPUS) if p.name.startswith(rule.lower())]
            labels = read_labels(mine, CORPUS, RULES).expected
            labelled = {path for path, _, code in labels if code == rule}
            assert labelled and len(labelled) < len(mine), f"{part}/ needs positives and hard negatives for {rule}"
    for path in files:
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@pytest.mark.parametrize("part", PARTS)
def test_precision_and_recall(measured: dict[str, PartScore], part: str) -> None:
    result = measured[part]
    assert result.syntax_errors == [] and result.other == []
    failures = [
        rule.describe()
        for rule in result.rules.values()
        if rule.precision < MIN_PRECISION or rule.recall < MIN_RECALL
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("part", REAL_WORLD_PARTS)
def test_on_the_real_world_corpus(part: str) -> None:
    """The corpus gathered for PD101-PD116 (152 files of other people's step code and docs),
    labelled for PD117-PD120 too: no false alarm there, and the few real findings found."""
    result = score_parts((part,), REAL_WORLD, RULES)[part]
    failures = [
        rule.describe()
        for rule in result.rules.values()
        if rule.precision < MIN_PRECISION or rule.recall < MIN_RECALL
    ]
    assert not failures, "\n".join(failures)


def report() -> None:
    print(table(list(score_parts(PARTS, CORPUS, RULES).values())))
    print()
    print(table(list(score_parts(REAL_WORLD_PARTS, REAL_WORLD, RULES).values())))
