"""A step valid on the platform's Python (3.12) but rejected by the Python pdlint runs on: PD001
says which version the code needs and to run pdlint under it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pdlint.engine import lint_text
from pdlint.newer_syntax import needed_version
from pdlint.rules import all_rules

RULES = list(all_rules().values())
PEP_701_STEP = (
    "import requests\n"
    "\n"
    "def handler(pd):\n"
    "    d = pd.steps['trigger']['event']\n"
    "    print(f'{d.get('id')}')\n"
    "    return requests.get('https://api.example.com/items').json()\n"
)
OLDER_THAN_312 = sys.version_info < (3, 12)


@pytest.mark.skipif(not OLDER_THAN_312, reason="the running Python accepts 3.12 f-strings")
def test_a_312_f_string_on_an_older_python_names_the_version() -> None:
    (finding,) = lint_text(PEP_701_STEP, "step.py", RULES)
    assert (finding.code, finding.line) == ("PD001", 5)
    assert "needs Python 3.12" in finding.message
    assert "run pdlint with Python 3.12" in finding.message
    assert "reuses its quotes" in finding.message


@pytest.mark.skipif(OLDER_THAN_312, reason="the running Python rejects 3.12 f-strings")
def test_a_312_f_string_on_312_is_linted_like_any_code() -> None:
    codes = sorted(f.code for f in lint_text(PEP_701_STEP, "step.py", RULES))
    assert "PD001" not in codes and "PD105" in codes


def test_the_file_is_counted_not_crashed_on(tmp_path) -> None:
    step = tmp_path / "step.py"
    step.write_text(PEP_701_STEP + "\ntype Pair = tuple[int, int]\n")
    run = subprocess.run(
        [sys.executable, "-m", "pdlint", "--isolated", "--no-cache", "--format", "json", str(step)],
        capture_output=True, text=True, check=False,
    )
    assert "Traceback" not in run.stderr
    assert run.returncode == 1
    assert json.loads(run.stdout)


@pytest.mark.parametrize(
    ("code", "line", "version"),
    [
        ("x = f'{d['id']}'\n", 1, (3, 12)),
        ('x = f"{a\\\\b}"\n', 1, (3, 12)),
        ("x = f'{a  # why\n}'\n", 1, (3, 12)),
        ("type Pair = tuple[int, int]\n", 1, (3, 12)),
        ("def first[T](items: list[T]) -> T: ...\n", 1, (3, 12)),
        ("class Box[T]: ...\n", 1, (3, 12)),
        ("def f[T = int](x: T) -> T: ...\n", 1, (3, 13)),
        ("try:\n    pass\nexcept ValueError, KeyError:\n    pass\n", 3, (3, 14)),
    ],
)
def test_which_version_the_code_needs(code: str, line: int, version: tuple[int, int]) -> None:
    found = needed_version(code, line)
    if version <= sys.version_info[:2]:
        assert found is None  # the running Python accepts it: not a reason for PD001
    else:
        assert found is not None and found[0] == version


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("def broken(:\n", 1),
        ("x = f'{d[\"id\"]}' +\n", 1),
        ("print 'hello'\n", 1),
        ("try:\n    pass\nexcept ValueError, e:\n    pass\n", 3),
    ],
)
def test_plain_syntax_errors_need_no_newer_python(code: str, line: int) -> None:
    assert needed_version(code, line) is None
