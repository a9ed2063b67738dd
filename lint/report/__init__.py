"""Output formats: each is a function of the findings (and the run's counts) to text."""

from __future__ import annotations

from typing import Callable

from ..finding import Finding
from .json_format import render_json
from .text import render_text

Renderer = Callable[[list[Finding]], str]

FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
}
