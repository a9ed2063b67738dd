"""pdlint's precision and recall per rule on the labelled real-world corpus in `corpus/`.

The corpus is step code and library documentation rewritten from public sources plus adversarial
cases, labelled from the rules' pages (format, sources and judgement calls in corpus/README.md),
split once into `tuning/` and `heldout/`. Each rule must keep, on each part, at least the
precision and recall in FLOORS: what pdlint measured when the floors were last set, rounded down.
Raise a floor whenever a rule improves (never lower one to pass); the goal for every rule on both
parts is TARGET_PRECISION / TARGET_RECALL (issue 15). `python tests/lint/corpus/score.py` prints
the table; a failure lists the labelled findings that were missed and the findings that were extra.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from .corpus.score import LATER_PARTS, PARTS, RULES, LabelError, PartScore, corpus_files, read_labels, score, score_parts

TARGET_PRECISION = 0.98
TARGET_RECALL = 0.97

# rule: (tuning precision, tuning recall, heldout precision, heldout recall) -- floors: every rule
# met the targets on both parts with the semantic model of issue 15 (1.00 / 1.00 measured), so no
# floor is below them
FLOORS = {
    "PD101": (0.98, 1.00, 1.00, 1.00),
    "PD102": (0.98, 0.97, 1.00, 0.97),
    "PD103": (1.00, 1.00, 1.00, 1.00),
    "PD104": (0.98, 0.97, 1.00, 0.97),
    "PD105": (0.98, 0.97, 1.00, 0.97),
    "PD106": (1.00, 0.97, 1.00, 1.00),
    "PD107": (1.00, 1.00, 1.00, 1.00),
    "PD108": (1.00, 1.00, 1.00, 1.00),
    "PD109": (0.98, 0.97, 1.00, 0.97),
    "PD110": (1.00, 1.00, 1.00, 1.00),
    "PD111": (1.00, 1.00, 1.00, 1.00),
    "PD112": (1.00, 1.00, 1.00, 1.00),
    "PD113": (1.00, 0.97, 1.00, 0.97),
    "PD114": (1.00, 1.00, 1.00, 0.97),
    "PD115": (1.00, 1.00, 1.00, 1.00),
    "PD116": (0.98, 1.00, 0.98, 1.00),
}
# PD001 reported on corpus code, all of which is valid Python: none (console sessions in fences
# tagged `python` are recognised by their prompts since issue 15).
MAX_SYNTAX_ERRORS = {"tuning": 0, "heldout": 0}
MIN_FILES = 120  # both parts together

# Later batches (corpus/README.md, "Later batches"), each labelled from the rule pages before pdlint
# was first run on it. tuning2/ was held out and scored once (PD103 R 0.75, PD104 P 0.89, PD115
# P 0.83, the rest 1.00); PD103/PD115 (a comprehension of dicts is nested) and PD104 (a literal
# interpolated into an f-string is part of its text) were then fixed against it, so it is tuning
# material now and held to what it measures after the fixes. rule: (precision, recall)
# heldout3/ was labelled after those fixes and scored once: 1.00 / 1.00 for every rule (53 / 0 / 0),
# its floors are that run's figures.
LATER_FLOORS = {
    "tuning2": {rule: (1.00, 1.00) for rule in RULES},
    "heldout3": {rule: (1.00, 1.00) for rule in RULES},
}
MIN_LATER_FILES = 20
MIN_LABELS_PER_RULE_AND_PART = 2


@pytest.fixture(scope="module")
def measured() -> dict[str, PartScore]:
    return score_parts(PARTS)


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("rule", RULES)
def test_rule_keeps_its_floor(measured: dict[str, PartScore], part: str, rule: str) -> None:
    floors = FLOORS[rule][0:2] if part == "tuning" else FLOORS[rule][2:4]
    result = measured[part].rules[rule]
    assert result.precision >= floors[0] and result.recall >= floors[1], (
        f"{part}/ {rule} fell below its floor (precision {floors[0]:.2f}, recall {floors[1]:.2f}):\n"
        + result.describe()
    )


@pytest.mark.parametrize("part", PARTS)
def test_no_more_syntax_errors_than_recorded(measured: dict[str, PartScore], part: str) -> None:
    errors = measured[part].syntax_errors
    listing = "\n".join(f"  {path}:{line} {message}" for (path, line, _), message in errors)
    assert len(errors) <= MAX_SYNTAX_ERRORS[part], f"PD001 on valid code in {part}/:\n{listing}"


@pytest.mark.parametrize("part", PARTS)
def test_only_rule_codes_besides_pd001(measured: dict[str, PartScore], part: str) -> None:
    assert measured[part].other == []


@pytest.fixture(scope="module")
def measured_later() -> dict[str, PartScore]:
    return score_parts(LATER_PARTS)


@pytest.mark.parametrize("part", LATER_PARTS)
@pytest.mark.parametrize("rule", RULES)
def test_later_batch_keeps_its_floor(measured_later: dict[str, PartScore], part: str, rule: str) -> None:
    precision, recall = LATER_FLOORS[part][rule]
    result = measured_later[part].rules[rule]
    assert result.precision >= precision and result.recall >= recall, (
        f"{part}/ {rule} fell below its floor (precision {precision:.2f}, recall {recall:.2f}):\n"
        + result.describe()
    )


@pytest.mark.parametrize("part", LATER_PARTS)
def test_later_batch_is_valid_code_of_every_rule(measured_later: dict[str, PartScore], part: str) -> None:
    scored = measured_later[part]
    assert scored.files >= MIN_LATER_FILES
    assert scored.syntax_errors == [] and scored.other == []
    assert all(scored.rules[rule].labelled >= 2 for rule in RULES), {
        rule: r.labelled for rule, r in scored.rules.items() if r.labelled < 2}


def test_corpus_is_large_enough_to_measure_every_rule(measured: dict[str, PartScore]) -> None:
    assert sum(part.files for part in measured.values()) >= MIN_FILES
    thin = [
        f"{part.part}/ {rule}: {part.rules[rule].labelled}"
        for part in measured.values() for rule in RULES
        if part.rules[rule].labelled < MIN_LABELS_PER_RULE_AND_PART
    ]
    assert not thin, "rules with too few labelled findings to measure recall: " + ", ".join(thin)


def test_floors_table_names_every_rule_with_ratios() -> None:
    assert sorted(FLOORS) == list(RULES)
    assert all(0.0 <= floor <= 1.0 for floors in FLOORS.values() for floor in floors)


# --- the scorer itself -------------------------------------------------------------------------


def _write(directory: Path, name: str, text: str) -> Path:
    path = directory / "tuning" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_labels_are_read_from_markers(tmp_path: Path) -> None:
    _write(tmp_path, "pd102_a.py", (
        "r = get(u)  # expect: PD102, PD105\n"
        "pair = get(a), get(b)  # expect: PD102 PD102\n"
        "# expect-next-line: PD114\n"
        'q = f"""\n'
        '"""\n'
        "ok = 1  # ok: PD104 (a label, not a secret)\n"
        "plain = 'mentions expect: PD101 in a string'\n"
    ))
    _write(tmp_path, "pd116_b.md", "```python\n> pd.flow.exit()  # expect: PD116\n```\n")
    labels = read_labels(corpus_files("tuning", tmp_path), tmp_path)
    assert labels.expected == Counter({
        ("tuning/pd102_a.py", 1, "PD102"): 1,
        ("tuning/pd102_a.py", 1, "PD105"): 1,
        ("tuning/pd102_a.py", 2, "PD102"): 2,
        ("tuning/pd102_a.py", 4, "PD114"): 1,
        ("tuning/pd116_b.md", 2, "PD116"): 1,
    })
    assert labels.negatives == Counter({("tuning/pd102_a.py", 6, "PD104"): 1})
    assert labels.files == ["tuning/pd102_a.py", "tuning/pd116_b.md"]


