from __future__ import annotations

from collections.abc import Callable

import pytest

from .outside_world import outside  # noqa: F401  (a fixture for the guard tests)

# other installed plugins only slow the inner runs down (hypothesis' alone costs seconds)
UNRELATED_PLUGINS = (
    "-p", "no:hypothesispytest", "-p", "no:benchmark",
    # installed for the language-server tests (tests/lint/server) only
    "-p", "no:asyncio", "-p", "no:pytest-lsp",
)


@pytest.fixture
def run(pytester: pytest.Pytester) -> Callable[..., pytest.RunResult]:
    """Run pytest on the pytester directory the way a user would (plugin autoloaded)."""

    def run(*args: str, subprocess: bool = False) -> pytest.RunResult:
        # An in-process run re-marks this distribution's packages for assertion rewriting although
        # the outer session imported them already: a harness artefact, not the suite's warning.
        args = (
            "--strict-markers", "-p", "no:cacheprovider", *UNRELATED_PLUGINS, *args,
            "-W", "ignore::pytest.PytestAssertRewriteWarning",
        )
        if subprocess:
            return pytester.runpytest_subprocess(*args)
        return pytester.runpytest(*args)

    return run
