"""Python blocks in reStructuredText, as snippets mapped back to the `.rst` file.

What is linted:

- `.. code-block:: LANG`, `.. code:: LANG` and `.. sourcecode:: LANG` with LANG `python`, `py`,
  `python3` or `py3` (Python), `pycon` or `python-console` (a console session: `>>>`/`...`
  prompts stripped, output lines dropped, as in Markdown); Sphinx's `.. testcode::`,
  `.. testsetup::` and `.. testcleanup::` (Python) and `.. doctest::` (a console session).
  Option lines (`:linenos:`, `:caption: ...`, `:emphasize-lines: 2,3`, ...) are skipped, the
  indented body is dedented, and every position maps to the `.rst` file. A block in one of these
  that does not parse is a PD001 finding, as a Markdown fence is.
- Literal blocks: the indented block after a paragraph that ends with `::` (`Example::`,
  `Example: ::`) or after a lone `::` line, and `code-block`/`code`/`sourcecode` without a
  language. Sphinx highlights these with its default language, Python unless a
  `.. highlight:: LANG` directive earlier in the file names another one, and so they are linted
  as Python — but only when they parse (after `>>>` prompts are stripped, for a block that opens
  with one) and hold more than data: literal blocks hold shell commands, HTTP exchanges and
  program output as often as Python, so one that does not parse is taken for something else and
  skipped, never a PD001, and one that is only literals and names (JSON output, which parses as a
  dict) is skipped too.
  After `.. highlight:: none` (or `bash`, `text`, ...) literal blocks are not linted at all.
- Doctest blocks: a paragraph that starts with `>>>` (a console session, as `pycon`).

Blocks nest: a code block inside `.. note::`, `.. tab::`, a list item or any other directive is
found by its indentation. The bodies of code, literal and other verbatim directives (`raw`,
`math`, comments, ...) are never searched for further blocks.
"""

from __future__ import annotations

import ast
import re
import textwrap
import warnings
from typing import Iterator

from .sources import RST_SUFFIXES, block_snippet


PYTHON_LANGUAGES = frozenset({"python", "py", "python3", "py3"})
PYCON_LANGUAGES = frozenset({"pycon", "python-console"})
# Languages under which Sphinx treats a block as "Python, if it parses".
DEFAULT_LANGUAGES = frozenset({"default"})

CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode"})
# sphinx.ext.doctest: directive -> how its body is read.
DOCTEST_DIRECTIVES = {"testcode": "python", "testsetup": "python", "testcleanup": "python",
                      "doctest": "pycon"}
# Directives whose body is verbatim text, not reStructuredText to search for more blocks.
VERBATIM_DIRECTIVES = frozenset({
    "raw", "math", "parsed-literal", "literalinclude", "csv-table", "productionlist",
    "testoutput", "ipython", "jupyter-execute", "graphviz", "graph", "digraph", "mermaid",
    "plantuml", "highlight", "code-cell",
})

_EXPLICIT = re.compile(r"^(?P<indent>[ \t]*)\.\.(?:[ \t]|$)")
_DIRECTIVE = re.compile(
    r"^(?P<indent>[ \t]*)\.\.[ \t]+(?:\|[^|]+\|[ \t]+)?(?P<name>[A-Za-z0-9][\w:+.-]*?)::"
    r"(?:[ \t]+(?P<argument>.*?))?[ \t]*$"
)
_OPTION = re.compile(r"^[ \t]+:[^:\s][^:]*:(?:[ \t]|$)")
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+\u2022]|\d+[.)]|\(\d+\)|#\.|[A-Za-z][.)])[ \t]+")


def is_rst(path: str) -> bool:
    return path.lower().endswith(RST_SUFFIXES)


