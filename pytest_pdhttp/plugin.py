"""The pytest11 entry point: markers, ini options, the strict check after each test, fixtures."""

from __future__ import annotations

import dataclasses
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from . import strict, tempfiles, tmpaudit, tmpdir
from .context import Pipedream
from .http import HttpSettings, StrictRequestsMock
from .markers import (
    PD_KEYWORDS,
    env_items,
    http_settings,
    ini_name,
    marker_kwargs,
)
from .netguard import NetworkGuard

_INI_HELP = {
    "assert_all_requests_are_fired": "pd_http: fail tests that leave a registered response unused",
    "assert_all_requests_were_expected": "pd_http: fail tests whose requests match no response",
    "allow_network": "pd_http: let tests open real (non-loopback) network connections",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    for keyword, default in dataclasses.asdict(HttpSettings()).items():
        parser.addini(ini_name(keyword), _INI_HELP[keyword], type="bool", default=default)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"pd({', '.join(f'{k}=None' for k in PD_KEYWORDS)}): pre-fill the pd fixture "
        "(inputs, earlier steps, trigger event) and patch os.environ with env",
    )
    config.addinivalue_line(
        "markers",
        "pd_http(assert_all_requests_are_fired=True, assert_all_requests_were_expected=True, "
        "allow_network=False): relax pd_http's strictness for this test",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    try:
        result = yield
    except BaseException as exc:
        problems = strict.collect(item, test_failed=True)
        if problems and not isinstance(exc, pytest.skip.Exception):
            text = "\n\n".join(problems)
            if hasattr(exc, "add_note"):
                exc.add_note(text)
            else:  # Python 3.10
                item.add_report_section("call", "pytest-pdhttp", text)
        raise
    strict.fail_if_any(strict.collect(item, test_failed=False))
    return result


@pytest.fixture
def pd_tmp(
    request: pytest.FixtureRequest, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """A real directory standing in for the step's /tmp while the test runs."""
    root = tmp_path / "pd_tmp"
    root.mkdir()
    keep = tmpdir.never_moved(tmp_path_factory.getbasetemp(), request.config.rootpath)
    tmp_map = tmpdir.TmpMap(root, keep)
    watch = tmpaudit.RealTmpWatch(tmp_map)
    strict.register(request.node, watch)
    with pytest.MonkeyPatch.context() as monkeypatch, tmpaudit.watching(watch):
        tmpdir.install(tmp_map, monkeypatch)
        tempfiles.install(tmp_map, monkeypatch)
        yield root
    strict.fail_if_any(watch.problems(test_failed=True))


@pytest.fixture
def _pd_network_guard(request: pytest.FixtureRequest) -> Iterator[NetworkGuard]:
    """Refuse real (non-loopback) connections while ``pd`` or ``pd_http`` is active."""
    settings = http_settings(request.node)
    guard = NetworkGuard(lambda: settings.allow_network)
    strict.register(request.node, guard)
    with pytest.MonkeyPatch.context() as monkeypatch:
        guard.install(monkeypatch)
        yield guard
    strict.fail_if_any(guard.problems(test_failed=True))


@pytest.fixture
def pd_http(
    request: pytest.FixtureRequest, _pd_network_guard: NetworkGuard
) -> Iterator[StrictRequestsMock]:
    """A started, strict ``responses.RequestsMock``; real network access is refused."""
    mock = StrictRequestsMock(http_settings(request.node))
    _pd_network_guard.allowed = lambda: mock.allow_network
    strict.register(request.node, mock)
    mock.start()
    try:
        yield mock
    finally:
        mock.stop(allow_assert=False)
        mock.reset()
    strict.fail_if_any(mock.problems(test_failed=True))


@pytest.fixture
def pd(
    request: pytest.FixtureRequest,
    pd_tmp: Path,
    _pd_network_guard: NetworkGuard,
    monkeypatch: pytest.MonkeyPatch,
) -> Pipedream:
    """The fake step context; relative step paths given to ``pd.run`` start at the test file.

    The test stays offline: real (non-loopback) connections are refused, as under ``pd_http``.
    """
    options = marker_kwargs(request.node, "pd", PD_KEYWORDS)
    for name, value in env_items(options.pop("env", {})):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    return Pipedream(**options, base_dir=request.path.parent)
