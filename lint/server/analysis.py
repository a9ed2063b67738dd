"""What pdlint says about one version of a document: findings for diagnostics at once, fixes
(which need libcst) only when an editor asks for code actions. Everything goes through pdlint's
public API, so the server finds and fixes exactly what `pdlint` and `pytest --pdlint` do."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Any

import pdlint
from pdlint.files import LINTED_SUFFIXES as SUFFIXES  # what `pdlint` lints in a directory

# Suffixes for a document without a file (an unsaved buffer), from the editor's language id
# (VS Code's ids; Neovim and Helix send their file type, `rst`).
LANGUAGE_SUFFIXES = {
    "python": ".py", "markdown": ".md", "mdx": ".mdx", "restructuredtext": ".rst", "rst": ".rst",
}
BOM = "\ufeff"


def lintable_path(path: str | None, language_id: str | None, root: str) -> str | None:
    """The path pdlint should treat the document as being at, or None when it lints no such file."""
    if path is not None:
        return path if path.lower().endswith(SUFFIXES) else None
    suffix = LANGUAGE_SUFFIXES.get((language_id or "").lower())
    return None if suffix is None else os.path.join(root, "untitled" + suffix)


class ConfigurationError(Exception):
    """The configuration that governs a document is invalid (the message says where and why)."""


@dataclass
class Analysis:
    """Findings and fixes for the document's `text`. A leading byte order mark (sent by a client
    that keeps it in the text) is left out of what pdlint reads, as the CLI leaves it out when it
    decodes the file, and kept in every text given back; columns on the first line count it."""

    path: str
    text: str
    version: int | None
    findings: list[Any]
    options: Any
    _with_fixes: list[Any] | None = field(default=None, repr=False)
    _fixed: dict[bool, str] = field(default_factory=dict, repr=False)

    @property
    def bom(self) -> str:
        return BOM if self.text.startswith(BOM) else ""

    @property
    def source(self) -> str:
        """The text pdlint reads."""
        return self.text[len(self.bom):]

    def findings_with_fixes(self) -> list[Any]:
        """The findings again, each fixable one with the text edit of its fix."""
        if self._with_fixes is None:
            self._with_fixes = _after_bom(
                pdlint.lint_source(self.source, self.path, self.options, edits=True) if self.findings else [],
                self.bom,
            )
        return self._with_fixes

    def fixed_text(self, unsafe: bool = False) -> str:
        """What `pdlint --fix` (`--unsafe-fixes`) writes for this text."""
        if unsafe not in self._fixed:
            fixed = pdlint.fix_source(self.source, self.path, self.options, unsafe=unsafe).text
            self._fixed[unsafe] = self.bom + fixed
        return self._fixed[unsafe]

    def fixed_text_for(self, finding: Any) -> str | None:
        """The text after the fix of this one finding (None when it has none)."""
        return None if finding.edit is None else self.bom + finding.edit.apply(self.source)

    def with_noqa(self, finding: Any) -> str:
        """The text with a `# noqa` for this one finding."""
        return self.bom + pdlint.add_noqa(self.source, self.path, [(finding.line, finding.code)])


def analyse(text: str, path: str, version: int | None) -> Analysis:
    try:
        options = pdlint.options_for(path)
    except pdlint.ConfigError as error:
        raise ConfigurationError(str(error)) from None
    result = Analysis(path, text, version, [], options)
    # a file the CLI would skip (`exclude`, `markdown = false`) gets no findings here either
    if options.lints(path):
        result.findings = _after_bom(pdlint.lint_source(result.source, path, options), result.bom)
    return result


def _after_bom(findings: list[Any], bom: str) -> list[Any]:
    """Findings of the text after `bom` placed in the text with it: first-line columns move."""
    if not bom:
        return findings
    return [
        replace(
            finding,
            column=finding.column + (finding.line == 1),
            end_column=finding.end_column + (finding.end_line == 1),
        )
        for finding in findings
    ]
