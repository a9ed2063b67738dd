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
# A blockquote's markers at the start of a line: `> `, `>> `, `> > ` (up to 3 spaces before each).
_QUOTE = re.compile(r"^(?:[ ]{0,3}>[ ]?)+")
# A list item's marker: `- `, `* `, `+ `, `1. `, `1) `, and the spaces after it.
_LIST_ITEM = re.compile(r"^(?P<indent>[ ]*)(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap>[ ]{1,4}|$)")
# Containers whose content is indented four columns by convention: MkDocs admonitions and tabs.
_INDENTED_CONTAINER = re.compile(r"^(?P<indent>[ ]*)(?:!!!|\?\?\?\+?|===)[ ]")


def _fence_tag(info: str) -> str:
    word = info.strip().split(None, 1)[0] if info.strip() else ""
    word = word.strip("{}").lstrip(".")
    return word.split(",", 1)[0].lower()


def _quote_depth(prefix: str) -> int:
    return prefix.count(">")


_ONE_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")


def _quote_prefix(line: str, depth: int) -> str | None:
    """The first `depth` blockquote markers of `line` (`> > `), None when it has fewer (the
    blockquote ends there). Only `depth` are taken: `>>> ` after them is a prompt, not a quote."""
    end = 0
    for _ in range(depth):
        marker = _ONE_QUOTE.match(line, end)
        if marker is None:
            return None
        end = marker.end()
    return line[:end]


def markdown_snippets(text: str) -> Iterator[Snippet]:
    """Yield one snippet per fenced Python (or pycon) block, in document order.

    As CommonMark reads a document: a fence may sit in a blockquote (`> ```python`, the markers
    are stripped from its lines and counted in the columns) or a list item (indented by the
    item's width); a fence indented four columns or more beyond its container is an indented code
    block and not a fence. A block tagged `python` whose first line is a `>>> ` prompt is a
    console session, as one tagged `pycon`."""
    lines = text.splitlines()
    containers: list[int] = []  # content columns of the open list items / indented containers
    i = 0
    while i < len(lines):
        raw = lines[i]
        quote = _QUOTE.match(raw)
        prefix = quote.group(0) if quote else ""
        rest = raw[len(prefix):]
        if not prefix:
            _track_containers(containers, rest)
        match = _FENCE_OPEN.match(rest)
        if (
            not match
            or (match["fence"][0] == "`" and "`" in match["info"])
            or not _fence_indent_allowed(len(match["indent"].expandtabs(4)), [] if prefix else containers)
        ):
            i += 1
            continue
        indent = len(match["indent"].expandtabs(4))
        fence = match["fence"]
        tag = _fence_tag(match["info"])
        depth = _quote_depth(prefix)
        body: list[tuple[int, str, str]] = []  # (file line, quote prefix, content)
        j = i + 1
        while j < len(lines):
            line_prefix = _quote_prefix(lines[j], depth)
            if line_prefix is None:
                break  # the blockquote (and the fence with it) ends
            content = lines[j][len(line_prefix):]
            stripped = content.strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) <= {fence[0]}:
                break
            body.append((j + 1, line_prefix, content))
            j += 1
        if (tag in PYTHON_FENCE_TAGS or tag in PYCON_FENCE_TAGS) and not _skipped(lines, i):
            snippet = block_snippet(
                [(number, len(line_prefix), *_strip_fence_indent(content, indent)) for number, line_prefix, content in body],
                pycon=True if tag in PYCON_FENCE_TAGS else None,
            )
            if snippet is not None:
                prefixes = {line_prefix for _, line_prefix, content in body if content.strip()}
                uniform = len(prefixes) <= 1
                snippet.indent = (next(iter(prefixes)) if len(prefixes) == 1 else "") + " " * indent
                # fixes are written back line by line under one prefix: not under mixed ones
                snippet.span = (i + 2, j) if uniform else None
                yield snippet
        i = j + 1


def _track_containers(containers: list[int], line: str) -> None:
    """Keep the content columns of the list items (and indented containers) that hold `line`."""
    if not line.strip():
        return
    width = len(line) - len(line.lstrip(" "))
    while containers and width < containers[-1]:
        containers.pop()
    item = _LIST_ITEM.match(line)
    if item is not None and item["gap"]:
        gap = len(item["gap"])
        containers.append(len(item["indent"]) + len(item["marker"]) + (gap if gap <= 4 else 1))
        return
    admonition = _INDENTED_CONTAINER.match(line)
    if admonition is not None:
        containers.append(len(admonition["indent"]) + 4)


def _fence_indent_allowed(indent: int, containers: list[int]) -> bool:
    """A fence opens when indented at most three columns beyond the content of its container."""
    base = containers[-1] if containers and indent >= containers[-1] else 0
    return indent - base <= 3


def _skipped(lines: list[str], fence_index: int) -> bool:
    """Is the fence preceded (blank lines aside) by `<!-- pdlint: skip -->`?"""
    k = fence_index - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and _SKIP_MARKER.match(lines[k]) is not None


def _strip_fence_indent(line: str, indent: int) -> tuple[int, str]:
    """(columns removed, the rest): up to `indent` leading spaces, as CommonMark does for fenced
    code content."""
    removed = 0
    while removed < indent and removed < len(line) and line[removed] == " ":
        removed += 1
    return removed, line[removed:]


def is_console_session(first_line: str) -> bool:
    """Does a block whose first non-blank line is this start a console session (`>>> `)?"""
    return _PROMPT.match(first_line.lstrip(" \t")) is not None and first_line.lstrip().startswith(">>>")


def block_snippet(
    lines: list[tuple[int, int, int, str]], pycon: bool | None = None, kind: SnippetKind = "markdown"
) -> Snippet | None:
    """The snippet of a code block of a document: `lines` are (file line, columns removed by the
    container, columns removed by the block's indentation, content). A console session (`pycon`
    True, or None and the first non-blank line is a `>>> ` prompt) keeps the code after `>>> ` and
    `... ` prompts and drops the output lines (and comments before the first prompt). The code is dedented; every line keeps the file
    line and column it came from. None when there is no code."""
    if pycon is None:
        # comments may stand before the first prompt (`# check the API` then `>>> import requests`)
        first = next((content for _, _, _, content in lines
                      if content.strip() and not content.lstrip().startswith("#")), "")
        pycon = is_console_session(first)
    kept: list[str] = []
    origin: list[tuple[int, int]] = []
    for file_line, container, removed, content in lines:
        removed += container
        if pycon:
            prompt = _PROMPT.match(content)
            if not prompt:
                continue
            cut = len(prompt.group(0))
            content, removed = content[cut:], removed + cut
        kept.append(content)
        origin.append((file_line, removed))
    if not any(line.strip() for line in kept):
        return None
    dedented = textwrap.dedent("\n".join(kept)).split("\n")
    line_map = [
        (file_line, removed + (len(before) - len(after) if after else 0))
        for (file_line, removed), before, after in zip(origin, kept, dedented)
    ]
    dedent = next((b[: len(b) - len(a)] for b, a in zip(kept, dedented) if a.strip()), "")
    return Snippet(
        text="\n".join(dedented) + "\n", kind=kind, line_map=line_map, dedent=dedent, pycon=pycon,
        span=(lines[0][0], lines[-1][0]) if lines else None,
    )
