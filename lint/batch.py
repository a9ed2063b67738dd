"""Lint many files: per-file configuration, the cache, and worker processes."""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass
from typing import Callable, Iterable

from .cache import Cache, cache_key, content_digest
from .codes import RULE_CODES
from .config import ConfigFinder, Options, with_overrides
from .files import FileError, discover, read_bytes, regular_file_stat
from .finding import Finding
from .flags import NO_FLAGS, Flags
from .result import FileResult, FixMode
from .sources import is_document, is_markdown

# Below this many files to lint, worker processes cost more than they save.
PARALLEL_THRESHOLD = 16
# Progress is shown on a terminal only for runs linting more files than this.
PROGRESS_THRESHOLD = 300


@dataclass
class Job:
    path: str
    codes: tuple[str, ...]
    options: Options
    flags: Flags
    cache_context: str  # the options and flags that decide findings, for the cache key


def plan(
    paths: list[str],
    finder: ConfigFinder,
    overrides: dict[str, object] | None = None,
    flags: Flags = NO_FLAGS,
) -> Iterable[Job | FileError]:
    """One job per file to lint, with the options that apply to it (the config file's, with the
    command line's `overrides`, see `pdlint.config.with_overrides`)."""
    # Many files share a directory and one config file governs many directories: look the
    # config up once per directory and apply the overrides once per config.
    by_directory: dict[str, Options] = {}
    prepared: dict[int, tuple[Options, str]] = {}
    all_codes = list(RULE_CODES)
    keyed_flags = f"edits={flags.edits},fingerprints={flags.fingerprints}"

    def prepare(found: Options) -> tuple[Options, str]:
        entry = prepared.get(id(found))
        if entry is None:
            options = with_overrides(found, **(overrides or {}))
            entry = prepared[id(found)] = (options, options.fingerprint() + keyed_flags)
        return entry

    def walk_rules(path: str) -> Options:  # what the walk excludes in (or for) `path`
        return prepare(finder.for_path(path))[0]

    for item in discover(paths, walk_rules):
        if isinstance(item, FileError):
            yield item
            continue
        directory = os.path.dirname(item)
        found = by_directory.get(directory)
        if found is None:
            found = by_directory[directory] = finder.for_path(item)
        options, context = prepare(found)
        if not options.markdown and is_document(item):
            continue  # exclusions were applied by the walk (and to named files with force-exclude)
        yield Job(item, tuple(options.codes_for(item, all_codes)), options, flags, context)


def _job_key(job: Job, digest: str) -> str:
    kind = "markdown" if is_markdown(job.path) else "document" if is_document(job.path) else "python"
    return cache_key(digest, kind, job.codes, job.cache_context)


def rules_for(codes: tuple[str, ...] | list[str]):
    """The rule classes of these codes (unknown codes, such as engine codes, left out)."""
    from .rules import all_rules

    registry = all_rules()
    return [registry[code] for code in codes if code in registry]


def _lint_job(job: Job, data: bytes, fix: FixMode | None, write: bool) -> FileResult:
    from .runner import lint_bytes

    result = lint_bytes(data, job.path, rules_for(job.codes), job.options, job.flags, fix, write)
    result.findings = [finding.detached() for finding in result.findings]
    return result


def _worker(arguments: tuple[Job, bytes, FixMode | None, bool]) -> FileResult:
    job, data, fix, write = arguments
    try:
        return _lint_job(job, data, fix, write)
    except FileError as error:
        return FileResult(job.path, error=str(error))
    except OSError as error:
        return FileResult(job.path, error=f"{job.path}: {error.strerror or error}")
    except Exception as error:  # noqa: BLE001 - one file's bug must not stop the run
        return FileResult(job.path, error=f"{job.path}: internal error: {type(error).__name__}: {error}")
    finally:
        # A file's tree and model are reference cycles (scopes and bindings point at each other):
        # freed here, while they are the youngest objects and still in the CPU's caches. The
        # collector's own passes (off in the CLI, see `pdlint.cli.entry`) would find them later,
        # after every object the run keeps, at about a quarter more CPU on the step corpus.
        gc.collect(0)