def _width(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _block_end(lines: list[str], start: int, parent_indent: int) -> int:
    """Index just past the block that starts at `start`: every line up to the first non-blank
    line indented no deeper than `parent_indent`."""
    end = start
    while end < len(lines) and (not lines[end].strip() or _width(lines[end]) > parent_indent):
        end += 1
    return end


def _language_mode(language: str) -> str | None:
    """How a block in `language` is read: `python`, `pycon`, `lenient` (Python if it parses) or
    None (not Python)."""
    word = language.strip().lower()
    if word in PYTHON_LANGUAGES:
        return "python"
    if word in PYCON_LANGUAGES:
        return "pycon"
    if word in DEFAULT_LANGUAGES:
        return "lenient"
    return None


def _default_mode(highlight: str) -> str | None:
    """How a block in the default language is read (a literal block, a language-less code
    block): like its language, but always leniently."""
    mode = _language_mode(highlight)
    if mode is None:
        return None
    return "pycon-lenient" if mode == "pycon" else "lenient"


def _text_indent(line: str) -> int:
    """Where a paragraph's text starts: after the indentation and any list marker."""
    marker = _LIST_MARKER.match(line)
    return marker.end() if marker else _width(line)


def rst_snippets(text: str) -> Iterator[Snippet]:
    """Yield one snippet per Python block (see the module docstring), in document order."""
    lines = text.splitlines()
    highlight = "default"  # Sphinx's own default: Python 3, leniently
    i = 0
    while i < len(lines):
        line = lines[i]
        indent = _width(line)
        stripped = line.strip()
        directive = _DIRECTIVE.match(line)
        if directive:
            name = directive["name"].lower()
            argument = (directive["argument"] or "").strip()
            end = _block_end(lines, i + 1, indent)
            if name == "highlight":
                highlight = argument.split()[0].lower() if argument else "default"
                i = end
            elif name in CODE_DIRECTIVES or name in DOCTEST_DIRECTIVES:
                if name in DOCTEST_DIRECTIVES:
                    mode: str | None = DOCTEST_DIRECTIVES[name]
                elif argument:
                    mode = _language_mode(argument.split()[0])
                else:
                    mode = _default_mode(highlight)
                if mode is not None:
                    body = i + 1
                    while body < end and lines[body].strip() and _OPTION.match(lines[body]):
                        body += 1
                    snippet = _snippet(lines, body, end, mode)
                    if snippet is not None:
                        yield snippet
                i = end
            elif name in VERBATIM_DIRECTIVES:
                i = end
            else:
                i += 1  # a container (note, admonition, list-table, py:function, ...): look inside
            continue
        explicit = _EXPLICIT.match(line)
        if explicit:
            rest = line[explicit.end():]
            if rest.startswith(("_", "[", "|")):  # a target, footnote, citation or substitution
                i += 1
            else:  # a comment: its body is not markup
                i = _block_end(lines, i + 1, indent)
            continue
        if stripped == "::" or (stripped.endswith("::") and set(stripped) != {":"}):
            end = _block_end(lines, i + 1, _text_indent(line))
            if i + 1 < len(lines) and not lines[i + 1].strip():
                mode = _default_mode(highlight)
                if mode is not None:
                    snippet = _snippet(lines, i + 1, end, mode)
                    if snippet is not None:
                        yield snippet
                i = max(end, i + 1)
                continue
        if stripped.startswith(">>>") and (i == 0 or not lines[i - 1].strip()):
            end = i
            while end < len(lines) and lines[end].strip():
                end += 1
            snippet = _snippet(lines, i, end, "pycon")
            if snippet is not None:
                yield snippet
            i = end
            continue
        i += 1


def _snippet(lines: list[str], start: int, end: int, mode: str) -> Snippet | None:
    """The snippet for file lines `start`..`end - 1` (0-based), or None when there is nothing
    to lint (or, for a lenient mode, when it does not parse). A block in Python whose first line
    is a `>>> ` prompt is a console session."""
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    if start >= end:
        return None
    body = lines[start:end]
    prefix = _common_prefix([line for line in body if line.strip()])
    block = []
    for offset, raw in enumerate(body):
        content = raw[len(prefix):] if raw.startswith(prefix) else raw.lstrip(" \t")
        block.append((start + offset + 1, 0, len(raw) - len(content), content))
    snippet = block_snippet(block, pycon=True if mode.startswith("pycon") else None)
    if snippet is None:
        return None
    snippet.indent = prefix
    if mode.endswith("lenient") and not _parses_as_code(snippet.text):
        return None
    return snippet


def _common_prefix(lines: list[str]) -> str:
    prefixes = [line[: _width(line)] for line in lines]
    common = prefixes[0]
    for prefix in prefixes[1:]:
        while not prefix.startswith(common):
            common = common[:-1]
    return common


def _parses_as_code(source: str) -> bool:
    """Whether a block in the default language is Python code: it parses, and it is more than
    data — a block that is only literals and names (JSON output, a list of values, one word) is
    taken for data even though it parses."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = ast.parse(source)
    except Exception:  # SyntaxError, and whatever else a stray block provokes
        return False
    return any(
        not (isinstance(statement, ast.Expr) and isinstance(statement.value, _DATA_NODES))
        for statement in module.body  # def, class, import, assignment, call, ...
    )


_DATA_NODES = (
    ast.Dict, ast.List, ast.Tuple, ast.Set, ast.Constant, ast.JoinedStr, ast.Name, ast.Attribute,
    ast.UnaryOp, ast.BinOp, ast.Compare,
)
