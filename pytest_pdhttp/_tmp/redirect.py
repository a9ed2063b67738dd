"""Move the step's view of ``/tmp`` into a per-test directory by patching Python's file APIs."""

from __future__ import annotations

import builtins
import contextlib
import functools
import glob
import io
import os
import pathlib
import posixpath
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

FAKE_ROOT = "/tmp"
P = TypeVar("P")

# function name -> how many of its leading positional arguments are paths
_OS = {
    "open": 1, "stat": 1, "lstat": 1, "access": 1, "listdir": 1, "remove": 1, "unlink": 1,
    "rename": 2, "replace": 2, "makedirs": 1, "mkdir": 1, "rmdir": 1, "removedirs": 1,
    "chmod": 1, "utime": 1, "truncate": 1, "symlink": 2, "link": 2,
}  # fmt: skip
_OS_PATH = {
    "exists": 1, "lexists": 1, "isfile": 1, "isdir": 1, "islink": 1, "getsize": 1,
    "getmtime": 1, "getatime": 1, "getctime": 1, "samefile": 2,
}  # fmt: skip
_SHUTIL = {"copymode": 2, "copystat": 2, "rmtree": 1, "disk_usage": 1}
_SHUTIL_RETURNING_PATH = {"copyfile": 2, "copy": 2, "copy2": 2, "copytree": 2, "move": 2}
_PATH_KEYWORDS = ("path", "src", "dst", "file")
# classes that copied os functions at import: pathlib's accessor (3.10), glob's globber (3.13+)
_CAPTURING_CLASSES = [
    c
    for c in (getattr(pathlib, "_NormalAccessor", None), getattr(glob, "_StringGlobber", None))
    if c is not None
]


def never_moved(basetemp: Path, rootdir: Path) -> list[Path]:
    """pytest's base directory (and the pytest-of-<user> above it), the rootdir, the interpreter,
    and where code is imported from (a checkout that happens to lie under /tmp, say, so that
    tracebacks can still read its source)."""
    prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    pytest_of = [p for p in basetemp.parents if p.name.startswith("pytest-of-")]
    code = {Path(__file__).resolve().parents[2]}  # where pytest_pdhttp itself is imported from
    code.update(Path(entry) for entry in sys.path if entry and os.path.isdir(entry))
    return [basetemp, *pytest_of, rootdir, *(Path(p) for p in prefixes), *sorted(code)]


class TmpMap:
    """Translates between the paths the step writes ("/tmp/...") and the real directory."""

    def __init__(self, real_root: Path, keep: Iterable[Path]) -> None:
        self.real = str(real_root)
        roots = {str(p) for p in keep} | {os.path.realpath(p) for p in keep}
        self.keep = tuple(sorted(r for r in roots if r not in (FAKE_ROOT, "/")))

    def redirected(self, path: str) -> str | None:
        """The real path for a "/tmp/..." path, or None when ``path`` is not moved."""
        if not path.startswith("/"):
            return None
        norm = "/" + posixpath.normpath(path).lstrip("/")  # "//tmp" is "/tmp" on Linux
        if norm != FAKE_ROOT and not norm.startswith(FAKE_ROOT + "/"):
            return None
        if any(norm == k or norm.startswith(k + "/") for k in self.keep):
            return None
        real = self.real + norm[len(FAKE_ROOT) :]
        return real + "/" if path.endswith("/") and not real.endswith("/") else real

    def to_real(self, path: P) -> P | str | bytes:
        """``path`` itself when it is not moved (so ``is`` tells), else the real str/bytes path."""
        if path is None or isinstance(path, int):
            return path
        try:
            text = os.fspath(path)  # type: ignore[call-overload]
        except TypeError:
            return path
        if isinstance(text, bytes):
            real = self.redirected(os.fsdecode(text))
            return path if real is None else os.fsencode(real)
        real = self.redirected(text)
        return path if real is None else real

    def to_fake(self, path: Any) -> Any:
        """A real path inside the directory reads "/tmp/..." again; anything else is unchanged."""
        if isinstance(path, bytes):
            return os.fsencode(self.to_fake(os.fsdecode(path)))
        if isinstance(path, str) and (path == self.real or path.startswith(self.real + "/")):
            return FAKE_ROOT + path[len(self.real) :]
        return path


