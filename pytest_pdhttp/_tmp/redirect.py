"""Move the step's view of ``/tmp`` into a per-test directory by patching Python's file APIs.

Every path-taking function of ``os`` is wrapped, as are ``open``/``io.open``/``io.FileIO``, the
openers stdlib modules bound at import (``tarfile``, ``bz2``, ``tokenize``), ``sqlite3.connect``
and the classes that copied ``os`` functions (pathlib's accessor on 3.10, glob's globber on
3.13+). Everything else that reaches a file (``os.path``, ``pathlib``, ``shutil``, ``glob``,
``zipfile``, ``gzip``, ``tempfile``...) goes through those. The wrappers are made once per
process and ask which map is active at each call, so a module that binds one during a test
(``from os import remove``) keeps a function that passes paths through unchanged afterwards.
"""

from __future__ import annotations

import builtins
import contextlib
import functools
import importlib
import io
import os
import posixpath
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

FAKE_ROOT = "/tmp"
P = TypeVar("P")

# os function -> how many of its leading positional arguments are paths
_OS_PATHS = {
    "stat": 1, "lstat": 1, "access": 1, "listdir": 1, "remove": 1, "unlink": 1,
    "rename": 2, "replace": 2, "makedirs": 1, "mkdir": 1, "rmdir": 1, "removedirs": 1,
    "chmod": 1, "lchmod": 1, "chown": 1, "lchown": 1, "chflags": 1, "lchflags": 1, "utime": 1,
    "truncate": 1, "symlink": 2, "link": 2, "mkfifo": 1, "mknod": 1, "pathconf": 1,
    "statvfs": 1, "getxattr": 1, "setxattr": 1, "listxattr": 1, "removexattr": 1, "chdir": 1,
}  # fmt: skip
_PATH_KEYWORDS = ("path", "src", "dst", "file", "name", "database")
# classes that copied os functions at import: pathlib's accessor (3.10), glob's globber (3.13+)
# are patched where they hold an original; modules that bound builtins.open under their own name
# when they were imported:
_BOUND_OPENERS = (("tarfile", "bltn_open"), ("bz2", "_builtin_open"), ("tokenize", "_builtin_open"))

_active: list[TmpMap] = []
_exempt: set[str] = set()
_REAL_GETCWD = os.getcwd


def never_moved(basetemp: Path, rootdir: Path) -> tuple[str, ...]:
    """pytest's base directory (and the pytest-of-<user> above it), the rootdir, the interpreter,
    and where code is imported from (a checkout that happens to lie under /tmp, say, so that
    tracebacks can still read its source), each as given and resolved."""
    return _never_moved(basetemp, rootdir, tuple(sys.path))


@functools.lru_cache(maxsize=8)  # the same for every test of a session, unless sys.path changes
def _never_moved(basetemp: Path, rootdir: Path, path: tuple[str, ...]) -> tuple[str, ...]:
    prefixes = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    pytest_of = [p for p in basetemp.parents if p.name.startswith("pytest-of-")]
    code = {Path(__file__).resolve().parents[2]}  # where pytest_pdhttp itself is imported from
    code.update(Path(entry) for entry in path if entry and os.path.isdir(entry))
    keep = [basetemp, *pytest_of, rootdir, *(Path(p) for p in prefixes), *code]
    roots = {str(p) for p in keep} | {os.path.realpath(p) for p in keep}
    return tuple(sorted(r for r in roots if r not in (FAKE_ROOT, "/")))


def exempt(path: str | os.PathLike[str]) -> None:
    """Never move ``path`` (and what is under it): the plugin's own files, such as a step file or
    a cassette directory that happens to lie under /tmp."""
    text = os.path.abspath(os.fspath(path))
    if text not in _exempt:
        _exempt.update({text, os.path.realpath(text)} - {FAKE_ROOT, "/"})


