"""One audit hook (``sys.addaudithook``) for the process, and what listens to it: the watch that
catches what the redirection misses (Python reaching the real ``/tmp``)."""

from __future__ import annotations

import os
import posixpath
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .redirect import TmpMap, os_open_dir_fd, real_cwd

Listener = Callable[[str, "tuple[Any, ...]"], None]

# audit event -> positions of its path arguments (shutil's events are left out: shutil works
# through open and os, whose own events name the real paths)
_EVENTS = {
    "open": (0,), "os.listdir": (0,), "os.scandir": (0,), "os.remove": (0,), "os.rmdir": (0,),
    "os.mkdir": (0,), "os.chmod": (0,), "os.chown": (0,), "os.utime": (0,), "os.truncate": (0,),
    "os.rename": (0, 1), "os.link": (0, 1), "os.symlink": (1,), "os.chdir": (0,),
    "os.setxattr": (0,), "os.removexattr": (0,), "sqlite3.connect": (0,),
}  # fmt: skip
# (audit event, position of a path) -> position of the dir_fd its relative name starts from
_DIR_FDS = {
    ("os.mkdir", 0): 2, ("os.rmdir", 0): 1, ("os.remove", 0): 1, ("os.rename", 0): 2,
    ("os.rename", 1): 3, ("os.link", 0): 2, ("os.link", 1): 3, ("os.symlink", 1): 2,
    ("os.chmod", 0): 2, ("os.chown", 0): 3, ("os.utime", 0): 3,
}  # fmt: skip
_REAL_READLINK = os.readlink

_listeners: list[Listener] = []
_hook_installed = False


class RealTmpAccessError(PermissionError):
    """Raised into the code under test when it reaches the real ``/tmp``."""

    __module__ = "pytest_pdhttp"  # where a test imports it from, as failures name it


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Call ``listener(event, args)`` for every audit event while the block runs; the hook is
    installed on first use (hooks cannot be removed, so one serves every test)."""
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    __tracebackhide__ = True
    if _listeners:
        for listener in tuple(_listeners):
            listener(event, args)


def event_path(event: str, args: tuple[Any, ...], position: int) -> str | None:
    """The absolute path argument ``position`` of an audit event names: a relative name counts
    from the call's ``dir_fd`` (``os.unlink(name, dir_fd=fd)``, as ``shutil.rmtree`` removes),
    else from the working directory. None for file descriptors and unknown directories."""
    at = _DIR_FDS.get((event, position))
    if at is not None:
        dir_fd = args[at] if at < len(args) else None
    else:
        dir_fd = os_open_dir_fd() if event == "open" else None
    return absolute(args[position], dir_fd)


def absolute(path: Any, dir_fd: int | None = None) -> str | None:
    """``path`` (str, bytes or path-like) as an absolute, normalised str; a relative one counts
    from the directory ``dir_fd`` is open on, else from the working directory. None for fds."""
    if path is None or isinstance(path, int):
        return None
    try:
        text = os.fsdecode(os.fspath(path))
    except TypeError:
        return None
    base = real_cwd()
    if dir_fd is not None and dir_fd >= 0 and not text.startswith("/"):
        base = _directory_of(dir_fd)
        if base is None:
            return None
    return posixpath.normpath(posixpath.join(base, text))


def _directory_of(fd: int) -> str | None:
    try:
        return os.fsdecode(_REAL_READLINK(f"/proc/self/fd/{fd}"))
    except OSError:  # no /proc (macOS): fcntl names it
        import fcntl

        if not hasattr(fcntl, "F_GETPATH"):
            return None
        try:
            name = fcntl.fcntl(fd, fcntl.F_GETPATH, bytes(1024))  # type: ignore[attr-defined]
        except OSError:
            return None
        return os.fsdecode(name.rstrip(b"\0"))


class RealTmpWatch:
    """Refuses and records each real-/tmp access it hears of."""

    def __init__(self, tmp_map: TmpMap) -> None:
        self.tmp_map = tmp_map
        self.touched: list[tuple[str, RealTmpAccessError]] = []

    def problems(
        self, *, test_failed: bool, shown: Callable[[BaseException], bool] | None = None
    ) -> list[str]:
        """Accesses not reported yet, except those the test's failure shows already."""
        new = [what for what, error in self.touched if shown is None or not shown(error)]
        self.touched = []
        if not new:
            return []
        lines = "\n".join(f"  {t}" for t in new)
        return [
            "pd_tmp: the code under test touched the real /tmp, outside the per-test directory "
            f"(it fails the test even if the error was caught):\n{lines}\n{self._why()}"
        ]

    def _why(self) -> str:
        return (
            f"open, os, os.path, pathlib, shutil, tempfile, tarfile, zipfile... calls naming /tmp "
            f"are redirected into {self.tmp_map.real}; this call got past them (a C extension, or "
            "a low-level function such as _io.FileIO or posix.open): use those APIs in the step, "
            "or write the file under pd_tmp in the test. What is redirected: "
            "https://github.com/pytest-pdhttp/pytest-pdhttp/blob/main/docs/fixtures/pd_tmp.md"
        )

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        __tracebackhide__ = True
        positions = _EVENTS.get(event)
        if positions is None:
            return
        for position in positions:
            if position < len(args) and self._leaks(event_path(event, args, position)):
                touched = f"{event}({os.fspath(args[position])!r})"
                error = RealTmpAccessError(
                    f"pd_tmp: blocked access to the real /tmp: {touched}. {self._why()}"
                )
                self.touched.append((touched, error))
                raise error

    def _leaks(self, path: str | None) -> bool:
        return path is not None and self.tmp_map.redirected(path) is not None
