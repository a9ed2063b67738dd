#!/usr/bin/env python
"""Benchmark pdlint against the libcst floor and its peers, and pytest_pdhttp against bare tests.

    pip install -e '.[bench]'
    python benchmarks/run.py                  # the full run (tens of minutes on 2 cores)
    python benchmarks/run.py --quick          # a tiny corpus, one run each: checks that it all works

Writes a Markdown report (default `benchmarks/results.md`); see docs/benchmarks.md for what each
number means. Every tool runs as a subprocess of a small launcher started by this script (see
`_LAUNCHER`); each run's wall time is measured there, its CPU time and peak RSS come from `os.wait4`
(the child and all the descendants it reaped).
"""

from __future__ import annotations

import argparse
import compileall
import csv
import datetime
import io
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import plugin_suite  # noqa: E402
import secrets_peers  # noqa: E402

MARKER = ".pdlint-bench"
SKIPPABLE = ("steps", "packages", "peers", "bandit", "ruff", "fixit", "semgrep", "one-file", "plugin", "secrets")
SLOW_TOOLS = ("fixit", "semgrep")
RUN_TIMEOUT = 3600.0

# issue 6's targets
FLOOR_RATIO = 1.3
FIXIT_RATIO = 0.10
BANDIT_RATIO = 1.0
WARM_RATIO = 0.10
ONE_FILE_SECONDS = 0.35
WORKER_RSS_MB = 150.0
PLUGIN_RATIO = 1.5
# issue 14's targets (the steps corpus, N processes)
FORMAT_RATIO = 1.2  # an output format without edits ÷ text
EDITS_RATIO = 1.3  # output with edits, --diff, --fix ÷ (text + libcst parse-only)
BANDIT_LEAD = 0.7  # text ÷ bandit, one process each
PLAIN_FORMATS = ("github", "gitlab", "junit")
EDIT_FORMATS = ("json", "sarif", "json-lines")

SEMGREP_RULES = """\
rules:
  - id: requests-without-timeout
    languages: [python]
    severity: WARNING
    message: request without timeout
    patterns:
      - pattern: requests.$METHOD(...)
      - pattern-not: requests.$METHOD(..., timeout=$T, ...)
      - metavariable-regex:
          metavariable: $METHOD
          regex: ^(get|post|put|patch|delete|head|options|request)$
  - id: requests-verify-false
    languages: [python]
    severity: WARNING
    message: TLS verification disabled
    pattern: requests.$METHOD(..., verify=False, ...)
  - id: open-without-with
    languages: [python]
    severity: WARNING
    message: open() outside a with statement
    patterns:
      - pattern: open(...)
      - pattern-not-inside: with open(...) as $F: ...
"""


# --------------------------------------------------------------------------------------------
# running one command


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    returncode: int
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False


def timed_run(argv: list[str], cwd: Path, env: dict[str, str] | None = None, keep_output: bool = False,
              timeout: float = RUN_TIMEOUT) -> Run:
    """Run `argv` to completion through `_LAUNCHER`: the wall time, CPU and max RSS of its tree.

    Past `timeout` seconds the whole process group is killed and the run is marked `timed_out`.
    """
    killed = threading.Event()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r", suffix=".usage") as report:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER, report.name, *argv], cwd=cwd, env=env,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True)
        timer = threading.Timer(timeout, _kill_group, (process.pid, killed))
        timer.start()
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall, cpu, rss_kb = time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss
        process.returncode = os.waitstatus_to_exitcode(status)
        measured = report.read().split()
        if len(measured) == 4:  # the tool's own figures (absent when the run was killed)
            wall, cpu, rss_kb, process.returncode = float(measured[0]), float(measured[1]), int(measured[2]), \
                int(measured[3])
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace") if keep_output else ""
        stderr = err.read().decode("utf-8", "replace")
    if not measured and not killed.is_set():
        raise OSError(f"cannot run {argv[0]}: {stderr.strip().splitlines()[-1] if stderr.strip() else 'no report'}")
    return Run(wall, cpu, rss_kb / 1024, process.returncode, stdout, stderr, killed.is_set())


