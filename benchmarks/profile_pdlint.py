"""cProfile of pdlint on the generated step corpus, one process, no cache: where the time goes.

    python benchmarks/profile_pdlint.py [--files 1000] [--top 25] [--sort cumulative] [--out FILE.pstats]

Builds the same corpus as `benchmarks/run.py` (same seed) in a temporary directory, runs
`pdlint.cli.main([... "--jobs", "1", "--no-cache", ...])` in this process under cProfile (output
discarded) and prints the top entries. With `--out`, also saves the raw stats for snakeviz or
`python -m pstats`.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (cumulative, tottime, ...)")
    parser.add_argument("--timer", choices=("cpu", "wall"), default="cpu",
                        help="cpu: process time, robust when other work shares the machine (default); wall: perf_counter")
    parser.add_argument("--out", type=Path, default=None, help="also save the raw stats here")
    args = parser.parse_args(argv)

    from pdlint.cli import main as pdlint

    with tempfile.TemporaryDirectory(prefix="pdlint-profile-") as work:
        corpus.generate_steps(Path(work) / "corpus", args.files, args.seed)
        previous = os.getcwd()
        os.chdir(work)
        profiler = cProfile.Profile(time.process_time if args.timer == "cpu" else time.perf_counter)
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                profiler.runcall(pdlint, ["--isolated", "--no-cache", "--jobs", "1", "--exit-zero", "corpus"])
        finally:
            os.chdir(previous)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    if args.out:
        profiler.dump_stats(args.out)
    print(f"pdlint --jobs 1 --no-cache on {args.files} generated files: {elapsed:.1f} s wall, {cpu:.1f} s CPU under "
          f"cProfile, {args.timer} timer (load average {os.getloadavg()[0]:.1f})\n")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
