"""benchmarks/run.py runs end to end on a tiny corpus and writes its report (nothing here is timed).

The end-to-end run covers the generated corpus, the one-file case and the plugin suites; the
peers are used when installed (the `bench` extra) and reported as absent otherwise, except fixit
and semgrep, skipped because their start-up alone takes seconds. The package corpus, the floor
script and the secret-detection section are checked in-process, so the whole module stays fast.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
SCRIPT = BENCHMARKS / "run.py"
COMMAND = ["--quick", "--files", "6", "--plugin-tests", "3", "--one-file-runs", "1",
           "--skip", "packages,fixit,semgrep,secrets"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench_modules():
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import corpus
        import floor
        import secrets_peers

        yield corpus, floor, secrets_peers
    finally:
        sys.path.remove(str(BENCHMARKS))


def _installed(name: str) -> bool:
    return shutil.which(name, path=str(Path(sys.executable).parent)) is not None


def _row(text: str, *cells: str) -> str:
    """The one table row containing every cell text."""
    rows = [line for line in text.splitlines() if line.startswith("|") and all(c in line for c in cells)]
    assert len(rows) == 1, f"expected one row with {cells}, found {rows}"
    return rows[0]


def _section(report: str, heading: str) -> str:
    return report.split(heading + "\n", 1)[1].split("\n#", 1)[0]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("bench") / "results.md"
    done = subprocess.run([sys.executable, str(SCRIPT), *COMMAND, "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return out.read_text(encoding="utf-8")


def test_header_machine_and_command(report: str) -> None:
    assert report.startswith("# Benchmark results\n")
    assert "`python benchmarks/run.py " + " ".join(COMMAND) in report
    assert "**Load:** 1-minute load average" in report
    for row in ("| CPU |", "| cores |", "| RAM |", "| Python |", "| packages |", "| commit |"):
        assert row in report
    assert "fixit skipped by --skip; semgrep skipped by --skip" in report
    assert "**pdlint's source:** a copy of `lint/` and `pytest_pdhttp/`" in report


def test_targets_table(report: str) -> None:
    targets = _section(report, "## Targets (issue 6)")
    for what, corpus in [
        ("pdlint cold ÷ libcst floor, 1 process", "steps"),
        ("pdlint ÷ fixit", "steps"),
        ("pdlint ÷ bandit", "steps"),
        ("pdlint warm ÷ cold", "steps"),
        ("pdlint on one file", "1 step file"),
        ("pytest_pdhttp ÷ bare per test", "plugin suites"),
    ]:
        rows = [line for line in targets.splitlines() if what in line and f"| {corpus} |" in line]
        assert rows, f"no target row {what!r} for {corpus}"
        for line in rows:
            assert re.search(r"\| (✅|❌|—|— \([^()]*\)) \|$", line), line
    assert len([line for line in targets.splitlines() if "pdlint cold ÷ libcst floor, " in line]) == 2  # 1 and N
    assert "| packages |" not in targets
    assert "(fixit skipped by --skip)" in _row(targets, "pdlint ÷ fixit")
    for what in ("pdlint cold ÷ libcst floor, 1 process", "pdlint warm ÷ cold"):
        assert re.search(r"\| \d+\.\d{3}× \| \d+\.\d{3}× \|", _row(targets, what)), what
    # 3 tests are too few for a stable per-test difference: a ratio, or "—" when the noise won
    assert re.search(r"\| (\d+\.\d{3}×|—) \| (\d+\.\d{3}×|—) \|", _row(targets, "pytest_pdhttp ÷ bare"))
    assert re.search(r"\| \d+\.\d{3} s \|", _row(targets, "pdlint on one file"))


def test_corpus_table_has_a_row_per_tool(report: str) -> None:
    steps = _section(report, "### Generated steps")
    assert "6 Python files + 2 Markdown docs" in steps
    assert "### Installed packages" not in report
    for label in ("`pdlint --no-cache --jobs 1`", "`pdlint --no-cache --jobs", "warm cache`", "(fills it)`",
                  "`floor.py --jobs 1`", "`floor.py --jobs"):
        row = [line for line in steps.splitlines() if label in line][0]
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[3] == "1", row  # one run, and it succeeded
        assert re.fullmatch(r"\d+\.\d\d", cells[4]), row  # median seconds
        assert re.fullmatch(r"[\d,]+", cells[8]), row  # files/s
        assert re.fullmatch(r"\d+", cells[9]), row  # peak RSS MB
    assert "nodes" in _row(steps, "`floor.py --jobs 1`")
    for peer, label in (("bandit", "`bandit -t B113,B105,B501 -r`"), ("ruff", "`ruff check --no-cache")):
        # a peer is used when found (beside the interpreter, or on PATH), else named as not installed
        assert (label in steps) == (f"{peer} not installed" not in report), peer
        if _installed(peer):
            assert label in steps, peer
    assert "fixit lint" not in steps


def test_one_file_and_plugin_sections(report: str) -> None:
    one_file = _section(report, "## One file (the pre-commit case)")
    for label in ("`pdlint --no-cache step.py`", "`pdlint step.py (warm cache)`", "`python -c pass`",
                  "`python -c 'import libcst'`"):
        assert re.search(r"\| 1 \| \d+\.\d{3} \|", _row(one_file, label)), label
    plugin = _section(report, "## pytest_pdhttp overhead")
    assert _row(plugin, "3 tests with pd, pd_tmp, pd_http").endswith("| 3 passed |")
    assert _row(plugin, "3 tests with responses, tmp_path, monkeypatch").endswith("| 3 passed |")
    assert "per test after pytest's start-up" in plugin
    assert "## Secret detection" not in report


def test_step_corpus_is_reproducible(tmp_path: Path, bench_modules) -> None:
    corpus, _floor, _secrets = bench_modules
    first = corpus.generate_steps(tmp_path / "a", 40, docs=2)
    second = corpus.generate_steps(tmp_path / "b", 40, docs=2)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    for path in first:
        if path.suffix == ".py":
            text = path.read_text(encoding="utf-8")
            ast.parse(text)
            assert 10 <= text.count("\n") <= 40, path
    other = corpus.generate_steps(tmp_path / "c", 40, seed=1, docs=0)
    assert [p.read_bytes() for p in other] != [p.read_bytes() for p in first[:40]]


def test_package_corpus_and_floor(tmp_path: Path, bench_modules, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, floor, _secrets = bench_modules
    copies, found = corpus.copy_packages(tmp_path / "packages", limit=4)
    assert len(copies) == 4 and all(path.is_file() and path.suffix == ".py" for path in copies)
    assert any(name.startswith("libcst ") for name in found)
    corpus.generate_steps(tmp_path / "steps", 3, docs=1)
    assert floor.main(["--jobs", "1", str(tmp_path / "packages"), str(tmp_path / "steps")]) == 0
    line = capsys.readouterr().out
    assert re.match(r"floor: 8 files, \d+ snippets, \d+ nodes, 0 parse errors, 1 process", line), line


def test_secrets_section(tmp_path: Path, bench_modules) -> None:
    _corpus, _floor, secrets_peers = bench_modules
    missing = secrets_peers.compare(["pdlint"], None, None, tmp_path, corpus_dir=tmp_path / "nowhere")
    assert missing[2].startswith("Skipped: ") and "does not exist" in missing[2]

    directory = tmp_path / "secrets_corpus"
    directory.mkdir()
    shutil.copyfile(ROOT / "tests" / "lint" / "secrets_corpus" / "__init__.py", directory / "__init__.py")
    (directory / "demo.py").write_text(
        "# header\n"
        "# --- case: demo_one label=positive\nKEY = 'sk_live_abc'\n"
        "# --- case: demo_two label=positive\nTOKEN = 'x'\n"
        "# --- case: demo_three label=negative\nkey = 'api_key'\n",
        encoding="utf-8",
    )

    def runner(argv: list[str], cwd: Path) -> tuple[int, str, str]:  # canned tool outputs
        if argv[0] == "pdlint":
            return 1, json.dumps([{"path": "demo_one.py", "code": "PD104"}, {"path": "demo_two.py", "code": "PD104"}]), ""
        return 1, json.dumps({"results": [{"filename": "./demo_one.py"}, {"filename": "./demo_three.py"}]}), ""

    lines = secrets_peers.compare(["pdlint"], ["bandit"], None, tmp_path / "work", corpus_dir=directory, run=runner)
    text = "\n".join(lines)
    assert "3 labelled cases" in text and "(2 positive, 1 negative)" in text
    assert "| pdlint PD104 | 1.000 | 1.000 | 2 | 0 | 0 | 1 |" in text
    assert "| bandit B105–B107 | 0.500 | 0.500 | 1 | 1 | 1 | 0 |" in text
    assert "| detect-secrets (default plugins) | — | — | — | — | — | not installed |" in text
    assert "| demo | 3 | 1.00 / 1.00 | 0.50 / 0.50 |" in text