# A child's ru_maxrss starts at its parent's peak: Linux records the peak of the address space a
# process leaves at exec, and a forked (or vforked) child leaves a copy of its parent's. Started
# from this script, which grows as it reads the tools' output, every tool would show the script's
# peak. So each run goes through this small launcher (`python -S`, a few MB), which starts the
# tool and writes the tool's own wall time, CPU seconds, peak RSS (KiB) and exit status.
_LAUNCHER = """
import os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(report, "w") as out:
    out.write(f"{wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def _kill_group(pid: int, killed: threading.Event) -> None:
    killed.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass


# --------------------------------------------------------------------------------------------
# tools


def venv_script(name: str) -> str | None:
    """The console script installed beside this interpreter (never a pyenv shim)."""
    return shutil.which(name, path=str(Path(sys.executable).parent))


def find_tool(name: str) -> tuple[list[str] | None, str]:
    """(argv prefix, note) for a peer: beside this interpreter first, then on PATH."""
    script = venv_script(name)
    if script:
        return [script], ""
    on_path = shutil.which(name)
    if on_path and "/shims/" not in on_path:
        return [on_path], f"{name} from PATH ({on_path})"
    return None, ""


def pdlint_command() -> tuple[list[str], str]:
    script = venv_script("pdlint")
    if script:
        return [script], script
    return [sys.executable, "-m", "pdlint"], f"{sys.executable} -m pdlint (no pdlint script beside the interpreter)"


def version_of(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


# --------------------------------------------------------------------------------------------
# measurements


@dataclass
class Measurement:
    key: str
    tool: str
    label: str
    processes: str
    argv: list[str]
    files: int
    cwd: Callable[[int], Path]
    max_runs: int
    ok_codes: tuple[int, ...] = (0,)
    count_findings: Callable[[str], int | str] | None = None
    setup: Callable[[], None] | None = None
    timeout: float = RUN_TIMEOUT
    runs: list[Run] = field(default_factory=list)
    timed_out: bool = False
    error: str | None = None
    findings: int | str | None = None

    @property
    def done(self) -> bool:
        return self.error is None and bool(self.runs)

    def median(self, attribute: str = "wall") -> float:
        return statistics.median(getattr(run, attribute) for run in self.runs)

    @property
    def rss(self) -> float:
        return max(run.rss_mb for run in self.runs)


def run_rounds(measurements: list[Measurement], repeat: int, budget: float, progress: Callable[[str], None],
               load: "LoadWatch") -> None:
    """Round-robin: each round runs every measurement once, so load drifts hit them alike.

    A measurement stops after `max_runs` runs, or once its runs add up to more than `budget`
    seconds (it always gets one run), or at its first failure.
    """
    for measurement in measurements:
        if measurement.setup is not None:
            try:
                measurement.setup()
            except Exception as error:  # a setup failure is reported, not raised
                measurement.error = f"setup failed: {error}"
    for round_number in range(repeat):
        for measurement in measurements:
            if measurement.error or round_number >= measurement.max_runs:
                continue
            if measurement.runs and sum(run.wall for run in measurement.runs) > budget:
                continue
            run = timed_run(measurement.argv, measurement.cwd(round_number), env=BENCH_ENV,
                            keep_output=measurement.count_findings is not None, timeout=measurement.timeout)
            load.sample()
            if run.timed_out:
                measurement.timed_out = True
                measurement.error = f"killed after {measurement.timeout:.0f} s (--slow-timeout)"
                progress(f"  {measurement.label}: {measurement.error}")
                continue
            if run.returncode not in measurement.ok_codes:
                tail = " ".join(run.stderr.strip().splitlines()[-3:])[:300]
                measurement.error = f"exit status {run.returncode}: {tail or 'no output on stderr'}"
                progress(f"  {measurement.label}: FAILED ({measurement.error})")
                continue
            measurement.runs.append(run)
            if measurement.count_findings is not None:
                measurement.findings = measurement.count_findings(run.stdout)
                # a child starts with this process's size on record (fork): keep this process small
                run.stdout = ""
            progress(f"  {measurement.label}: {run.wall:.2f} s (cpu {run.cpu:.2f} s, rss {run.rss_mb:.0f} MB)")


BENCH_ENV = {**os.environ, "NO_COLOR": "1", "PYTHONWARNINGS": "ignore"}
BENCH_ENV.pop("PYTHONDEVMODE", None)
BENCH_ENV.pop("PYTHONPROFILEIMPORTTIME", None)


def _lines_matching(pattern: str) -> Callable[[str], int]:
    regex = re.compile(pattern, re.M)
    return lambda text: len(regex.findall(text))


def _csv_rows(text: str) -> int:
    return max(0, len(list(csv.reader(io.StringIO(text)))) - 1)


def _floor_summary(text: str) -> str:
    match = re.search(r"(\d+) (nodes|statements)", text)
    return f"{int(match.group(1)):,} {match.group(2)}" if match else "?"


@dataclass
class Corpus:
    name: str
    title: str
    path: Path
    python_files: int
    markdown_files: int
    lines: int
    note: str = ""

    @property
    def files(self) -> int:
        return self.python_files + self.markdown_files


@dataclass
class Tools:
    pdlint: list[str]
    pdlint_note: str
    peers: dict[str, list[str]]
    notes: list[str]
    absent: dict[str, str] = field(default_factory=dict)  # peer -> "not installed" or "skipped"


def corpus_measurements(corpus_: Corpus, tools: Tools, jobs: int, repeat: int, slow_repeat: int,
                        work: Path, slow_timeout: float = RUN_TIMEOUT) -> list[Measurement]:
    target = str(corpus_.path)
    pdlint = tools.pdlint + ["--isolated", "--exit-zero", "--no-color"]
    pd_findings = _lines_matching(r":\d+:\d+: PD\d{3} ")
    fixed_cwd = work / f"cwd-{corpus_.name}"
    fixed_cwd.mkdir(parents=True, exist_ok=True)
    n = str(jobs)

    def fresh(kind: str) -> Callable[[int], Path]:
        def directory(run_number: int) -> Path:
            path = work / f"cache-{corpus_.name}-{kind}-{run_number}"
            path.mkdir(parents=True, exist_ok=True)
            return path

        return directory

    warm_dir = work / f"cache-{corpus_.name}-warm"

    def fill_warm_cache() -> None:
        warm_dir.mkdir(parents=True, exist_ok=True)
        run = timed_run(pdlint + ["--jobs", n, target], warm_dir, env=BENCH_ENV)
        if run.returncode != 0 or not (warm_dir / ".pdlint_cache").is_dir():
            raise RuntimeError(f"the cache-filling run exited {run.returncode} and left no .pdlint_cache/")

    same = lambda _run: fixed_cwd  # noqa: E731
    floor = [sys.executable, str(HERE / "floor.py")]
    result = [
        Measurement("pdlint-1", "pdlint", "pdlint --no-cache --jobs 1", "1", pdlint + ["--no-cache", "--jobs", "1", target],
                    corpus_.files, same, repeat, count_findings=pd_findings),
        Measurement("pdlint-n", "pdlint", f"pdlint --no-cache --jobs {jobs}", n, pdlint + ["--no-cache", "--jobs", n, target],
                    corpus_.files, same, repeat, count_findings=pd_findings),
        Measurement("pdlint-fill", "pdlint", f"pdlint --jobs {jobs}, empty cache (fills it)", n,
                    pdlint + ["--jobs", n, target], corpus_.files, fresh("fill"), repeat, count_findings=pd_findings),
        Measurement("pdlint-warm", "pdlint", f"pdlint --jobs {jobs}, warm cache", n, pdlint + ["--jobs", n, target],
                    corpus_.files, lambda _run: warm_dir, repeat, count_findings=pd_findings, setup=fill_warm_cache),
        Measurement("floor-1", "libcst floor", "floor.py --jobs 1", "1", floor + ["--jobs", "1", target],
                    corpus_.files, same, repeat, count_findings=_floor_summary),
        Measurement("floor-n", "libcst floor", f"floor.py --jobs {jobs}", n, floor + ["--jobs", n, target],
                    corpus_.files, same, repeat, count_findings=_floor_summary),
    ]
    if corpus_.name == "steps":
        result += fix_measurements(corpus_, pdlint, n, work, repeat, fresh)
    peers = tools.peers
    if "bandit" in peers:
        result.append(Measurement(
            "bandit", "bandit", "bandit -t B113,B105,B501 -r", "1",
            peers["bandit"] + ["-q", "-t", "B113,B105,B501", "-f", "csv", "-r", target],
            corpus_.python_files, same, repeat, ok_codes=(0, 1), count_findings=_csv_rows))
    if "ruff" in peers:
        result.append(Measurement(
            "ruff", "ruff", "ruff check --no-cache --select S113,S501,S105,SIM115", f"{jobs} threads",
            peers["ruff"] + ["check", "--isolated", "--no-cache", "--select", "S113,S501,S105,SIM115", "--exit-zero",
                             "--output-format", "concise", target],
            corpus_.python_files, same, repeat, count_findings=_lines_matching(r":\d+:\d+: [A-Z]+\d+ ")))
    if "fixit" in peers:
        result.append(Measurement(
            "fixit", "fixit", "fixit lint (default rules)", n, peers["fixit"] + ["lint", target],
            corpus_.python_files, same, min(repeat, slow_repeat), ok_codes=(0, 1),
            count_findings=_lines_matching(r"@\d+:\d+ "), timeout=slow_timeout))
    if "semgrep" in peers:
        rules = work / "semgrep-rules.yml"
        rules.write_text(SEMGREP_RULES, encoding="utf-8")
        result.append(Measurement(
            "semgrep", "semgrep", "semgrep scan (3 local rules)", n,
            peers["semgrep"] + ["scan", "--config", str(rules), "--metrics=off", "--disable-version-check",
                                "--quiet", "--jobs", n, target],
            corpus_.python_files, same, min(repeat, slow_repeat), ok_codes=(0, 1), timeout=slow_timeout))
    return result


def fix_measurements(corpus_: Corpus, pdlint: list[str], n: str, work: Path, repeat: int,
                     fresh: Callable[[str], Callable[[int], Path]]) -> list[Measurement]:
    """Issue 14: every output format, --diff and --fix --unsafe-fixes, and what a libcst parse of
    the same files costs."""
    target = str(corpus_.path)
    fixed_cwd = work / f"cwd-{corpus_.name}"
    same = lambda _run: fixed_cwd  # noqa: E731
    count = _lines_matching(r"PD\d{3}")
    rows = [
        Measurement(f"format-{name}", "pdlint", f"pdlint --no-cache --jobs {n} --format {name}", n,
                    pdlint + ["--no-cache", "--jobs", n, "--format", name, target], corpus_.files, same, repeat,
                    count_findings=count)
        for name in (*PLAIN_FORMATS, *EDIT_FORMATS)
    ]
    rows.append(Measurement(
        "diff", "pdlint", f"pdlint --no-cache --jobs {n} --diff --unsafe-fixes", n,
        pdlint + ["--no-cache", "--jobs", n, "--diff", "--unsafe-fixes", target], corpus_.files, same, repeat,
        ok_codes=(0, 1), count_findings=_lines_matching(r"^\+\+\+ ")))

    def fresh_copy(run_number: int) -> Path:
        directory = fresh("fix")(run_number)
        copy = directory / "corpus"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(corpus_.path, copy)
        return directory

    rows.append(Measurement(
        "fix", "pdlint", f"pdlint --no-cache --jobs {n} --fix --unsafe-fixes (a fresh copy each run)", n,
        pdlint + ["--no-cache", "--jobs", n, "--fix", "--unsafe-fixes", "corpus"], corpus_.files, fresh_copy, repeat,
        count_findings=_fixed_count))
    rows.append(Measurement(
        "parse-n", "libcst parse", f"floor.py --parse-only --jobs {n}", n,
        [sys.executable, str(HERE / "floor.py"), "--parse-only", "--jobs", n, target], corpus_.files, same, repeat,
        count_findings=_floor_summary))
    return rows


def _fixed_count(text: str) -> str:
    match = re.search(r"Fixed (\d+) finding", text)
    return f"{int(match.group(1)):,} fixed" if match else "?"


# --------------------------------------------------------------------------------------------
# load


class LoadWatch:
    def __init__(self) -> None:
        self.start = os.getloadavg()
        self.samples = [self.start[0]]

    def sample(self) -> None:
        self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        end = os.getloadavg()
        return (f"1-minute load average {self.start[0]:.1f} at the start, {end[0]:.1f} at the end, "
                f"{min(self.samples):.1f}–{max(self.samples):.1f} between runs "
                f"(median {statistics.median(self.samples):.1f}) on {os.cpu_count()} cores")


# --------------------------------------------------------------------------------------------
# one file, plugin overhead


def one_file_measurements(tools: Tools, step_file: Path, runs: int, work: Path) -> list[Measurement]:
    cwd = step_file.parent
    same = lambda _run: cwd  # noqa: E731
    pdlint = tools.pdlint
    return [
        Measurement("one-file", "pdlint", f"pdlint --no-cache {step_file.name}", "1",
                    pdlint + ["--no-cache", "--exit-zero", step_file.name], 1, same, runs),
        Measurement("one-file-cached", "pdlint", f"pdlint {step_file.name} (warm cache)", "1",
                    pdlint + ["--exit-zero", step_file.name], 1, same, runs),
        Measurement("python-start", "python", "python -c pass", "1", [sys.executable, "-c", "pass"], 1, same, runs),
        Measurement("import-libcst", "python", "python -c 'import libcst'", "1",
                    [sys.executable, "-c", "import libcst"], 1, same, runs),
        Measurement("pdlint-version", "pdlint", "pdlint --version", "1", pdlint + ["--version"], 1, same, runs),
    ]


PYTEST_FLAGS = ["-q", "-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:benchmark"]


def plugin_measurements(roots: dict[str, Path], tests: int, repeat: int, work: Path) -> list[Measurement]:
    def pytest(name: str, root: Path, bare: bool) -> list[str]:
        argv = [sys.executable, "-m", "pytest", *PYTEST_FLAGS, f"--basetemp={work / ('basetemp-' + name)}"]
        return argv + (["-p", "no:pdhttp"] if bare else []) + [str(root)]

    def at(root: Path) -> Callable[[int], Path]:
        return lambda _run: root

    def count(text: str) -> str:
        match = re.search(r"(\d+) passed", text)
        return f"{match.group(1)} passed" if match else "?"

    return [
        Measurement("plugin-pd", "pytest", f"{tests} tests with pd, pd_tmp, pd_http", "1",
                    pytest("pd", roots["pd"], False), tests, at(roots["pd"]), repeat, count_findings=count),
        Measurement("plugin-bare", "pytest", f"{tests} tests with responses, tmp_path, monkeypatch (-p no:pdhttp)",
                    "1", pytest("bare", roots["bare"], True), tests, at(roots["bare"]), repeat, count_findings=count),
        Measurement("plugin-empty-pd", "pytest", "1 empty test, plugin loaded", "1",
                    pytest("empty-pd", roots["empty"], False), 1, at(roots["empty"]), repeat, count_findings=count),
        Measurement("plugin-empty-bare", "pytest", "1 empty test, -p no:pdhttp", "1",
                    pytest("empty-bare", roots["empty"], True), 1, at(roots["empty"]), repeat, count_findings=count),
    ]


# --------------------------------------------------------------------------------------------
# the report


def machine_lines(tools: Tools) -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = []
    for label, dist in (("pdlint (pytest-pdhttp)", "pytest-pdhttp"), ("libcst", "libcst"), ("bandit", "bandit"),
                        ("ruff", "ruff"), ("fixit", "fixit"), ("semgrep", "semgrep"), ("detect-secrets", "detect-secrets"),
                        ("pytest", "pytest"), ("requests", "requests"), ("responses", "responses")):
        version = version_of(dist)
        versions.append(f"{label} {version}" if version else f"{label} not installed")
    commit = _git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = _git("status", "--porcelain", "--", "lint", "pytest_pdhttp")
    return [
        "| | |", "|---|---|",
        f"| CPU | {cpu} |",
        f"| cores | {os.cpu_count()} ({usable} usable by this process) |",
        f"| RAM | {ram} |",
        f"| OS | {platform.system()} {platform.release()} |",
        f"| Python | {platform.python_implementation()} {platform.python_version()} ({sys.executable}) |",
        f"| pdlint script | {tools.pdlint_note} |",
        f"| commit | {commit}{' (lint/ or pytest_pdhttp/ modified in the working tree)' if dirty else ''} |",
        f"| packages | {', '.join(versions)} |",
    ]


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _mark(value: float | None, limit: float, below: bool = True) -> str:
    if value is None:
        return "—"
    return "✅" if (value <= limit if below else value >= limit) else "❌"


def _ratio(a: Measurement | None, b: Measurement | None, attribute: str = "wall") -> float | None:
    if a is None or b is None or not a.done or not b.done:
        return None
    denominator = b.median(attribute)
    return a.median(attribute) / denominator if denominator else None


def _fmt_ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def corpus_table(corpus_: Corpus, measurements: list[Measurement]) -> list[str]:
    by_key = {m.key: m for m in measurements}
    lines = [
        f"### {corpus_.title}", "",
        f"{corpus_.python_files:,} Python files" + (f" + {corpus_.markdown_files} Markdown docs" if corpus_.markdown_files else "")
        + f", {corpus_.lines:,} lines. {corpus_.note}".rstrip(), "",
        "| tool | command | processes | runs | median s | min–max s | CPU s (median) | files | files/s | peak RSS MB | findings | pdlint ÷ this (same processes) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for m in measurements:
        if not m.done:
            lines.append(f"| {m.tool} | `{m.label}` | {m.processes} | 0 | — | — | — | {m.files:,} | — | — | — | "
                         f"{m.error or 'not run'} |")
            continue
        walls = [run.wall for run in m.runs]
        median = m.median()
        reference = by_key.get("pdlint-1" if m.processes == "1" else "pdlint-n")
        versus = "" if m.tool == "pdlint" else _fmt_ratio(_ratio(reference, m))
        lines.append(
            f"| {m.tool} | `{m.label}` | {m.processes} | {len(m.runs)} | {median:.2f} | {min(walls):.2f}–{max(walls):.2f} | "
            f"{m.median('cpu'):.2f} | {m.files:,} | {m.files / median:,.0f} | {m.rss:.0f} | "
            f"{'' if m.findings is None else (f'{m.findings:,}' if isinstance(m.findings, int) else m.findings)} | {versus} |")
    return lines + [""]


@dataclass
class Target:
    what: str
    corpus: str
    value: float | None
    cpu_value: float | None
    target: str
    mark: str
    unit: str = "×"
    bound: bool = False  # the value is an upper bound (the other tool was killed before it finished)

    def row(self) -> str:
        def show(v: float | None) -> str:
            if v is None:
                return "—"
            return f"{v:.3f}{self.unit}" if self.unit == "×" else f"{v:.3f} {self.unit}" if self.unit == "s" else f"{v:.0f} {self.unit}"

        value = ("< " if self.bound and self.value is not None else "") + show(self.value)
        return f"| {self.what} | {self.corpus} | {value} | {show(self.cpu_value)} | {self.target} | {self.mark} |"


def corpus_targets(corpus_: Corpus, measurements: list[Measurement], jobs: int, absent: dict[str, str]) -> list[Target]:
    m = {x.key: x for x in measurements}
    get = m.get
    targets = []
    for key, floor, processes in (("pdlint-1", "floor-1", "1 process"), ("pdlint-n", "floor-n", f"{jobs} processes")):
        value = _ratio(get(key), get(floor))
        targets.append(Target(f"pdlint cold ÷ libcst floor, {processes}", corpus_.name, value,
                              _ratio(get(key), get(floor), "cpu"), f"≤ {FLOOR_RATIO}×", _mark(value, FLOOR_RATIO)))
    fixit, pdlint_n = get("fixit"), get("pdlint-n")
    if fixit and fixit.timed_out and pdlint_n and pdlint_n.done:
        # fixit was killed: its time is at least the timeout, so pdlint ÷ fixit is at most this
        value = pdlint_n.median() / fixit.timeout
        targets.append(Target(f"pdlint ÷ fixit, {jobs} processes each", corpus_.name, value, None,
                              f"≤ {FIXIT_RATIO}× (10× faster)",
                              "✅" if value <= FIXIT_RATIO else f"— (fixit killed after {fixit.timeout:.0f} s)",
                              bound=True))
    elif fixit:
        value = _ratio(pdlint_n, fixit)
        targets.append(Target(f"pdlint ÷ fixit, {jobs} processes each", corpus_.name, value,
                              _ratio(pdlint_n, fixit, "cpu"), f"≤ {FIXIT_RATIO}× (10× faster)",
                              _mark(value, FIXIT_RATIO) if fixit.done else "— (fixit failed)"))
    else:
        targets.append(Target("pdlint ÷ fixit", corpus_.name, None, None, f"≤ {FIXIT_RATIO}×", f"— (fixit {absent.get('fixit', 'not run')})"))
    if corpus_.name == "steps":
        if get("bandit"):
            value = _ratio(get("pdlint-1"), get("bandit"))
            targets.append(Target("pdlint ÷ bandit, 1 process each", corpus_.name, value,
                                  _ratio(get("pdlint-1"), get("bandit"), "cpu"), f"≤ {BANDIT_RATIO}×",
                                  _mark(value, BANDIT_RATIO) if get("bandit").done else "— (bandit failed)"))
        else:
            targets.append(Target("pdlint ÷ bandit", corpus_.name, None, None, f"≤ {BANDIT_RATIO}×", f"— (bandit {absent.get('bandit', 'not run')})"))
    value = _ratio(get("pdlint-warm"), get("pdlint-n"))
    targets.append(Target(f"pdlint warm ÷ cold (--no-cache), {jobs} processes", corpus_.name, value,
                          _ratio(get("pdlint-warm"), get("pdlint-n"), "cpu"), f"≤ {WARM_RATIO}×", _mark(value, WARM_RATIO)))
    if corpus_.name == "packages":
        rss = [x.rss for x in (get("pdlint-1"), get("pdlint-n"), get("pdlint-fill")) if x and x.done]
        value = max(rss) if rss else None
        targets.append(Target("pdlint peak RSS of the largest process (cold runs)", corpus_.name, value, None,
                              f"< {WORKER_RSS_MB:.0f} MB per worker", "—" if value is None else
                              ("✅" if value < WORKER_RSS_MB else "❌"), unit="MB"))
    return targets


def _ratio_to_sum(a: Measurement | None, b: Measurement | None, c: Measurement | None,
                  attribute: str = "wall") -> float | None:
    if not (a and b and c and a.done and b.done and c.done):
        return None
    return a.median(attribute) / (b.median(attribute) + c.median(attribute))


def fix_targets(corpus_: Corpus, measurements: list[Measurement], jobs: int, absent: dict[str, str]) -> list[Target]:
    """Issue 14's targets: formats without edits near text, edits and fixes near text + a libcst
    parse, text ahead of bandit."""
    if corpus_.name != "steps":
        return []
    get = {x.key: x for x in measurements}.get
    text = get("pdlint-n")
    targets = []
    for name in PLAIN_FORMATS:
        value = _ratio(get(f"format-{name}"), text)
        targets.append(Target(f"`--format {name}` ÷ text, {jobs} processes", corpus_.name, value,
                              _ratio(get(f"format-{name}"), text, "cpu"), f"≤ {FORMAT_RATIO}×",
                              _mark(value, FORMAT_RATIO)))
    for key, what in [*((f"format-{n}", f"`--format {n}` (with edits)") for n in EDIT_FORMATS),
                      ("diff", "`--diff --unsafe-fixes`"), ("fix", "`--fix --unsafe-fixes`")]:
        value = _ratio_to_sum(get(key), text, get("parse-n"))
        targets.append(Target(f"{what} ÷ (text + libcst parse-only), {jobs} processes", corpus_.name, value,
                              _ratio_to_sum(get(key), text, get("parse-n"), "cpu"), f"≤ {EDITS_RATIO}×",
                              _mark(value, EDITS_RATIO)))
    bandit = get("bandit")
    value = _ratio(get("pdlint-1"), bandit)
    targets.append(Target("text ÷ bandit, 1 process each", corpus_.name, value, _ratio(get("pdlint-1"), bandit, "cpu"),
                          f"≤ {BANDIT_LEAD}×", _mark(value, BANDIT_LEAD) if bandit and bandit.done
                          else f"— (bandit {absent.get('bandit', 'failed')})"))
    return targets


def measurement_table(title: str, measurements: list[Measurement], per: str = "") -> list[str]:
    lines = [f"| {title} | runs | median s | min–max s | CPU s (median) | peak RSS MB | result |", "|---|---|---|---|---|---|---|"]
    for m in measurements:
        if not m.done:
            lines.append(f"| `{m.label}` | 0 | — | — | — | — | {m.error or 'not run'} |")
            continue
        walls = [run.wall for run in m.runs]
        lines.append(f"| `{m.label}` | {len(m.runs)} | {m.median():.3f} | {min(walls):.3f}–{max(walls):.3f} | "
                     f"{m.median('cpu'):.3f} | {m.rss:.0f} | {m.findings if m.findings is not None else ''} |")
    return lines + [""]


# --------------------------------------------------------------------------------------------
# main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py",
        description="Time pdlint against the libcst floor and its peers, and pytest_pdhttp against bare tests; "
                    "write a Markdown report.")
    parser.add_argument("--quick", action="store_true",
                        help="tiny corpora (20 step files, 20 package files, 20 plugin tests), one run each: "
                             "checks the script works; the figures mean little")
    parser.add_argument("--repeat", type=int, default=None, metavar="N",
                        help="runs per measurement; the median is reported (default 5, 1 with --quick)")
    parser.add_argument("--slow-repeat", type=int, default=None, metavar="N",
                        help="at most this many runs for the slow peers, fixit and semgrep (default 2)")
    parser.add_argument("--slow-timeout", type=float, default=900.0, metavar="SECONDS",
                        help="kill a fixit or semgrep run after this long (default 900); the report then gives "
                             "pdlint ÷ that tool as an upper bound")
    parser.add_argument("--budget", type=float, default=90.0, metavar="SECONDS",
                        help="stop repeating a measurement once its runs add up to this (default 90; "
                             "every measurement gets at least one run)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="process count for the parallel runs (default: CPU count)")
    parser.add_argument("--out", type=Path, default=HERE / "results.md", metavar="FILE",
                        help="where to write the Markdown report (default benchmarks/results.md)")
    parser.add_argument("--files", type=int, default=None, metavar="N",
                        help="generated step files (default 1000, 20 with --quick)")
    parser.add_argument("--package-files", type=int, default=None, metavar="N",
                        help="take only N of the installed packages' .py files (default all, 20 with --quick)")
    parser.add_argument("--plugin-tests", type=int, default=None, metavar="N",
                        help="generated plugin tests per suite (default 500, 20 with --quick)")
    parser.add_argument("--one-file-runs", type=int, default=None, metavar="N",
                        help="runs of pdlint on one file (default 15, 3 with --quick)")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED, help="seed of the generated corpus")
    parser.add_argument("--skip", default="", metavar="PARTS",
                        help=f"comma-separated parts to leave out: {', '.join(SKIPPABLE)}")
    parser.add_argument("--no-snapshot", action="store_true",
                        help="run the installed lint/ and pytest_pdhttp/ directly instead of a copy taken at the "
                             "start (the copy keeps one version if the tree is edited during the run)")
    parser.add_argument("--corpus-dir", type=Path, default=None, metavar="DIR",
                        help="build corpora here (e.g. benchmarks/.corpus, git-ignored) and keep them; "
                             "default: a temporary directory removed afterwards")
    args = parser.parse_args(argv)
    quick = args.quick
    args.repeat = args.repeat or (1 if quick else 5)
    args.slow_repeat = args.slow_repeat or (1 if quick else 2)
    args.files = args.files if args.files is not None else (20 if quick else 1000)
    args.package_files = args.package_files if args.package_files is not None else (20 if quick else None)
    args.plugin_tests = args.plugin_tests if args.plugin_tests is not None else (20 if quick else 500)
    args.one_file_runs = args.one_file_runs or (3 if quick else 15)
    args.skip = {part.strip() for part in args.skip.split(",") if part.strip()}
    unknown = args.skip - set(SKIPPABLE)
    if unknown:
        parser.error(f"--skip: unknown part(s) {', '.join(sorted(unknown))}; choose from {', '.join(SKIPPABLE)}")
    if min(args.repeat, args.slow_repeat, args.jobs, args.one_file_runs) < 1 or args.files < 1 or args.plugin_tests < 1:
        parser.error("counts must be at least 1")
    return args


def prepare_workdir(requested: Path | None) -> tuple[Path, bool]:
    if requested is None:
        return Path(tempfile.mkdtemp(prefix="pdlint-bench-")), True
    requested = requested.resolve()
    if requested.exists() and any(requested.iterdir()):
        if not (requested / MARKER).exists():
            raise SystemExit(f"--corpus-dir {requested} is not empty and was not made by this script; "
                             "choose another directory")
        shutil.rmtree(requested)
    requested.mkdir(parents=True, exist_ok=True)
    (requested / MARKER).write_text("made by benchmarks/run.py; rebuilt on every run\n", encoding="utf-8")
    return requested, False


# import name -> folder in the repository
SOURCE_PACKAGES = {"pdlint": "lint", "pytest_pdhttp": "pytest_pdhttp"}


def source_digest(root: Path) -> str:
    """A digest of the project's own packages (their .py files and data), to notice edits mid-run."""
    import hashlib

    digest = hashlib.blake2b(digest_size=12)
    for folder in SOURCE_PACKAGES.values():
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def snapshot_source(work: Path) -> Path:
    """Copy lint/ and pytest_pdhttp/ as they are now; every subprocess imports this copy first.

    Others may edit the working tree while a long run goes on (and pdlint's cache key includes a
    signature of its own source): the snapshot keeps one version of the code for the whole run.
    The copy is byte-compiled, as pip does when it installs a package and as Python does on first
    import: without it, an environment with PYTHONDONTWRITEBYTECODE set would recompile pdlint's
    sources on every run (about 0.1 s of the one-file time) while the peers load bytecode.
    """
    target = work / "source"
    for package, folder in SOURCE_PACKAGES.items():
        shutil.copytree(ROOT / folder, target / package, ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(target, quiet=1)
    BENCH_ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target), os.environ.get("PYTHONPATH")]))
    return target