@pytest.mark.parametrize("line", [
    "x = 1  # expect: PD999\n",
    "x = 1  # expect PD102\n",
    "x = 1  # expect: PD102 and more\n",
])
def test_malformed_markers_are_refused_with_their_place(tmp_path: Path, line: str) -> None:
    _write(tmp_path, "pd101_bad.py", "import requests\n" + line)
    with pytest.raises(LabelError, match=r"tuning/pd101_bad\.py:2: "):
        read_labels(corpus_files("tuning", tmp_path), tmp_path)


def test_findings_match_labels_as_a_multiset(tmp_path: Path) -> None:
    _write(tmp_path, "pd102_c.py", "a, b = x, y  # expect: PD102, PD102\nc = z  # expect: PD105\n")
    labels = read_labels(corpus_files("tuning", tmp_path), tmp_path)
    findings = [
        {"path": "tuning/pd102_c.py", "line": 1, "code": "PD102", "message": "m1"},
        {"path": "tuning/pd102_c.py", "line": 3, "code": "PD102", "message": "m2"},
        {"path": "tuning/pd102_c.py", "line": 3, "code": "PD001", "message": "m3"},
    ]
    result = score(labels, findings, "tuning")
    pd102, pd105 = result.rules["PD102"], result.rules["PD105"]
    assert (pd102.true_positives, pd102.missed, pd102.extra) == (
        1, [("tuning/pd102_c.py", 1, "PD102")], [(("tuning/pd102_c.py", 3, "PD102"), "m2")])
    assert (pd102.precision, pd102.recall) == (0.5, 0.5)
    assert (pd105.true_positives, pd105.missed, pd105.recall) == (0, [("tuning/pd102_c.py", 2, "PD105")], 0.0)
    assert result.rules["PD101"].precision == result.rules["PD101"].recall == 1.0
    assert result.syntax_errors == [(("tuning/pd102_c.py", 3, "PD001"), "m3")]
    assert "missed  tuning/pd102_c.py:1 PD102" in pd102.describe()
    assert "extra   tuning/pd102_c.py:3 PD102 m2" in pd102.describe()
