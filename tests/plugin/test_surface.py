"""What a test author sees of the plugin: three fixtures, a small package namespace."""

from __future__ import annotations

import re

import pytest


def plugin_fixtures(output: str) -> list[str]:
    """Fixture names listed under ``fixtures defined from pytest_pdhttp...`` headings."""
    names: list[str] = []
    ours = False
    for line in output.splitlines():
        heading = re.match(r"^-+ fixtures defined from (\S+) -+$", line)
        if heading:
            ours = heading.group(1).startswith("pytest_pdhttp")
        elif ours and re.match(r"^\w", line):
            names.append(line.split(" ", 1)[0])
    return names


@pytest.mark.parametrize("verbosity", [(), ("-v",)], ids=["plain", "verbose"])
def test_fixtures_lists_only_pd_pd_tmp_and_pd_http(pytester, run, verbosity):
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = run("--fixtures", *verbosity)
    assert result.ret == 0
    assert sorted(plugin_fixtures(result.stdout.str())) == ["pd", "pd_http", "pd_tmp"]
