"""``tempfile`` inside pd_tmp: files are created in the real directory (so tempfile's own cleanup,
which keeps the real names, works), and every name it hands out reads "/tmp/..."."""

from __future__ import annotations

import functools
import inspect
import os
import tempfile
from collections.abc import Callable
from typing import Any

import pytest

from .redirect import FAKE_ROOT, TmpMap, show_name


def install(tmp_map: TmpMap, monkeypatch: pytest.MonkeyPatch) -> None:
    def in_real_dir(func: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(func)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind_partial(*args, **kwargs)
            bound.arguments["dir"] = tmp_map.to_real(bound.arguments.get("dir")) or tmp_map.real
            return func(*bound.args, **bound.kwargs)

        return wrapper

    mkstemp, mkdtemp = in_real_dir(tempfile.mkstemp), in_real_dir(tempfile.mkdtemp)
    named = in_real_dir(tempfile.NamedTemporaryFile)

    @functools.wraps(tempfile.mkstemp)
    def fake_mkstemp(*args: Any, **kwargs: Any) -> tuple[int, Any]:
        fd, name = mkstemp(*args, **kwargs)
        return fd, tmp_map.to_fake(name)

    @functools.wraps(tempfile.mkdtemp)
    def fake_mkdtemp(*args: Any, **kwargs: Any) -> Any:
        return tmp_map.to_fake(mkdtemp(*args, **kwargs))

    @functools.wraps(tempfile.NamedTemporaryFile)
    def fake_named(*args: Any, **kwargs: Any) -> Any:
        wrapper = named(*args, **kwargs)
        wrapper.name = tmp_map.to_fake(wrapper.name)  # its closer keeps the real name to delete
        show_name(wrapper.file, wrapper.name)
        return wrapper

    class TemporaryDirectory(tempfile.TemporaryDirectory):  # type: ignore[type-arg]
        def __init__(
            self, suffix: Any = None, prefix: Any = None, dir: Any = None, *args: Any, **kwargs: Any
        ) -> None:
            super().__init__(suffix, prefix, tmp_map.to_real(dir) or tmp_map.real, *args, **kwargs)
            self.name = tmp_map.to_fake(self.name)

    replacements = {
        "gettempdir": lambda: FAKE_ROOT,
        "gettempdirb": lambda: os.fsencode(FAKE_ROOT),
        "mkstemp": fake_mkstemp,
        "mkdtemp": fake_mkdtemp,
        "NamedTemporaryFile": fake_named,
        "TemporaryFile": in_real_dir(tempfile.TemporaryFile),
        "TemporaryDirectory": TemporaryDirectory,
    }
    for name, replacement in replacements.items():
        monkeypatch.setattr(tempfile, name, replacement)
