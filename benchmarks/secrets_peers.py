"""Secret detection on the labelled corpus: pdlint PD104 beside bandit B105-B107 and detect-secrets.

The corpus is `tests/lint/secrets_corpus/` (format in its README: one `<category>.py` per category,
cases introduced by `# --- case: <id> label=positive|negative`, loaded by its stdlib-only
`load_corpus()`). Each case is written to its own `<id>.py`; a case counts as flagged by a tool when
the tool reports anything in that file, which is what the labels mean ("positive": at least one
finding, "negative": none).

    python benchmarks/secrets_peers.py      # print the Markdown section on its own

`benchmarks/run.py` calls `compare()` and puts the section in its report; a missing corpus is a
clean skip. When the corpus changes its format, `load_cases()` is the one place to adapt.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "tests" / "lint" / "secrets_corpus"
ENV_EXTRA = {"NO_COLOR": "1"}


@dataclass
class Case:
    id: str
    code: str
    positive: bool
    category: str


def load_cases(corpus_dir: Path = CORPUS_DIR) -> list[Case] | str:
    """The labelled cases, or a one-line reason they cannot be loaded (the section is then skipped)."""
    loader = corpus_dir / "__init__.py"
    if not corpus_dir.is_dir():
        return f"`{_shown(corpus_dir)}/` does not exist"
    if not loader.is_file():
        return f"`{_shown(corpus_dir)}/` has no `__init__.py` with `load_corpus()`"
    try:
        spec = importlib.util.spec_from_file_location("_bench_secrets_corpus", loader)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        cases = module.load_corpus(corpus_dir)
        return [Case(c.id, c.code, c.label == "positive", c.category) for c in cases]
    except Exception as error:  # a corpus being edited must not break the benchmark
        return f"its `load_corpus()` failed: {type(error).__name__}: {error}"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def write_cases(cases: list[Case], directory: Path) -> dict[str, Case]:
    """One `<id>.py` per case; returns file name -> case."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {}
    for case in cases:
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", case.id) + ".py"
        (directory / name).write_text(case.code, encoding="utf-8")
        files[name] = case
    return files


Runner = Callable[[list[str], Path], tuple[int, str, str]]


def _subprocess_runner(argv: list[str], cwd: Path) -> tuple[int, str, str]:
    import os

    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, env={**os.environ, **ENV_EXTRA}, timeout=1800)
    return done.returncode, done.stdout, done.stderr


def flagged_by_pdlint(pdlint: list[str], directory: Path, run: Runner) -> set[str] | str:
    code, out, err = run(pdlint + ["--isolated", "--no-cache", "--exit-zero", "--select", "PD104", "--format", "json", "."],
                         directory)
    try:
        return {Path(f["path"]).name for f in json.loads(out) if f.get("code") == "PD104"}
    except (ValueError, TypeError, KeyError):
        return f"no JSON output (exit {code}: {err.strip()[-200:]})"


def flagged_by_bandit(bandit: list[str], directory: Path, run: Runner) -> set[str] | str:
    code, out, err = run(bandit + ["-q", "-t", "B105,B106,B107", "-f", "json", "-r", "."], directory)
    try:
        return {Path(r["filename"]).name for r in json.loads(out)["results"]}
    except (ValueError, TypeError, KeyError):
        return f"no JSON output (exit {code}: {err.strip()[-200:]})"


def flagged_by_detect_secrets(detect: list[str], directory: Path, run: Runner) -> set[str] | str:
    code, out, err = run(detect + ["scan", "--all-files", "."], directory)
    try:
        return {Path(name).name for name, found in json.loads(out)["results"].items() if found}
    except (ValueError, TypeError, KeyError, AttributeError):
        return f"no JSON output (exit {code}: {err.strip()[-200:]})"


@dataclass
class Score:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


def score(files: dict[str, Case], flagged: set[str], category: str | None = None) -> Score:
    tp = fp = fn = tn = 0
    for name, case in files.items():
        if category is not None and case.category != category:
            continue
        hit = name in flagged
        if case.positive:
            tp, fn = tp + hit, fn + (not hit)
        else:
            fp, tn = fp + hit, tn + (not hit)
    return Score(tp, fp, fn, tn)


def compare(pdlint: list[str], bandit: list[str] | None, detect_secrets: list[str] | None, work: Path,
            corpus_dir: Path = CORPUS_DIR, run: Runner = _subprocess_runner,
            progress: Callable[[str], None] = lambda _message: None) -> list[str]:
    """The report's Markdown section (a one-line skip when the corpus is missing or unreadable)."""
    lines = ["## Secret detection (labelled corpus)", ""]
    cases = load_cases(corpus_dir)
    if isinstance(cases, str):
        return lines + [f"Skipped: {cases}.", ""]
    if not cases:
        return lines + ["Skipped: the corpus has no cases.", ""]
    directory = work / "secrets-cases"
    files = write_cases(cases, directory)
    tools: dict[str, set[str] | str] = {}
    progress("secrets: pdlint PD104")
    tools["pdlint PD104"] = flagged_by_pdlint(pdlint, directory, run)
    for label, argv, function in (("bandit B105–B107", bandit, flagged_by_bandit),
                                  ("detect-secrets (default plugins)", detect_secrets, flagged_by_detect_secrets)):
        if argv is None:
            tools[label] = "not installed"
        else:
            progress(f"secrets: {label}")
            tools[label] = function(argv, directory, run)
    positives = sum(case.positive for case in cases)
    lines += [
        f"{len(cases)} labelled cases from `{_shown(corpus_dir)}/` ({positives} positive, {len(cases) - positives} "
        "negative), each linted as its own file; a case counts as flagged when the tool reports anything in it.", "",
        "| tool | precision | recall | true pos. | false pos. | false neg. | true neg. |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, flagged in tools.items():
        if isinstance(flagged, str):
            lines.append(f"| {label} | — | — | — | — | — | {flagged} |")
            continue
        s = score(files, flagged)
        lines.append(f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.tp} | {s.fp} | {s.fn} | {s.tn} |")
    scored = {label: flagged for label, flagged in tools.items() if not isinstance(flagged, str)}
    if scored:
        lines += ["", "Per category (precision / recall):", "",
                  "| category | cases | " + " | ".join(scored) + " |", "|---|---|" + "---|" * len(scored)]
        for category in sorted({case.category for case in cases}):
            count = sum(1 for case in cases if case.category == category)
            cells = []
            for flagged in scored.values():
                s = score(files, flagged, category)
                cells.append(f"{s.precision:.2f} / {s.recall:.2f}")
            lines.append(f"| {category} | {count} | " + " | ".join(cells) + " |")
    return lines + [""]


def _script(name: str) -> list[str] | None:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    return [found] if found else None


def main() -> int:
    pdlint = _script("pdlint") or [sys.executable, "-m", "pdlint"]
    with tempfile.TemporaryDirectory(prefix="pdlint-secrets-") as work:
        print("\n".join(compare(pdlint, _script("bandit"), _script("detect-secrets"), Path(work),
                                progress=lambda message: print(message, file=sys.stderr))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
