"""The labelled secret-detection corpus: `load_corpus()` returns every case, no pytest needed.

Each `<category>.py` file in this directory holds the cases of one category, each introduced by a
marker line::

    # --- case: <id> label=positive|negative

and running to the next marker (or the end of the file). Lines before the first marker are the
file's header and belong to no case. See README.md for what the labels mean.

    >>> from tests.lint.secrets_corpus import load_corpus
    >>> cases = load_corpus()
    >>> cases[0].id, cases[0].label, cases[0].category

The module has no dependency outside the standard library, so a benchmark script can also load it
by path (``importlib.util.spec_from_file_location``) without installing anything.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

__all__ = ["Case", "CORPUS_DIR", "LABELS", "load_corpus", "parse_corpus_file"]

CORPUS_DIR = Path(__file__).resolve().parent
LABELS = ("positive", "negative")
MARKER = re.compile(r"^# --- case: (?P<id>[A-Za-z0-9_.\-]+) label=(?P<label>[a-z]+)\s*$")


class Case(NamedTuple):
    id: str
    code: str
    label: str  # "positive": PD104 must report at least one finding; "negative": none
    category: str

    @property
    def positive(self) -> bool:
        return self.label == "positive"


def parse_corpus_file(path: Path) -> list[Case]:
    """The cases of one category file, in file order."""
    category = path.stem
    cases: list[Case] = []
    current: tuple[str, str] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            while lines and not lines[-1].strip():
                lines.pop()
            code = "\n".join(lines) + "\n"
            if not code.strip():
                raise ValueError(f"{path.name}: case {current[0]} is empty")
            cases.append(Case(current[0], code, current[1], category))

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("# --- case:"):
            match = MARKER.match(line)
            if match is None or match["label"] not in LABELS:
                raise ValueError(f"{path.name}:{number}: bad case marker {line!r}")
            close()
            current, lines = (match["id"], match["label"]), []
        elif current is not None:
            lines.append(line)
    close()
    return cases


def load_corpus(directory: Path | str | None = None) -> list[Case]:
    """Every case of every category file, sorted by category then file order. Ids are unique."""
    root = Path(directory) if directory is not None else CORPUS_DIR
    cases: list[Case] = []
    for path in sorted(root.glob("*.py")):
        if path.name.startswith("_"):
            continue
        cases.extend(parse_corpus_file(path))
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise ValueError(f"duplicate case id {case.id!r}")
        seen.add(case.id)
    return cases
