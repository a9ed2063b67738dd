"""Load a step file as a fresh module through the import system and find its ``handler(pd)``."""

from __future__ import annotations

import importlib.util
import inspect
import itertools
import re
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from .._tmp.redirect import exempt

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's

_serial = itertools.count(1)


def new_module(path: Path) -> ModuleType:
    """An empty module for the step file, in ``sys.modules`` under a unique name until
    ``forget`` takes it out. The file is the plugin's to read, so it is never redirected into
    pd_tmp, even when it lies under /tmp."""
    exempt(path)
    exempt(path.parent / "__pycache__")  # where the import system caches its bytecode
    if not path.is_file():
        raise FileNotFoundError(f"step file not found: {path}")
    stem = re.sub(r"\W", "_", path.stem)
    name = f"pd_step_{stem}_{next(_serial)}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path} as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    return module


def execute(module: ModuleType) -> None:
    """Run the module-level code, as a cold start does (what ``exec_module`` does, with no frame
    of the import system between the test and the step's line)."""
    loader: Any = module.__spec__.loader  # type: ignore[union-attr]
    try:
        code = loader.get_code(module.__name__)
    except SyntaxError as exc:
        raise exc.with_traceback(None)  # its text names the step's line
    exec(code, module.__dict__)


def forget(module: ModuleType) -> None:
    sys.modules.pop(module.__name__, None)


def call_handler(handler: Callable[[Any], Any], pd: Any) -> Any:
    """Call ``handler(pd)`` as the platform does: synchronously, never awaiting anything."""
    __tracebackhide__ = True
    if _is_async(handler):
        raise TypeError(
            f"async def {getattr(handler, '__name__', 'handler')}(pd): the platform calls a "
            "Python step's handler(pd) synchronously and its result is not awaited, so an async "
            "handler never runs there; write a plain def (and asyncio.run(...) inside it if you "
            "need a coroutine)"
        )
    value = handler(pd)
    if inspect.iscoroutine(value):
        value.close()  # never awaited, as on the platform, but without the RuntimeWarning
        raise TypeError(
            "the handler returned a coroutine: the platform does not await a step's return "
            "value; await it inside the handler (asyncio.run(...)) and return the result"
        )
    return value


def _is_async(handler: Any) -> bool:
    return inspect.iscoroutinefunction(handler) or inspect.iscoroutinefunction(
        getattr(handler, "__call__", None)
    )


def find_handler(module: ModuleType) -> Callable[[Any], Any]:
    handler = getattr(module, "handler", None)
    if not callable(handler):
        raise AttributeError(f"{module.__file__} defines no top-level handler(pd) function")
    return cast("Callable[[Any], Any]", handler)
