"""Turn files into snippets of Python source, with the mapping back to the file's own positions."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Iterator, Literal

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
PYTHON_FENCE_TAGS = frozenset({"python", "py", "python3"})
PYCON_FENCE_TAGS = frozenset({"pycon"})

SnippetKind = Literal["python", "markdown"]


@dataclass
class Snippet:
    """Python source to lint and where each of its lines sits in the file.

    `line_map[i]` is `(file_line, column_offset)` for snippet line `i + 1`.
    An empty `line_map` means the snippet is the whole file (identity mapping).
    """

    text: str
    kind: SnippetKind = "python"
    line_map: list[tuple[int, int]] = field(default_factory=list)
    # Index of the first and last file line (1-based) that the snippet replaces, for fixes.
    span: tuple[int, int] | None = None
    # What was stripped from every line of a fenced block (fence indentation, then common dedent),
    # so a fixed snippet can be written back in place.
    indent: str = ""
    dedent: str = ""
    pycon: bool = False

    def to_file_position(self, line: int, column: int) -> tuple[int, int]:
        """Map a 1-based line and 0-based column in the snippet to 1-based line and column in the file."""
        if not self.line_map:
            return line, column + 1
        index = min(max(line - 1, 0), len(self.line_map) - 1)
        file_line, offset = self.line_map[index]
        return file_line, column + offset + 1


RST_SUFFIXES = (".rst", ".rest")


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def is_document(path: str) -> bool:
    """Markdown or reStructuredText: a file whose code blocks are linted, not the file itself."""
    return path.lower().endswith(MARKDOWN_SUFFIXES + RST_SUFFIXES)


_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")
_PROMPT = re.compile(r"^(>>>|\.\.\.)( |$)")
_SKIP_MARKER = re.compile(r"^\s*<!--\s*pdlint:\s*skip\s*-->\s*$")


def _fence_tag(info: str) -> str:
    word = info.strip().split(None, 1)[0] if info.strip() else ""
    word = word.strip("{}").lstrip(".")
    return word.split(",", 1)[0].lower()


def markdown_snippets(text: str) -> Iterator[Snippet]:
    """Yield one snippet per fenced Python (or pycon) block, in document order."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE_OPEN.match(lines[i])
        if not match or (match["fence"][0] == "`" and "`" in match["info"]):
            i += 1
            continue
        indent = len(match["indent"].expandtabs(4))
        fence = match["fence"]
        tag = _fence_tag(match["info"])
        body_start = i + 1
        j = body_start
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) <= {fence[0]}:
                break
            j += 1
        body = lines[body_start:j]
        if (tag in PYTHON_FENCE_TAGS or tag in PYCON_FENCE_TAGS) and not _skipped(lines, i):
            snippet = _fenced_snippet(body, body_start + 1, indent, pycon=tag in PYCON_FENCE_TAGS)
            if snippet is not None:
                snippet.span = (body_start + 1, j)  # file lines body_start+1 .. j (inclusive)
                yield snippet
        i = j + 1


def _skipped(lines: list[str], fence_index: int) -> bool:
    """Is the fence preceded (blank lines aside) by `<!-- pdlint: skip -->`?"""
    k = fence_index - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and _SKIP_MARKER.match(lines[k]) is not None


def _strip_fence_indent(line: str, indent: int) -> tuple[str, int]:
    """Remove up to `indent` leading spaces, as CommonMark does for fenced code content."""
    removed = 0
    while removed < indent and removed < len(line) and line[removed] == " ":
        removed += 1
    return line[removed:], removed


def _fenced_snippet(body: list[str], first_line: int, indent: int, pycon: bool) -> Snippet | None:
    kept: list[str] = []
    origin: list[tuple[int, int]] = []
    for offset, raw in enumerate(body):
        line, removed = _strip_fence_indent(raw, indent)
        if pycon:
            prompt = _PROMPT.match(line)
            if not prompt:
                continue
            cut = len(prompt.group(0))
            line, removed = line[cut:], removed + cut
        kept.append(line)
        origin.append((first_line + offset, removed))
    if not any(line.strip() for line in kept):
        return None
    dedented = textwrap.dedent("\n".join(kept)).split("\n")
    line_map = []
    for (file_line, removed), before, after in zip(origin, kept, dedented):
        line_map.append((file_line, removed + (len(before) - len(after) if after else 0)))
    common = _common_dedent(kept, dedented)
    text = "\n".join(dedented) + "\n"
    return Snippet(text=text, kind="markdown", line_map=line_map, indent=" " * indent, dedent=common, pycon=pycon)


def _common_dedent(before: list[str], after: list[str]) -> str:
    for b, a in zip(before, after):
        if a.strip():
            return b[: len(b) - len(a)]
    return ""