def install(tmp_map: TmpMap, monkeypatch: pytest.MonkeyPatch) -> None:
    """Patch the file APIs for as long as ``monkeypatch`` is not undone."""
    replaced: dict[int, Any] = {}  # id of the original function -> its wrapper
    for module, table, returns_path in (
        (os, _OS, False),
        (os.path, _OS_PATH, False),
        (shutil, _SHUTIL, False),
        (shutil, _SHUTIL_RETURNING_PATH, True),
    ):
        for name, count in table.items():
            original = getattr(module, name, None)
            if original is not None:
                replaced[id(original)] = _wrap(original, tmp_map, count, returns_path)
                monkeypatch.setattr(module, name, replaced[id(original)])
    for module, name, wrapper in (
        (os, "readlink", _wrap(os.readlink, tmp_map, 1, True)),
        (os, "scandir", _scandir(os.scandir, tmp_map)),
        (builtins, "open", _open(builtins.open, tmp_map)),
        (io, "open", _open(io.open, tmp_map)),
    ):
        replaced[id(getattr(module, name))] = wrapper
        monkeypatch.setattr(module, name, wrapper)
    for owner in _CAPTURING_CLASSES:
        for name, value in list(vars(owner).items()):
            function = value.__func__ if isinstance(value, staticmethod) else value
            if id(function) in replaced:
                monkeypatch.setattr(owner, name, staticmethod(replaced[id(function)]))


def _wrap(func: Callable[..., Any], tmp_map: TmpMap, count: int, returns_path: bool) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        args = tuple(tmp_map.to_real(a) if i < count else a for i, a in enumerate(args))
        for key in _PATH_KEYWORDS:
            if key in kwargs:
                kwargs[key] = tmp_map.to_real(kwargs[key])
        result = func(*args, **kwargs)
        return tmp_map.to_fake(result) if returns_path else result

    return wrapper


def _open(real_open: Callable[..., Any], tmp_map: TmpMap) -> Any:
    @functools.wraps(real_open)
    def open(file: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: A001 - it replaces open
        real = tmp_map.to_real(file)
        stream = real_open(real, *args, **kwargs)
        if real is not file:
            show_name(stream, os.fspath(file))
        return stream

    return open


def show_name(stream: Any, name: str | bytes) -> None:
    """Make ``f.name`` the path the code opened, as it would be without redirection."""
    raw = stream
    while True:
        inner = getattr(raw, "buffer", None) or getattr(raw, "raw", None)
        if inner is None:
            break
        raw = inner
    with contextlib.suppress(AttributeError, TypeError):
        raw.name = name


def _scandir(real_scandir: Callable[..., Any], tmp_map: TmpMap) -> Any:
    @functools.wraps(real_scandir)
    def scandir(path: Any = ".") -> Any:
        real = tmp_map.to_real(path)
        iterator = real_scandir(real)
        return iterator if real is path else _FakeScandir(iterator, os.fspath(path))

    return scandir


class _FakeScandir:
    """``os.scandir`` over the real directory whose entries' ``.path`` read "/tmp/..."."""

    def __init__(self, iterator: Any, fake_dir: str | bytes) -> None:
        self._iterator = iterator
        self._fake_dir = fake_dir

    def __iter__(self) -> Iterator[_FakeEntry]:
        return self

    def __next__(self) -> _FakeEntry:
        entry = next(self._iterator)
        return _FakeEntry(entry, os.path.join(self._fake_dir, entry.name))

    def __enter__(self) -> _FakeScandir:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._iterator.close()


class _FakeEntry:
    """A ``DirEntry`` whose ``path`` is the one the code asked for."""

    def __init__(self, entry: os.DirEntry[Any], path: str | bytes) -> None:
        self._entry = entry
        self.path = path

    @property
    def name(self) -> Any:
        return self._entry.name

    def __getattr__(self, name: str) -> Any:
        return getattr(self._entry, name)

    def __fspath__(self) -> Any:
        return self.path

    def __repr__(self) -> str:
        return f"<DirEntry {self.name!r}>"