def count_lines(paths: list[Path]) -> int:
    return sum(path.read_bytes().count(b"\n") for path in paths)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.invocation = list(sys.argv[1:] if argv is None else argv)
    started = time.time()

    def progress(message: str) -> None:
        print(f"[{time.time() - started:6.0f}s] {message}", file=sys.stderr, flush=True)

    load = LoadWatch()
    work, temporary = prepare_workdir(args.corpus_dir)
    try:
        return _run(args, work, load, progress)
    finally:
        if temporary:
            shutil.rmtree(work, ignore_errors=True)


def _run(args: argparse.Namespace, work: Path, load: LoadWatch, progress: Callable[[str], None]) -> int:
    args.source_start = source_digest(ROOT)
    args.snapshot = None if args.no_snapshot else snapshot_source(work)
    pdlint, pdlint_note = pdlint_command()
    peers: dict[str, list[str]] = {}
    notes: list[str] = []
    absent: dict[str, str] = {}
    for name in ("bandit", "ruff", "fixit", "semgrep"):
        if name in args.skip or "peers" in args.skip:
            absent[name] = "skipped by --skip"
            continue
        found, note = find_tool(name)
        if found:
            peers[name] = found
            if note:
                notes.append(note)
        else:
            absent[name] = "not installed"
    tools = Tools(pdlint, pdlint_note, peers, notes, absent)

    corpora: list[Corpus] = []
    if "steps" not in args.skip:
        progress(f"building the step corpus ({args.files} files, seed {args.seed})")
        written = corpus.generate_steps(work / "corpus-steps", args.files, args.seed, docs=2 if args.quick else 5)
        python = [p for p in written if p.suffix == ".py"]
        corpora.append(Corpus("steps", "Generated steps", work / "corpus-steps", len(python), len(written) - len(python),
                              count_lines(written), f"Seed {args.seed}."))
    if "packages" not in args.skip:
        progress("copying the installed packages' .py files")
        copies, found = corpus.copy_packages(work / "corpus-packages", args.package_files)
        if copies:
            corpora.append(Corpus("packages", "Installed packages", work / "corpus-packages", len(copies), 0,
                                  count_lines(copies), "From: " + ", ".join(found)
                                  + (f" ({len(copies)} files picked evenly)" if args.package_files else "") + "."))

    if not args.quick:  # importing each tool once first, so no timed run pays for writing its .pyc files
        for argv in [pdlint + ["--version"], *(peer + ["--version"] for peer in peers.values())]:
            timed_run(argv, work)

    results: dict[str, list[Measurement]] = {}
    for corpus_ in corpora:
        progress(f"corpus {corpus_.name}: {corpus_.files} files")
        measurements = corpus_measurements(corpus_, tools, args.jobs, args.repeat, args.slow_repeat, work,
                                           args.slow_timeout)
        run_rounds(measurements, args.repeat, args.budget, progress, load)
        results[corpus_.name] = measurements

    one_file: list[Measurement] = []
    if "one-file" not in args.skip:
        step_dir = work / "one-file"
        step_dir.mkdir(exist_ok=True)
        step_file = step_dir / "step.py"
        step_file.write_text(corpus.step_source(7, __import__("random").Random(args.seed)), encoding="utf-8")
        progress(f"one file: {args.one_file_runs} runs each")
        one_file = one_file_measurements(tools, step_file, args.one_file_runs, work)
        for m in one_file:  # one untimed run each (and the cache filled for the cached case)
            if not args.quick or m.key == "one-file-cached":
                timed_run(m.argv, m.cwd(0), env=BENCH_ENV)
        run_rounds(one_file, args.one_file_runs, args.budget, progress, load)

    plugin: list[Measurement] = []
    if "plugin" not in args.skip:
        progress(f"plugin: {args.plugin_tests} tests per suite")
        roots = plugin_suite.write_suites(work / "plugin", args.plugin_tests)
        plugin = plugin_measurements(roots, args.plugin_tests, args.repeat, work)
        if not args.quick:  # pytest writes its assertion-rewrite .pyc files when it first collects
            for m in plugin:
                timed_run(m.argv + ["--collect-only"], m.cwd(0), env=BENCH_ENV)
        run_rounds(plugin, args.repeat, args.budget, progress, load)

    secrets: list[str] = []
    if "secrets" not in args.skip:
        def run_with_bench_env(argv: list[str], cwd: Path) -> tuple[int, str, str]:
            done = timed_run(argv, cwd, env=BENCH_ENV, keep_output=True)
            return done.returncode, done.stdout, done.stderr

        secrets = secrets_peers.compare(pdlint, peers.get("bandit"), find_tool("detect-secrets")[0], work,
                                        run=run_with_bench_env, progress=progress)
        secrets.insert(2, "The corpus was written alongside PD104 (labels from its spec, see the corpus README), so "
                          "pdlint's figures there are not an independent estimate; the peers run with their "
                          "stock settings.")
        secrets.insert(3, "")

    args.source_end = source_digest(ROOT)
    report = build_report(args, tools, corpora, results, one_file, plugin, secrets, load)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    progress(f"wrote {args.out}")
    return 0


