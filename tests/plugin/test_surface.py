"""What a test author sees of the plugin: three fixtures, a small package namespace."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

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


PUBLIC = {
    "BrokenStream", "DataStore", "Email", "FlowCall", "NetworkBlockedError", "Pipedream",
    "RealTmpAccessError", "RecordedRequest", "StepResult", "StrictRequestsMock", "UploadedFile",
    "WorkflowResult", "__version__",
}  # fmt: skip
PACKAGE = Path(__file__).resolve().parents[2] / "pytest_pdhttp"


def test_the_package_exports_what_a_test_names_and_nothing_else():
    import pytest_pdhttp

    assert set(pytest_pdhttp.__all__) == PUBLIC
    namespace: dict[str, object] = {}
    exec("from pytest_pdhttp import *", namespace)
    assert set(namespace) - {"__builtins__"} == PUBLIC
    for name in ("Send", "Flow", "HttpSettings", "TmpMap", "NetworkGuard"):
        assert not hasattr(pytest_pdhttp, name), name
    shown = {n for n in dir(pytest_pdhttp) if n.isidentifier() and not n.startswith("_")}
    assert shown - {"plugin"} == PUBLIC - {"__version__"}  # plugin: the pytest11 entry point


def test_errors_a_test_catches_are_named_by_their_public_path(pytester, run):
    """The failure line names the class as a test imports it, not a private module."""
    pytester.makepyfile(
        """
        import _io

        def test_leak(pd_tmp):
            _io.FileIO("/tmp/pdtmp-public-name.txt", "w")
        """
    )
    result = run("-rN")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["E   *pytest_pdhttp.RealTmpAccessError: pd_tmp: blocked access*"])


def test_version_is_the_installed_distributions():
    import pytest_pdhttp

    assert pytest_pdhttp.__version__ == importlib.metadata.version("pytest-pdhttp")
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", pytest_pdhttp.__version__)


def test_only_the_entry_point_and_the_package_are_public_modules():
    public = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if not any(part.startswith("_") for part in path.relative_to(PACKAGE).parts)
    )
    assert public == ["plugin.py"]
    assert {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        "_pd", "_tmp", "_http",
    }  # fmt: skip


_IMPORTED = re.compile(
    r"from pytest_pdhttp(\.[\w.]+)? import (\([^)]*\)|[\w, ]+)|\bpytest_pdhttp\.(\w+)"
)


def test_examples_and_fixture_docs_use_only_public_names():
    root = PACKAGE.parent
    files = [*(root / "examples").rglob("*.py"), *(root / "docs" / "fixtures").glob("*.md"),
             root / "README.md"]  # fmt: skip
    used: dict[str, set[str]] = {}
    for path in files:
        for match in _IMPORTED.finditer(path.read_text(encoding="utf-8")):
            module, names, attribute = match.groups()
            found = {attribute} if attribute else set(re.findall(r"\w+", names))
            if module:
                found = {f"pytest_pdhttp{module}"}
            for name in found:
                used.setdefault(name, set()).add(str(path.relative_to(root)))
    private = {name: sorted(where) for name, where in used.items() if name not in PUBLIC}
    assert not private, f"non-public names used: {private}"


def test_the_mock_overrides_no_private_method_of_responses():
    """Built on responses' public extension points (registry, add, start/stop); the only
    private name it touches is _set_registry, the way responses' own activate(registry=...)
    switches registries, kept so that a registry set that way is journaled too."""
    import responses

    from pytest_pdhttp import StrictRequestsMock

    private = {
        name
        for name in vars(StrictRequestsMock)
        if name.startswith("_") and not name.startswith("__")
        and hasattr(responses.RequestsMock, name)
    }
    assert private == {"_set_registry"}
