"""Every rule's own VALID and INVALID cases, and its fix cases, run through the engine."""

from __future__ import annotations

import libcst as cst
import pytest

import pdlint
from pdlint.engine import lint_text
from pdlint.rules import Invalid, Valid, all_rules

RULES = all_rules()
VALID = [
    pytest.param(rule, case, id=f"{code}-valid-{i}")
    for code, rule in RULES.items()
    for i, case in enumerate(rule.VALID)
]
INVALID = [
    pytest.param(rule, case, id=f"{code}-invalid-{i}")
    for code, rule in RULES.items()
    for i, case in enumerate(rule.INVALID)
]
FIXES = [param for param in INVALID if param.values[1].expected_fix is not None]


def _fix(rule, code: str, unsafe: bool) -> pdlint.FixResult:
    return pdlint.fix_source(code, "case.py", pdlint.Options(select=(rule.code,)), unsafe=unsafe)


def _codes(rule, code: str) -> list:
    return [f for f in lint_text(code, "case.py", [rule]) if f.code == rule.code]


@pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))
def test_rule_declares_enough_cases(rule) -> None:
    assert len(rule.VALID) >= 8, f"{rule.code} needs at least 8 VALID cases"
    assert len(rule.INVALID) >= 8, f"{rule.code} needs at least 8 INVALID cases"
    assert rule.name and rule.summary


@pytest.mark.parametrize(("rule", "case"), VALID)
def test_valid(rule, case: Valid) -> None:
    cst.parse_module(case.code)
    assert _codes(rule, case.code) == []


@pytest.mark.parametrize(("rule", "case"), INVALID)
def test_invalid(rule, case: Invalid) -> None:
    cst.parse_module(case.code)
    found = _codes(rule, case.code)
    assert found, f"{rule.code} did not flag:\n{case.code}"
    if case.line is not None:
        assert case.line in [f.line for f in found], [(f.line, f.message) for f in found]


@pytest.mark.parametrize(("rule", "case"), INVALID)
def test_one_finding_per_place(rule, case: Invalid) -> None:
    places = [(f.line, f.column) for f in _codes(rule, case.code)]
    assert len(places) == len(set(places)), f"{rule.code} reported a place twice: {sorted(places)}"


PD104_INVALID = [param for param in INVALID if param.values[0].code == "PD104"]


@pytest.mark.parametrize(("rule", "case"), PD104_INVALID)
def test_a_secret_literal_is_reported_once(rule, case: Invalid) -> None:
    """No PD104 finding lies inside another: a literal interpolated into an f-string is part of
    that f-string's text (`f"OAuth {'key=...'}"`), not a second literal."""
    spans = [((f.line, f.column), (f.end_line, f.end_column)) for f in _codes(rule, case.code)]
    nested = [(inner, outer) for inner in spans for outer in spans
              if inner != outer and outer[0] <= inner[0] and inner[1] <= outer[1]]
    assert not nested, nested


@pytest.mark.parametrize(("rule", "case"), FIXES)
def test_fix(rule, case: Invalid) -> None:
    outcome = _fix(rule, case.code, unsafe=True)
    assert outcome.text == case.expected_fix
    cst.parse_module(outcome.text)
    assert _codes(rule, outcome.text) == [], "the fix left the finding in place"
    again = _fix(rule, outcome.text, unsafe=True)
    assert again.text == outcome.text and again.fixed == [], "fixing twice changed the code again"


def test_safe_fixes_leave_unsafe_ones_alone() -> None:
    for rule in RULES.values():
        if rule.fix_safety != "unsafe":
            continue
        for case in rule.INVALID:
            if case.expected_fix is not None:
                assert _fix(rule, case.code, unsafe=False).text == case.code