class TmpMap:
    """Translates between the paths the step writes ("/tmp/...") and the real directory.

    ``keep``: paths never moved, as ``never_moved`` gives them (or any paths)."""

    def __init__(self, real_root: Path, keep: Iterable[str | Path]) -> None:
        self.real = str(real_root)
        self.keep = tuple(sorted({str(k) for k in keep} - {FAKE_ROOT, "/"}))

    def redirected(self, path: str) -> str | None:
        """The real path for a "/tmp/..." path, or None when ``path`` is not moved."""
        if not path.startswith("/"):
            return None
        norm = "/" + posixpath.normpath(path).lstrip("/")  # "//tmp" is "/tmp" on Linux
        if norm != FAKE_ROOT and not norm.startswith(FAKE_ROOT + "/"):
            return None
        if _under(norm, self.keep) or _under(norm, _exempt):
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


def _under(path: str, roots: Iterable[str]) -> bool:
    return any(path == root or path.startswith(root + "/") for root in roots)


def current() -> TmpMap | None:
    """The map of the test running now, or None outside ``pd_tmp``."""
    return _active[-1] if _active else None


def real_cwd() -> str:
    """The process's working directory as the file system has it (``os.getcwd`` may say /tmp)."""
    return _REAL_GETCWD()


Patch = tuple[str, str, Any]  # (module name, attribute or "Class.attribute", replacement)


@contextlib.contextmanager
def redirecting(tmp_map: TmpMap, more: Iterable[Patch] = ()) -> Iterator[TmpMap]:
    """Redirect "/tmp/..." into ``tmp_map`` while the block runs (``more``: further patches made
    with ``current()``); the working directory is put back if the code under test moved it."""
    cwd = _REAL_GETCWD()
    first = not _active
    # owners are looked up now: a module may have been imported afresh since the last test
    wanted = (*_patches(), *more) if first else ()
    patches = [(_owner(where), name, new) for where, name, new in wanted]
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, replacement in patches:
        setattr(owner, name, replacement)
    _active.append(tmp_map)
    try:
        yield tmp_map
    finally:
        _active.remove(tmp_map)
        for owner, name, original in reversed(originals):
            setattr(owner, name, original)
        if _REAL_GETCWD() != cwd:
            os.chdir(cwd)


def _owner(where: str) -> Any:
    """``"module"`` or ``"module:Class"`` as the object now in ``sys.modules``."""
    module_name, _, class_name = where.partition(":")
    module = sys.modules.get(module_name) or importlib.import_module(module_name)
    return getattr(module, class_name) if class_name else module


# --- the wrappers, made once ----------------------------------------------------------------------


def to_real(path: P) -> P | str | bytes:
    tmp_map = current()
    return path if tmp_map is None else tmp_map.to_real(path)


def to_fake(path: Any) -> Any:
    tmp_map = current()
    return path if tmp_map is None else tmp_map.to_fake(path)


def _paths(func: Callable[..., Any], count: int, returns_path: bool = False) -> Any:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        tmp_map = current()
        if tmp_map is None:
            return func(*args, **kwargs)
        args = tuple(tmp_map.to_real(a) if i < count else a for i, a in enumerate(args))
        for key in _PATH_KEYWORDS:
            if key in kwargs:
                kwargs[key] = tmp_map.to_real(kwargs[key])
        result = func(*args, **kwargs)
        return tmp_map.to_fake(result) if returns_path else result

    return wrapper


_os_open_call = threading.local()


def os_open_dir_fd() -> int | None:
    """The ``dir_fd=`` of the ``os.open`` call running on this thread (its audit event, "open",
    does not carry it), or None."""
    return getattr(_os_open_call, "dir_fd", None)


def _noting_dir_fd(os_open: Callable[..., Any]) -> Any:
    @functools.wraps(os_open)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        __tracebackhide__ = True
        dir_fd = kwargs.get("dir_fd")
        if dir_fd is None:
            return os_open(*args, **kwargs)
        _os_open_call.dir_fd = dir_fd
        try:
            return os_open(*args, **kwargs)
        finally:
            _os_open_call.dir_fd = None

    return wrapper


