"""Findings cached by file content + pdlint version + effective configuration, in `.pdlint_cache/`.

Results are keyed by a digest of the file's bytes, so a file is never judged by stale findings.
To make a re-run over an unchanged tree nearly free, the cache also remembers each file's size
and modification time with its digest (as git's index does): a file whose stat is unchanged is
not read again. A file modified less than `RACY_SECONDS` before it was recorded is not
remembered, since a second edit within the file system's time resolution would go unseen.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterator, Sequence

from . import __version__

try:  # hashlib pulls in OpenSSL (5 ms of start-up); blake2 alone is all the cache needs
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b

CACHE_DIRECTORY = ".pdlint_cache"
MAX_ENTRIES = 50_000
RACY_SECONDS = 2.0
FORMAT = 3

Row = list[Any]  # line, column, code, name, message, fixable, edit (dict or None), fingerprint,
# end line, end column

_code_signature: str | None = None


def code_signature() -> str:
    """Changes whenever pdlint's own source changes, so an edited rule never serves old results."""
    global _code_signature
    if _code_signature is None:
        package = os.path.dirname(os.path.abspath(__file__))
        digest = blake2b(digest_size=12)
        for directory, _, names in sorted(os.walk(package)):
            for name in sorted(names):
                if name.endswith(".py"):
                    stat = os.stat(os.path.join(directory, name))
                    digest.update(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
        _code_signature = digest.hexdigest()
    return _code_signature


def content_digest(data: bytes) -> str:
    return blake2b(data, digest_size=20).hexdigest()


def cache_key(digest: str, kind: str, codes: Sequence[str], config_fingerprint: str) -> str:
    """The content digest and everything else that decides a file's findings."""
    return blake2b(
        f"{digest}\0{_context(code_signature(), kind, tuple(codes), config_fingerprint)}".encode(),
        digest_size=20,
    ).hexdigest()


@lru_cache(maxsize=256)
def _context(signature: str, kind: str, codes: tuple[str, ...], config_fingerprint: str) -> str:
    return f"{__version__}\0{signature}\0{kind}\0{','.join(codes)}\0{config_fingerprint}"


class Cache:
    """One JSON file per pdlint version: `results` (key -> finding rows) and `files`
    (absolute path -> [size, mtime_ns, content digest])."""

    def __init__(self, root: str) -> None:
        self.directory = os.path.join(root, CACHE_DIRECTORY)
        self.path = os.path.join(self.directory, f"findings-{__version__}.json")
        self.results: dict[str, list[Row]] = {}
        self.files: dict[str, list[Any]] = {}
        self.dirty = False
        try:
            with open(self.path, encoding="utf-8") as handle:
                loaded = json.load(handle)
            if isinstance(loaded, dict) and loaded.get("format") == FORMAT:
                self.results, self.files = loaded["results"], loaded["files"]
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no cache yet, or a damaged or older one: start afresh

    def known_digest(self, path: str, stat: os.stat_result) -> str | None:
        """The recorded content digest of `path`, if its size and mtime have not changed since."""
        known = self.files.get(path)
        if known is not None and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            return known[2]
        return None

    def remember(self, path: str, stat: os.stat_result, digest: str) -> None:
        if time.time() - stat.st_mtime_ns / 1e9 < RACY_SECONDS:
            self.files.pop(path, None)
        else:
            self.files[path] = [stat.st_size, stat.st_mtime_ns, digest]
        self.dirty = True

    def get(self, key: str) -> list[Row] | None:
        return self.results.get(key)

    def put(self, key: str, rows: list[Row]) -> None:
        self.results[key] = rows
        self.dirty = True

    def merge(self, other: "Cache") -> None:
        """Take in what `other` (the same cache, written by another process) holds."""
        self.results.update(other.results)
        self.files.update(other.files)
        self.dirty = True

    def save(self) -> None:
        """Write the cache, merged with what other processes saved since it was read (pre-commit
        runs several pdlint processes at once, pytest-xdist several workers): under a lock, the
        file on disk is read again and this process's entries are added to it."""
        if not self.dirty:
            return
        try:
            os.makedirs(self.directory, exist_ok=True)
            ignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(ignore):
                with open(ignore, "w", encoding="utf-8") as handle:
                    handle.write("*\n")
            with _exclusive(self.directory):
                on_disk = Cache(os.path.dirname(self.directory))
                on_disk.results.update(self.results)
                on_disk.files.update(self.files)
                self.results, self.files = on_disk.results, on_disk.files
                self._write()
        except OSError:
            pass  # a read-only tree still lints; it just is not cached
        self.dirty = False

    def _write(self) -> None:
        if len(self.results) > MAX_ENTRIES:
            self.results = dict(list(self.results.items())[-MAX_ENTRIES:])
        if len(self.files) > MAX_ENTRIES:
            self.files = dict(list(self.files.items())[-MAX_ENTRIES:])
        handle_fd, temporary = tempfile.mkstemp(dir=self.directory, prefix=".findings-")
        try:
            with os.fdopen(handle_fd, "w", encoding="utf-8") as handle:
                json.dump(
                    {"format": FORMAT, "results": self.results, "files": self.files},
                    handle, separators=(",", ":"),
                )
            os.replace(temporary, self.path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise


@contextmanager
def _exclusive(directory: str) -> Iterator[None]:
    """Hold the cache directory's lock (`.lock`, an advisory whole-file lock) while inside."""
    with open(os.path.join(directory, ".lock"), "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # retries for 10 s, then OSError
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
            return
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield  # closing the file releases the lock
