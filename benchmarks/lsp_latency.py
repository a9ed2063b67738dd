#!/usr/bin/env python
"""How long `pdlint server` takes from a `didChange` to its published diagnostics (issue 18:
at most 30 ms for a 300-line step, the debounce excluded).

    pip install -e '.[lsp]'
    python benchmarks/lsp_latency.py            # writes its section of benchmarks/results.md
    python benchmarks/lsp_latency.py --no-write # only prints it

Two figures, on the same 300-line step (steps of the benchmark corpus, one after another), one
edit per change (a `timeout=` argument deleted, then typed back, so the findings change each
time):

- server-side: the work the server does between reading a `didChange` and writing the
  `publishDiagnostics` (apply the change to its copy of the document, find the configuration,
  lint, convert the findings to diagnostics), timed in this process on the server's own code;
- round trip: the real `pdlint server --debounce 0` process driven over stdio by pygls's client,
  from sending the change to receiving its diagnostics (so also JSON and the pipes: an upper
  bound of the server-side time).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import DEFAULT_SEED, step_source  # noqa: E402

LINES = 300
BUDGET_MS = 30.0
SECTION = "## Language server latency (issue 18)"


def step_of(lines: int) -> str:
    """Whole steps of the benchmark corpus, one after another, up to `lines` lines, ending with
    the request line the benchmark edits."""
    rng = random.Random(DEFAULT_SEED)
    text: list[str] = []
    tail = ['requests.get("https://api.example.com/ping", timeout=5).raise_for_status()', ""]
    index = 0
    while True:
        source = step_source(index, rng).replace("def handler(", f"def handler_{index}(")
        step = [*source.rstrip("\n").split("\n"), ""]
        if len(text) + len(step) + len(tail) > lines:
            break
        text.extend(step)
        index += 1
    text.extend(["import requests", ""] + ["# padding"] * (lines - len(text) - len(tail) - 2))
    return "\n".join([*text, *tail])


def edits(text: str, count: int):
    """(change range, new text, the document's text after it) for `count` changes."""
    lines = text.split("\n")
    row = len(lines) - 2
    start = lines[row].index(", timeout=5")
    end = start + len(", timeout=5")
    with_timeout, without = text, "\n".join([*lines[:row], lines[row].replace(", timeout=5", ""), *lines[row + 1:]])
    for n in range(count):
        if n % 2 == 0:
            yield ((row, start), (row, end)), "", without
        else:
            yield ((row, start), (row, start)), ", timeout=5", with_timeout


def server_side(text: str, path: str, count: int) -> tuple[list[float], list[float]]:
    """(wall milliseconds, CPU milliseconds of this thread) per change."""
    from pdlint.server import analysis
    from pdlint.server.convert import diagnostic
    from pdlint.server.documents import UTF16, Change, Document

    document = Document(Path(path).as_uri(), path, text, 1)
    analysis.analyse(text, path, 1)  # imports and first-use caches, as a running server has them
    times, cpu = [], []
    for version, (span, new, expected) in enumerate(edits(text, count), start=2):
        began, began_cpu = time.perf_counter(), time.thread_time()
        document.apply([Change(new, *span)], UTF16)
        document.version = version
        result = analysis.analyse(document.text, path, version)
        snapshot = Document(document.uri, path, result.text, version)
        [diagnostic(snapshot, finding, UTF16) for finding in result.findings]
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.thread_time() - began_cpu) * 1000)
        assert document.text == expected
    return times, cpu


async def round_trip(text: str, path: str, count: int) -> list[float]:
    from lsprotocol import types as lsp
    from pygls.lsp.client import LanguageClient

    client = LanguageClient("latency-benchmark", "1")
    arrived: asyncio.Queue = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: lsp.PublishDiagnosticsParams) -> None:
        arrived.put_nowait((time.perf_counter(), params))

    await client.start_io(sys.executable, "-m", "pdlint", "server", "--debounce", "0")
    root = Path(path).parent
    await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities(), root_uri=root.as_uri()))
    client.initialized(lsp.InitializedParams())
    uri = Path(path).as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)))
    await arrived.get()
    times = []
    for version, ((start, end), new, _) in enumerate(edits(text, count), start=2):
        began = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangePartial(
                range=lsp.Range(start=lsp.Position(*start), end=lsp.Position(*end)), text=new)],
        ))
        while True:
            when, params = await arrived.get()
            if params.version == version:
                break
        times.append((when - began) * 1000)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def summary(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1], ordered[-1]


def report(count: int) -> str:
    text = step_of(LINES)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "step.py")
        Path(path, ).write_text(text, encoding="utf-8")
        Path(directory, "pyproject.toml").write_text("[tool.pdlint]\n", encoding="utf-8")
        import pdlint

        findings = len(pdlint.lint_source(text, path, pdlint.options_for(path)))
        wall, cpu = server_side(text, path, count)
        inside, inside_cpu = summary(wall), summary(cpu)
        trip = summary(asyncio.run(round_trip(text, path, count)))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    met = "yes" if inside[0] <= BUDGET_MS else "NO"
    met_cpu = "yes" if inside_cpu[0] <= BUDGET_MS else "NO"
    lines = [
        SECTION,
        "",
        f"Produced by `python benchmarks/lsp_latency.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"CPython {platform.python_version()}, 1-minute load average {load:.1f} on {os.cpu_count()} cores.",
        f"A {LINES}-line step ({findings} findings), {count} changes of one line each; milliseconds.",
        "",
        "| from `didChange` to `publishDiagnostics` | median | 95th percentile | slowest | target | met |",
        "|---|---|---|---|---|---|",
        f"| server-side (the server's code, in process, no debounce) | {inside[0]:.1f} | {inside[1]:.1f} | "
        f"{inside[2]:.1f} | ≤ {BUDGET_MS:.0f} (median) | {met} |",
        f"| server-side, CPU time of the server's thread | {inside_cpu[0]:.1f} | {inside_cpu[1]:.1f} | "
        f"{inside_cpu[2]:.1f} | ≤ {BUDGET_MS:.0f} (median) | {met_cpu} |",
        f"| round trip over stdio (`pdlint server --debounce 0`) | {trip[0]:.1f} | {trip[1]:.1f} | {trip[2]:.1f} | | |",
        "",
        "Wall-clock times grow with the load of the machine (other work shares the cores); the "
        "CPU time does not. An editor sees its diagnostics the debounce (100 ms by default) plus the round trip after "
        "the last keystroke. Fixes are not computed here: the server builds them only when the "
        "editor asks for code actions.",
        "",
    ]
    return "\n".join(lines)


def write_section(results: Path, section: str) -> None:
    """Replace this benchmark's section of results.md (or add it at the end)."""
    current = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(SECTION) + r".*?(?=^## |\Z)", re.S | re.M)
    section = section.rstrip("\n") + "\n\n"  # a blank line before the next section
    if pattern.search(current):
        updated = pattern.sub(lambda _: section, current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + section
    results.write_text(updated.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--results", type=Path, default=HERE / "results.md")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    section = report(args.changes)
    print(section)
    if not args.no_write:
        write_section(args.results, section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
