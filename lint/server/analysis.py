"""What pdlint says about one version of a document: findings for diagnostics at once, fixes
(which need libcst) only when an editor asks for code actions. Everything goes through pdlint's
public API, so the server finds and fixes exactly what `pdlint` and `pytest --pdlint` do."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import pdlint

# Documents the server lints: what `pdlint` lints in a directory.
SUFFIXES = (".py", ".md", ".markdown", ".mdx", ".rst")
# Suffixes for a document without a file (an unsaved buffer), from the editor's language id.
LANGUAGE_SUFFIXES = {"python": ".py", "markdown": ".md", "mdx": ".mdx", "restructuredtext": ".rst"}


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
    path: str
    text: str
    version: int | None
    findings: list[Any]
    options: Any
    _with_fixes: list[Any] | None = field(default=None, repr=False)
    _fixed: dict[bool, str] = field(default_factory=dict, repr=False)

    def findings_with_fixes(self) -> list[Any]:
        """The findings again, each fixable one with the text edit of its fix."""
        if self._with_fixes is None:
            self._with_fixes = (
                pdlint.lint_source(self.text, self.path, self.options, edits=True) if self.findings else []
            )
        return self._with_fixes

    def fixed_text(self, unsafe: bool = False) -> str:
        """What `pdlint --fix` (`--unsafe-fixes`) writes for this text."""
        if unsafe not in self._fixed:
            self._fixed[unsafe] = pdlint.fix_source(self.text, self.path, self.options, unsafe=unsafe).text
        return self._fixed[unsafe]

    def fixed_text_for(self, finding: Any) -> str | None:
        """The text after the fix of this one finding (None when it has none)."""
        return None if finding.edit is None else finding.edit.apply(self.text)

    def with_noqa(self, finding: Any) -> str:
        """The text with a `# noqa` for this one finding."""
        return pdlint.add_noqa(self.text, self.path, [(finding.line, finding.code)])


def analyse(text: str, path: str, version: int | None) -> Analysis:
    try:
        options = pdlint.options_for(path)
    except pdlint.ConfigError as error:
        raise ConfigurationError(str(error)) from None
    # a file the CLI would skip (`exclude`, `markdown = false`) gets no findings here either
    findings = pdlint.lint_source(text, path, options) if options.lints(path) else []
    return Analysis(path, text, version, findings, options)
