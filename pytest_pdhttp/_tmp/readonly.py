"""The platform's file system is read-only outside ``/tmp``: while a step runs under ``pd.run``,
a write anywhere else fails as it would there, with ``OSError(errno.EROFS)``.

Heard through the audit hook, so every way Python writes is covered (open for writing, os.remove,
os.rename, os.mkdir, chmod, utime, truncate, links, sqlite3.connect...). What stays writable: the
per-test /tmp, pytest's base temporary directory (the test's own files), coverage's data files,
devices (/dev, /proc) and the interpreter's own bytecode caches (``__pycache__``).
"""

from __future__ import annotations

import errno
import os
import sys
import threading
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .audit import event_path, listening

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# audit event -> positions of the paths it writes to ("open" only when its flags write)
_WRITES = {
    "open": (0,), "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.rename": (0, 1),
    "os.link": (1,), "os.symlink": (1,), "os.chmod": (0,), "os.chown": (0,), "os.utime": (0,),
    "os.truncate": (0,), "os.chflags": (0,), "os.setxattr": (0,), "os.removexattr": (0,),
    "sqlite3.connect": (0,),
}  # fmt: skip
ALWAYS_WRITABLE = ("/dev", "/proc")
REASON = "Read-only file system (outside /tmp on the platform; write to /tmp instead)"


def coverage_data_files() -> list[str]:
    """The data file of a running coverage measurement (its ``.suffix`` siblings share it as a
    prefix), so that coverage keeps working while a step runs."""
    coverage = sys.modules.get("coverage")
    current = getattr(getattr(coverage, "Coverage", None), "current", None)
    measuring = current() if current is not None else None
    return [] if measuring is None else [os.path.abspath(measuring.config.data_file)]


class ReadOnlyFileSystem:
    """Refuses writes outside the ``writable`` directories and the files whose names start with
    one of ``prefixes``, made by the thread that runs the step or by the threads it starts.

    Other threads (a test's local server and the threads it starts, say) are the test's own."""

    def __init__(self, writable: Iterable[Path | str], prefixes: Iterable[str] = ()) -> None:
        self.writable = tuple(str(d).rstrip("/") for d in (*writable, *ALWAYS_WRITABLE))
        self.prefixes = tuple(prefixes)
        self._step_threads: weakref.WeakSet[threading.Thread] = weakref.WeakSet()

    @contextmanager
    def enforced(self) -> Iterator[None]:
        """Read-only while the block runs (a step, under ``pd.run``)."""
        step_threads = self._step_threads
        step_threads.add(threading.current_thread())
        real_start = threading.Thread.start

        def start(thread: threading.Thread) -> None:
            if threading.current_thread() in step_threads:
                step_threads.add(thread)
            real_start(thread)

        threading.Thread.start = start  # type: ignore[method-assign]
        try:
            with listening(self):
                yield
        finally:
            threading.Thread.start = real_start  # type: ignore[method-assign]
            step_threads.clear()

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        __tracebackhide__ = True
        positions = _WRITES.get(event)
        if positions is None or (event == "open" and not _opens_for_writing(args)):
            return
        if threading.current_thread() not in self._step_threads:
            return
        if event == "sqlite3.connect" and _in_memory(args[0]):
            return
        for position in positions:
            if position < len(args):
                path = event_path(event, args, position)
                if path is None or self._may_write(path):
                    continue
                if event == "os.mkdir" and os.path.lexists(path):
                    return  # Linux says EEXIST before it says EROFS: let mkdir say so
                raise OSError(errno.EROFS, REASON, os.fspath(args[position]))

    def _may_write(self, path: str) -> bool:
        if "/__pycache__/" in path:  # the interpreter's own cache, not the step's doing
            return True
        return any(path == d or path.startswith(d + "/") for d in self.writable) or any(
            path.startswith(prefix) for prefix in self.prefixes
        )


def _opens_for_writing(args: tuple[Any, ...]) -> bool:
    flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
    return bool(flags & _WRITE_FLAGS)


def _in_memory(database: Any) -> bool:
    return database in (":memory:", "", b":memory:", b"") or (
        isinstance(database, str) and database.startswith("file:") and "mode=memory" in database
    )