def _opener(real_open: Callable[..., Any]) -> Any:
    @functools.wraps(real_open)
    def open(file: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: A001 - it replaces open
        __tracebackhide__ = True
        real = to_real(file)
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


class _FileIOType(type):
    """``isinstance(f, io.FileIO)`` stays true for every file, opened by whatever means."""

    def __instancecheck__(cls, instance: Any) -> bool:
        return isinstance(instance, _REAL_FILEIO)

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, _REAL_FILEIO)


_REAL_FILEIO = io.FileIO


class FileIO(_REAL_FILEIO, metaclass=_FileIOType):  # type: ignore[misc]
    """``io.FileIO`` with "/tmp/..." names redirected."""

    def __init__(self, file: Any, *args: Any, **kwargs: Any) -> None:
        __tracebackhide__ = True
        real = to_real(file)
        super().__init__(real, *args, **kwargs)
        if real is not file:
            self.name = os.fspath(file)


def _scandir(real_scandir: Callable[..., Any]) -> Any:
    @functools.wraps(real_scandir)
    def scandir(path: Any = ".") -> Any:
        __tracebackhide__ = True
        real = to_real(path)
        iterator = real_scandir(real)
        return iterator if real is path else _FakeScandir(iterator, os.fspath(path))

    return scandir


def _sqlite_connect(real_connect: Callable[..., Any]) -> Any:
    @functools.wraps(real_connect)
    def connect(database: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(database, str) and database.startswith("file:") and kwargs.get("uri"):
            path, sep, query = database[5:].partition("?")
            database = f"file:{to_real(path)}{sep}{query}"
        else:
            database = to_real(database)
        return real_connect(database, *args, **kwargs)

    return connect


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


def _patches() -> list[Patch]:
    """What to patch now: the wrappers (made once) and the modules' openers bound to the real
    open (a module imported afresh binds it again)."""
    patches = list(_wrappers())
    for module_name, name in _BOUND_OPENERS:
        module = sys.modules.get(module_name)
        if module is not None and getattr(module, name, None) is _REAL_OPEN:
            patches.append((module_name, name, _OPENER))
    for owner in ("pathlib:_NormalAccessor", "glob:_StringGlobber"):
        module_name, _, class_name = owner.partition(":")
        cls = getattr(sys.modules.get(module_name), class_name, None)
        for name, value in list(vars(cls).items()) if cls is not None else ():
            function = value.__func__ if isinstance(value, staticmethod) else value
            wrapper = _BY_ORIGINAL.get(id(function))
            if wrapper is not None:
                patches.append((owner, name, staticmethod(wrapper)))
    return patches


_REAL_OPEN = builtins.open
_OPENER = _opener(_REAL_OPEN)
_BY_ORIGINAL: dict[int, Any] = {}  # id of an original function -> its wrapper


@functools.lru_cache(maxsize=1)
def _wrappers() -> tuple[Patch, ...]:
    import bz2
    import sqlite3
    import tarfile
    import tokenize

    del bz2, tarfile, tokenize  # imported now, so that the openers they bind are the real open
    patches: list[Patch] = []

    def patch(module_name: str, name: str, wrapper: Any) -> None:
        _BY_ORIGINAL[id(getattr(sys.modules[module_name], name))] = wrapper
        patches.append((module_name, name, wrapper))

    for name, count in _OS_PATHS.items():
        if hasattr(os, name):
            patch("os", name, _paths(getattr(os, name), count))
    patch("os", "open", _noting_dir_fd(_paths(os.open, 1)))  # its audit event lacks dir_fd
    patch("os", "readlink", _paths(os.readlink, 1, returns_path=True))
    patch("os", "scandir", _scandir(os.scandir))
    patch("os", "getcwd", functools.wraps(os.getcwd)(lambda: to_fake(_REAL_GETCWD())))
    real_getcwdb = os.getcwdb
    patch("os", "getcwdb", functools.wraps(os.getcwdb)(lambda: to_fake(real_getcwdb())))
    patch("builtins", "open", _OPENER)
    patch("io", "open", _OPENER)
    patch("io", "FileIO", FileIO)
    patch("sqlite3", "connect", _sqlite_connect(sqlite3.connect))
    return tuple(patches)