def run(
    items: Iterable[Job | FileError],
    fix: FixMode | None = None,
    write: bool = True,
    jobs: int | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[FileResult | FileError]:
    """Results in the order of `items`; cached files are not linted again."""
    ordered: list[FileResult | FileError | None] = []
    pending: list[tuple[int, Job, bytes, str]] = []
    cwd = os.getcwd()
    for item in items:
        if isinstance(item, FileError):
            ordered.append(item)
            continue
        try:
            data, key = _read_for(item, cache, cwd)
        except FileError as error:
            ordered.append(FileResult(item.path, error=str(error)))
            continue
        cached = cache.get(key) if cache is not None else None
        if cached is not None and (fix is None or not _fixable(cached, fix)):
            ordered.append(FileResult(item.path, [Finding.from_row(item.path, row) for row in cached]))
            continue
        if data is None:
            try:
                data = read_bytes(item.path)
            except FileError as error:
                ordered.append(FileResult(item.path, error=str(error)))
                continue
        ordered.append(None)
        pending.append((len(ordered) - 1, item, data, key))

    total = len(pending)
    workers = _worker_count(jobs, total)
    arguments = [(job, data, fix, write) for _, job, data, _ in pending]
    if workers <= 1:
        results: Iterable[FileResult] = map(_worker, arguments)
        _run_into(ordered, pending, results, cache, fix, progress, total)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, min(32, total // (workers * 4)))
            results = pool.map(_worker, arguments, chunksize=chunk)
            _run_into(ordered, pending, results, cache, fix, progress, total)
    return [item for item in ordered if item is not None]


def _read_for(job: Job, cache: Cache | None, cwd: str) -> tuple[bytes | None, str]:
    """(the file's bytes, unless the cache vouches for them unread; the job's cache key)."""
    if cache is None:
        return read_bytes(job.path), ""
    stat = regular_file_stat(job.path)
    absolute = os.path.join(cwd, job.path)
    digest = cache.known_digest(absolute, stat)
    data = None
    if digest is None:
        data = read_bytes(job.path)
        digest = content_digest(data)
        cache.remember(absolute, stat, digest)
    return data, _job_key(job, digest)


def _run_into(ordered, pending, results, cache, fix, progress, total) -> None:
    for done, ((index, _job, _data, key), result) in enumerate(zip(pending, results), start=1):
        ordered[index] = result
        if cache is not None and result.error is None and not result.diff and not result.fixed \
                and not result.problems:
            cache.put(key, [finding.to_row() for finding in result.findings])
        if progress is not None:
            progress(done, total)


def _fixable(cached: list[list[object]], fix: FixMode) -> bool:
    return any(row[5] == "safe" or (fix == "unsafe" and row[5]) for row in cached)


def _worker_count(jobs: int | None, files: int) -> int:
    if jobs is None:
        if files < PARALLEL_THRESHOLD:
            return 1
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, files))


def default_cache_root(finder: ConfigFinder, paths: list[str]) -> str:
    """Beside the configuration file that applies to the first path, else the working directory."""
    return cache_root(finder.for_path(paths[0] if paths else "."))


def cache_root(options: Options) -> str:
    """Where `.pdlint_cache/` goes for files under `options`: beside their config file, else the
    working directory."""
    if options.source is not None:
        return os.path.dirname(os.path.abspath(options.source))
    return os.getcwd()


def stderr_progress(stream=None) -> Callable[[int, int], None]:
    stream = stream or sys.stderr

    def show(done: int, total: int) -> None:
        if total <= PROGRESS_THRESHOLD:
            return
        if done == total or done % 25 == 0:
            stream.write(f"\rpdlint: {done}/{total} files")
            if done == total:
                stream.write("\r" + " " * 40 + "\r")
            stream.flush()

    return show
