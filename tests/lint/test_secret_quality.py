"""PD104's detection quality on the labelled corpus in `secrets_corpus/`: precision and recall.

`pytest tests/lint/test_secret_quality.py -q -s` prints the figures (they go in docs/rules/PD104.md).
"""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass

import pytest

from pdlint.engine import lint_text
from pdlint.rules.PD104_hardcoded_secret import HardcodedSecret

from .secrets_corpus import CORPUS_DIR, LABELS, Case, load_corpus, parse_corpus_file

MIN_CASES = 150
MIN_PRECISION = 0.95
MIN_RECALL = 0.95


@dataclass
class Score:
    true_positives: list[str]
    false_positives: list[str]
    false_negatives: list[str]
    true_negatives: list[str]

    @property
    def precision(self) -> float:
        flagged = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        positives = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / positives if positives else 1.0


def pd104_flags(case: Case) -> bool:
    findings = lint_text(case.code, "case.py", [HardcodedSecret])
    codes = {f.code for f in findings}
    assert "PD001" not in codes, f"{case.id} does not parse"
    return "PD104" in codes


def score(cases: list[Case]) -> Score:
    result = Score([], [], [], [])
    for case in cases:
        flagged = pd104_flags(case)
        if case.positive:
            (result.true_positives if flagged else result.false_negatives).append(case.id)
        else:
            (result.false_positives if flagged else result.true_negatives).append(case.id)
    return result


@pytest.fixture(scope="module")
def corpus() -> list[Case]:
    return load_corpus()


def test_corpus_size_and_labels(corpus: list[Case]) -> None:
    assert len(corpus) >= MIN_CASES, f"the corpus has {len(corpus)} cases, fewer than {MIN_CASES}"
    labels = Counter((case.category, case.label) for case in corpus)
    categories = sorted({case.category for case in corpus})
    missing = [(c, label) for c in categories for label in LABELS if labels[(c, label)] == 0]
    assert not missing, f"categories without both labels: {missing}"


def test_every_case_is_a_complete_module(corpus: list[Case]) -> None:
    for case in corpus:
        ast.parse(case.code, filename=case.id)
    for path in sorted(CORPUS_DIR.glob("*.py")):
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))  # the files themselves too


def test_loader_round_trip(corpus: list[Case]) -> None:
    by_file = [case for path in sorted(CORPUS_DIR.glob("[!_]*.py")) for case in parse_corpus_file(path)]
    assert by_file == corpus
    assert len({case.id for case in corpus}) == len(corpus)


def test_pd104_precision_and_recall(corpus: list[Case]) -> None:
    result = score(corpus)
    positives = sum(case.positive for case in corpus)
    print(
        f"\nPD104 on the secrets corpus: {len(corpus)} cases ({positives} positive, "
        f"{len(corpus) - positives} negative)\n"
        f"  true positives {len(result.true_positives)}, false positives {len(result.false_positives)}, "
        f"false negatives {len(result.false_negatives)}, true negatives {len(result.true_negatives)}\n"
        f"  precision {result.precision:.3f}, recall {result.recall:.3f}"
    )
    for category in sorted({case.category for case in corpus}):
        part = score([case for case in corpus if case.category == category])
        print(f"  {category:14} precision {part.precision:.3f}  recall {part.recall:.3f}")
    if result.false_positives:
        print("  false positives:", ", ".join(result.false_positives))
    if result.false_negatives:
        print("  false negatives:", ", ".join(result.false_negatives))
    assert result.precision >= MIN_PRECISION and result.recall >= MIN_RECALL, (
        f"precision {result.precision:.3f}, recall {result.recall:.3f}; "
        f"false positives: {result.false_positives}; false negatives: {result.false_negatives}"
    )


LONG_LITERALS = {  # shape -> a literal of about `n` characters
    # a run after `://`: quadratic once (minutes)
    "scheme-run": lambda n: 'x = "x://' + "a" * n + '"\n',
    "brackets": lambda n: 'password = "' + "[" * n + '"\n',
    "ampersands": lambda n: 'u = "https://e.com/?' + "&a" * (n // 2) + '"\n',
    "pairs": lambda n: 'd = "' + "a=b&" * (n // 2) + 'password=x"\n',
}


@pytest.mark.parametrize("shape", list(LONG_LITERALS))
def test_long_literals_are_judged_like_short_ones(shape: str) -> None:
    """A 200,000-character literal gets the findings the same shape gets at 20 characters. There
    is no clock here (no timed tests): a pattern that backtracks on the long one makes this test
    run for minutes to hours, past the CI job's time limit, instead of failing fast."""
    literal = LONG_LITERALS[shape]

    def codes(code: str) -> list[tuple[int, str]]:
        return [(f.line, f.code) for f in lint_text(code, "case.py", [HardcodedSecret])]

    assert codes(literal(200_000)) == codes(literal(20))


# The shortest token of every format `KNOWN_TOKEN_FORMATS` knows (fewest repetitions each):
# `has_known_token` first looks for a run of ten token characters, which each must hold.
SHORTEST_KNOWN_TOKENS = [
    "ghp_" + "a" * 36,
    "github_pat_" + "a" * 22,
    "sk_live_" + "a" * 10,
    "whsec_" + "a+/=" * 6,
    "xoxb-" + "a" * 10,
    "AKIA" + "A" * 16,
    "AIza" + "a" * 35,
    "GOCSPX-" + "a" * 24,
    "1//0" + "a" * 40,
    "glpat-" + "a" * 20,
    "SG." + "a" * 16 + "." + "a" * 20,
    "shpat_" + "a" * 32,
    "pat" + "a" * 14 + "." + "a" * 64,
    "pat-na1-aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa",
    "npm_" + "a" * 36,
    "hf_" + "a" * 34,
    "pypi-AgEIcHlwaS5vcmc" + "a" * 50,
    "sk-" + "a" * 32,
    "-----BEGIN PRIVATE KEY-----",
    "eyJ" + "a" * 8 + ".eyJ" + "a" * 8 + "." + "a" * 8,
    "12345678:AA" + "a" * 30,
    "hooks.slack.com/services/T" + "A" * 6 + "/" + "B" * 6 + "/" + "c" * 16,
    "discord.com/api/webhooks/" + "1" * 10 + "/" + "a" * 30,
]


def test_every_token_format_is_known_at_its_shortest() -> None:
    from pdlint.secrets import KNOWN_TOKEN_FORMATS, has_known_token

    assert len(SHORTEST_KNOWN_TOKENS) == _top_level_branches(KNOWN_TOKEN_FORMATS.pattern)  # a new format needs its sample here
    for token in SHORTEST_KNOWN_TOKENS:
        assert KNOWN_TOKEN_FORMATS.search(token), token
        assert has_known_token(token), token
        assert has_known_token(f"x = '{token}' # in a line"), token


def _top_level_branches(pattern: str) -> int:
    """The alternatives of `(?:a|b|...)`: `|` one group deep, outside character classes."""
    depth, in_class, escaped, branches = 0, False, False, 1
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 1:
            branches += 1
    return branches
