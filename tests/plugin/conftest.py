from __future__ import annotations

from collections.abc import Callable

import pytest

# other installed plugins only slow the inner runs down (hypothesis' alone costs seconds)
UNRELATED_PLUGINS = ("-p", "no:hypothesispytest", "-p", "no:benchmark")


@pytest.fixture
def run(pytester: pytest.Pytester) -> Callable[..., pytest.RunResult]:
    """Run pytest on the pytester directory the way a user would (plugin autoloaded)."""

    def run(*args: str, subprocess: bool = False) -> pytest.RunResult:
        args = ("--strict-markers", "-p", "no:cacheprovider", *UNRELATED_PLUGINS, *args)
        if subprocess:
            return pytester.runpytest_subprocess(*args)
        return pytester.runpytest(*args)

    return run
