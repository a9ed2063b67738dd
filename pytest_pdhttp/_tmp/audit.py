"""Catch what the redirection misses: an audit hook that sees Python touch the real ``/tmp``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from .redirect import TmpMap

# audit event -> positions of its path arguments
_EVENTS = {
    "open": (0,), "os.listdir": (0,), "os.scandir": (0,), "os.remove": (0,), "os.rmdir": (0,),
    "os.mkdir": (0,), "os.chmod": (0,), "os.chown": (0,), "os.utime": (0,), "os.truncate": (0,),
    "os.rename": (0, 1), "os.link": (0, 1), "os.symlink": (0, 1),
    "shutil.copyfile": (0, 1), "shutil.copymode": (0, 1), "shutil.copystat": (0, 1),
    "shutil.copytree": (0, 1), "shutil.move": (0, 1), "shutil.rmtree": (0,),
    "sqlite3.connect": (0,),
}  # fmt: skip

_watches: list[RealTmpWatch] = []
_hook_installed = False


class RealTmpAccessError(PermissionError):
    """Raised into the code under test when it reaches the real ``/tmp``."""


class RealTmpWatch:
    """Records each real-/tmp access while it is the innermost active watch."""

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
            f"open, os, os.path, pathlib, shutil and tempfile calls naming /tmp are redirected into "
            f"{self.tmp_map.real}; this call got past them (a file API bound before the test "
            "started, or one those modules do not wrap): use those APIs in the step, or write "
            "the file under pd_tmp in the test. What is redirected: "
            "https://github.com/pytest-pdhttp/pytest-pdhttp/blob/main/docs/fixtures/pd_tmp.md"
        )

    def check(self, event: str, args: tuple[Any, ...]) -> None:
        __tracebackhide__ = True
        for position in _EVENTS[event]:
            if position < len(args) and self._leaks(args[position]):
                touched = f"{event}({os.fspath(args[position])!r})"
                error = RealTmpAccessError(
                    f"pd_tmp: blocked access to the real /tmp: {touched}. {self._why()}"
                )
                self.touched.append((touched, error))
                raise error

    def _leaks(self, path: Any) -> bool:
        if path is None or isinstance(path, int):
            return False
        try:
            text = os.fsdecode(os.fspath(path))
        except TypeError:
            return False
        return self.tmp_map.redirected(os.path.abspath(text)) is not None


@contextmanager
def watching(watch: RealTmpWatch) -> Iterator[RealTmpWatch]:
    """Make ``watch`` the active one; the process-wide hook is installed on first use."""
    global _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)  # hooks cannot be removed, so one hook serves every test
        _hook_installed = True
    _watches.append(watch)
    try:
        yield watch
    finally:
        _watches.remove(watch)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    __tracebackhide__ = True
    if _watches and event in _EVENTS:
        _watches[-1].check(event, args)
