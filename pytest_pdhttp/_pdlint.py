"""``pytest --pdlint``: one test item per file pdlint would lint, failing with its findings.

Built on the linter's public API, the way ``pdlint`` itself lints a file: ``pdlint.options_for``
gives the configuration that applies to the file (``[tool.pdlint]`` in ``pyproject.toml`` or
``pdlint.toml``, found upward from it) and whether it is linted at all, ``pdlint.lint_paths`` lints
it with the shared ``.pdlint_cache`` (keyed by file content, rules and configuration, so the CLI
and pytest reuse each other's results), and ``pdlint.report.text.render_text`` gives the message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import pdlint
from pdlint.files import LINTED_SUFFIXES, SKIPPED_DIRECTORIES
from pdlint.report.text import render_text, summary

MARKER = "pdlint"
ITEM_NAME = "PDLINT"


class PdlintFailure(Exception):
    """pdlint found something (or could not read the file); the message is the report."""


class PdlintPlugin:
    """Registered for the session when ``--pdlint`` is given (each xdist worker has its own)."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.caches: dict[str, pdlint.Cache] = {}

    def pytest_collect_file(self, file_path: Path, parent: pytest.Collector) -> PdlintFile | None:
        if file_path.suffix.lower() not in LINTED_SUFFIXES:
            return None
        if _in_skipped_directory(file_path, self.config.rootpath):
            return None
        shown = _shown_path(file_path, self.config.invocation_params.dir)
        try:
            options = pdlint.options_for(shown)
        except pdlint.ConfigError as exc:
            return PdlintFile.from_parent(
                parent, path=file_path, shown=shown, options=None, problem=str(exc)
            )
        if not options.lints(shown):
            return None  # excluded by the configuration, or Markdown with markdown = false
        return PdlintFile.from_parent(
            parent, path=file_path, shown=shown, options=options, problem=None
        )

    def cache_for(self, options: pdlint.Options) -> pdlint.Cache:
        root = pdlint.cache_root(options)
        if root not in self.caches:
            self.caches[root] = pdlint.Cache(root)
        return self.caches[root]

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self) -> None:
        """Save each cache, merged with what other processes (xdist workers) saved meanwhile."""
        for cache in self.caches.values():
            cache.save()  # merges with what other workers saved, under the cache's lock


class PdlintFile(pytest.File):
    def __init__(
        self, *, shown: str, options: pdlint.Options | None, problem: str | None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.shown, self.options, self.problem = shown, options, problem

    def collect(self) -> Iterator[PdlintItem]:
        yield PdlintItem.from_parent(
            self, name=ITEM_NAME, shown=self.shown, options=self.options, problem=self.problem
        )


class PdlintItem(pytest.Item):
    def __init__(
        self, *, shown: str, options: pdlint.Options | None, problem: str | None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.shown, self.options, self.problem = shown, options, problem
        self.add_marker(MARKER)
        # A lint item has no fixtures; plugins written for test functions read `funcargs` of
        # every item (pytest-lsp's `pytest_runtest_call` wrapper fails the item without it).
        self.funcargs: dict[str, Any] = {}

    def runtest(self) -> None:
        if self.options is None:
            raise PdlintFailure(f"pdlint: error: {self.problem}")
        plugin = self.config.stash[PLUGIN]
        # as the pdlint command lints it for its default text output
        report = pdlint.lint_paths(
            [self.shown], self.options, fingerprints=True, jobs=1,
            cache=plugin.cache_for(self.options),
        )
        if report.errors:
            raise PdlintFailure(f"pdlint: error: {report.errors[0]}")
        if report.findings:
            findings = report.findings
            raise PdlintFailure(render_text(findings) + summary(findings))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, PdlintFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, None, str]:
        return self.path, None, f"pdlint {self.shown}"


PLUGIN = pytest.StashKey[PdlintPlugin]()


def configure(config: pytest.Config) -> None:
    plugin = PdlintPlugin(config)
    config.stash[PLUGIN] = plugin
    config.pluginmanager.register(plugin, "pytest-pdhttp-pdlint")


def _in_skipped_directory(path: Path, rootpath: Path) -> bool:
    """Below the rootdir, in a directory pdlint never walks into (.venv, build, node_modules...)."""
    parent = path.parent
    parts = parent.relative_to(rootpath).parts if parent.is_relative_to(rootpath) else parent.parts
    return any(part in SKIPPED_DIRECTORIES or part.endswith(".egg-info") for part in parts)


def _shown_path(path: Path, invocation_dir: Path) -> str:
    """Relative to where pytest was started, as ``pdlint`` shows paths given to it."""
    if path.is_relative_to(invocation_dir):
        return os.path.relpath(path, invocation_dir)
    return str(path)
