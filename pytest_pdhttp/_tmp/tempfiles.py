"""``tempfile`` inside pd_tmp: files are created in the real directory (so tempfile's own cleanup,
which keeps the real names, still works after the test), and every name it hands out reads
"/tmp/..."."""

from __future__ import annotations

import functools
import inspect
import os
import tempfile
from collections.abc import Callable
from typing import Any

from .redirect import FAKE_ROOT, Patch, current, show_name, to_fake


def _real_dir(dir: Any) -> Any:
    """Where to create: the real counterpart of ``dir``, or of /tmp when none is given."""
    tmp_map = current()
    if tmp_map is None:
        return dir
    return tmp_map.to_real(dir) if dir is not None else tmp_map.real


def _in_real_dir(func: Callable[..., Any]) -> Callable[..., Any]:
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bound = signature.bind_partial(*args, **kwargs)
        bound.arguments["dir"] = _real_dir(bound.arguments.get("dir"))
        return func(*bound.args, **bound.kwargs)

    return wrapper


_REAL_TEMPORARY_DIRECTORY = tempfile.TemporaryDirectory


class TemporaryDirectory(_REAL_TEMPORARY_DIRECTORY):  # type: ignore[type-arg,misc]
    def __init__(
        self, suffix: Any = None, prefix: Any = None, dir: Any = None, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(suffix, prefix, _real_dir(dir), *args, **kwargs)
        self.name = to_fake(self.name)  # the cleanup finaliser keeps the real name


@functools.lru_cache(maxsize=1)
def patches() -> tuple[Patch, ...]:
    mkstemp, mkdtemp = _in_real_dir(tempfile.mkstemp), _in_real_dir(tempfile.mkdtemp)
    named = _in_real_dir(tempfile.NamedTemporaryFile)
    real_gettempdir, real_gettempdirb = tempfile.gettempdir, tempfile.gettempdirb

    @functools.wraps(tempfile.mkstemp)
    def fake_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, Any]:
        fd, name = mkstemp(*args, **kwargs)
        return fd, to_fake(name)

    @functools.wraps(tempfile.mkdtemp)
    def fake_mkdtemp(*args: Any, **kwargs: Any) -> Any:
        return to_fake(mkdtemp(*args, **kwargs))

    @functools.wraps(tempfile.NamedTemporaryFile)
    def fake_named(*args: Any, **kwargs: Any) -> Any:
        wrapper = named(*args, **kwargs)
        fake = to_fake(wrapper.name)
        if fake is not wrapper.name:
            wrapper.name = fake  # its closer keeps the real name to delete
            show_name(wrapper.file, fake)
        return wrapper

    @functools.wraps(tempfile.gettempdir)
    def gettempdir() -> str:
        return FAKE_ROOT if current() is not None else real_gettempdir()

    @functools.wraps(tempfile.gettempdirb)
    def gettempdirb() -> bytes:
        return os.fsencode(FAKE_ROOT) if current() is not None else real_gettempdirb()

    replacements = {
        "gettempdir": gettempdir,
        "gettempdirb": gettempdirb,
        "mkstemp": fake_mkstemp,
        "mkdtemp": fake_mkdtemp,
        "NamedTemporaryFile": fake_named,
        "TemporaryFile": _in_real_dir(tempfile.TemporaryFile),
        "TemporaryDirectory": TemporaryDirectory,
    }
    return tuple(("tempfile", name, replacement) for name, replacement in replacements.items())
