"""Output formats: each is a pure function of the findings to text.

Every renderer takes the findings as its one positional argument; some take keywords the CLI
passes when a renderer's signature names them:

- `color: bool` (`text`): ANSI colours;
- `files: list[str] | None` (`junit`): every linted file, so clean files are listed as passing.
"""

from __future__ import annotations

import importlib
from typing import Callable

from ..finding import Finding

Renderer = Callable[..., str]

# format -> (module, function); imported only when the format is used, to keep start-up fast.
_RENDERERS = {
    "text": ("text", "render_text"),
    "json": ("json_format", "render_json"),
    "json-lines": ("json_lines", "render_json_lines"),
    "sarif": ("sarif", "render_sarif"),
    "github": ("github", "render_github"),
    "gitlab": ("gitlab", "render_gitlab"),
    "junit": ("junit", "render_junit"),
}


class _Formats(dict):
    def __missing__(self, name: str) -> Renderer:
        module, function = _RENDERERS[name]
        renderer = getattr(importlib.import_module(f"{__name__}.{module}"), function)
        self[name] = renderer
        return renderer

    def __contains__(self, name: object) -> bool:
        return name in _RENDERERS

    def __iter__(self):
        return iter(_RENDERERS)

    def __len__(self) -> int:
        return len(_RENDERERS)


FORMATS: dict[str, Renderer] = _Formats()


def render_statistics(findings: list[Finding]) -> str:
    from .statistics import render_statistics as render

    return render(findings)


__all__ = ["FORMATS", "Renderer", "render_statistics"]
