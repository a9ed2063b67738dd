"""Output formats: each is a pure function of the findings to text.

Every renderer takes the findings as its one positional argument; some take keywords the CLI
passes when a renderer's signature names them:

- `color: bool` (`text`): ANSI colours;
- `files: list[str] | None` (`junit`): every linted file, so clean files are listed as passing.
"""

from __future__ import annotations

from typing import Callable

from ..finding import Finding
from .github import render_github
from .gitlab import render_gitlab
from .json_format import render_json
from .json_lines import render_json_lines
from .junit import render_junit
from .sarif import render_sarif
from .statistics import render_statistics
from .text import render_text

Renderer = Callable[[list[Finding]], str]

FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "json-lines": render_json_lines,
    "sarif": render_sarif,
    "github": render_github,
    "gitlab": render_gitlab,
    "junit": render_junit,
}

__all__ = ["FORMATS", "Renderer", "render_statistics"]