def build_report(args, tools: Tools, corpora: list[Corpus], results: dict[str, list[Measurement]],
                 one_file: list[Measurement], plugin: list[Measurement], secrets: list[str], load: LoadWatch) -> str:
    command = "python benchmarks/run.py" + ("" if not args.invocation else " " + shlex.join(args.invocation))
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results", "",
        f"Produced by `{command}` on {when}" + (" — a **--quick** run: tiny corpora, one run each, "
                                                "the figures mean little." if args.quick else "."),
        "How to run it and what each number means: [docs/benchmarks.md](../docs/benchmarks.md).", "",
        f"**Load:** {load.summary()}. Wall-clock times are inflated and noisy when other work shares the cores; "
        "CPU seconds (user + system of the whole process tree) are much less affected, so the targets "
        "table shows both.", "",
        "## Machine", "", *machine_lines(tools), "",
    ]
    changed = args.source_start != args.source_end
    if args.snapshot is not None:
        lines += ["**pdlint's source:** a copy of `lint/` and `pytest_pdhttp/` taken from the working tree at the "
                  "start (digest " + args.source_start + "), first on `PYTHONPATH` for every run"
                  + ("; the working tree changed during the run, the copy did not." if changed else
                     "; the working tree did not change during the run."), ""]
    elif changed:
        lines += ["**Warning:** `lint/` or `pytest_pdhttp/` changed during the run (`--no-snapshot`): "
                  "the measurements may mix versions of pdlint.", ""]
    if tools.absent or tools.notes:
        lines += ["Peers: " + "; ".join([*(f"{name} {why}" for name, why in tools.absent.items()), *tools.notes])
                  + ".", ""]

    targets: list[Target] = []
    edit_targets: list[Target] = []
    for corpus_ in corpora:
        targets += corpus_targets(corpus_, results[corpus_.name], args.jobs, tools.absent)
        edit_targets += fix_targets(corpus_, results[corpus_.name], args.jobs, tools.absent)
    by_key = {m.key: m for m in one_file}
    if one_file:
        m = by_key["one-file"]
        value = m.median() if m.done else None
        targets.append(Target("pdlint on one file, interpreter start included (median)", "1 step file", value,
                              m.median("cpu") if m.done else None, f"≤ {ONE_FILE_SECONDS} s",
                              _mark(value, ONE_FILE_SECONDS), unit="s"))
    plugin_rows: list[str] = []
    if plugin:
        p = {m.key: m for m in plugin}
        tests = args.plugin_tests
        per_test = marginal = cpu_marginal = None
        if all(m.done for m in plugin):
            per_test = p["plugin-pd"].median() / p["plugin-bare"].median()

            def marginal_of(attribute: str) -> float | None:
                pd_extra = p["plugin-pd"].median(attribute) - p["plugin-empty-pd"].median(attribute)
                bare_extra = p["plugin-bare"].median(attribute) - p["plugin-empty-bare"].median(attribute)
                # with a handful of tests the noise can exceed the signal: no ratio then
                return pd_extra / bare_extra if pd_extra > 0 and bare_extra > 0 else None

            marginal, cpu_marginal = marginal_of("wall"), marginal_of("cpu")
            plugin_rows = [
                f"- whole run, per test: {p['plugin-pd'].median() / tests * 1000:.2f} ms with the plugin, "
                f"{p['plugin-bare'].median() / tests * 1000:.2f} ms bare: **{per_test:.2f}×**",
                f"- per test after pytest's start-up (each suite minus its one-empty-test run): "
                f"{(p['plugin-pd'].median() - p['plugin-empty-pd'].median()) / tests * 1000:.2f} ms with the plugin, "
                f"{(p['plugin-bare'].median() - p['plugin-empty-bare'].median()) / tests * 1000:.2f} ms bare: "
                f"**{_fmt_ratio(marginal)}** (CPU time: {_fmt_ratio(cpu_marginal)})",
                f"- start-up cost of loading the plugin: "
                f"{(p['plugin-empty-pd'].median() - p['plugin-empty-bare'].median()) * 1000:.0f} ms",
            ]
        targets.append(Target(f"pytest_pdhttp ÷ bare per test ({tests} tests, start-up subtracted)", "plugin suites",
                              marginal, cpu_marginal, f"≤ {PLUGIN_RATIO}×", _mark(marginal, PLUGIN_RATIO)))

    lines += ["## Targets (issue 6)", "",
              "Ratios of medians; below 1 means pdlint is faster. \"CPU\" is the same ratio on CPU seconds.", "",
              "| what | corpus | measured (wall) | CPU time | target | met |", "|---|---|---|---|---|---|"]
    lines += [t.row() for t in targets] + [""]
    if edit_targets:
        lines += ["## Targets (issue 14): output formats, edits and fixes", "",
                  "Every output format, `--diff` and `--fix --unsafe-fixes` on the generated steps, against the "
                  "text format and a libcst parse of the same files (`floor.py --parse-only`, the least a fix on "
                  "libcst's tree costs). Rows in the steps table below.", "",
                  "| what | corpus | measured (wall) | CPU time | target | met |", "|---|---|---|---|---|---|",
                  *(t.row() for t in edit_targets), ""]

    if corpora:
        lines += ["## Linting", "",
                  f"Every tool runs as a subprocess on the same copy of the corpus; median of up to {args.repeat} runs "
                  f"({args.slow_repeat} for fixit and semgrep), measurements interleaved round by round, a measurement "
                  f"stops repeating once its runs add up to {args.budget:.0f} s. *files* is what the tool reads "
                  "(the peers do not read Markdown). *peak RSS* is the largest single process of the tool's process "
                  "tree (`ru_maxrss` from `os.wait4`, which covers the child and every descendant it reaped), so for "
                  "multi-process runs it is the peak per process, not the sum. *pdlint ÷ this* is pdlint's median over "
                  "the tool's, pdlint running with the same process count (below 1: pdlint is faster).", ""]
        for corpus_ in corpora:
            lines += corpus_table(corpus_, results[corpus_.name])
    if one_file:
        lines += ["## One file (the pre-commit case)", "",
                  "Interpreter start included: the venv's `pdlint` script run directly, with context rows for "
                  "the interpreter alone and for importing libcst.", "",
                  *measurement_table("command", one_file)]
    if plugin:
        lines += ["## pytest_pdhttp overhead", "",
                  f"The same {args.plugin_tests} step tests (GET a mocked URL, write /tmp, export) written with the "
                  "plugin's fixtures and with bare `responses` + `tmp_path` + `monkeypatch`, each suite run as "
                  f"`python -m pytest {' '.join(PYTEST_FLAGS)}` (plus `-p no:pdhttp` for the bare one).", "",
                  *measurement_table("suite", plugin), *plugin_rows, ""]
    if secrets:
        lines += secrets
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    sys.exit(main())
