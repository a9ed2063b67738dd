"""The pytest11 entry point: markers, ini options, the strict check after each test, fixtures."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Generator, Iterator, Mapping
from pathlib import Path

import pytest
import requests.adapters

from . import _strict as strict
from ._tmp import audit as tmpaudit
from ._tmp import redirect as tmpdir
from ._tmp import tempfiles
from ._tmp.readonly import ReadOnlyFileSystem, coverage_data_files
from ._pd.context import Pipedream
from ._http.mock import HttpSettings, StrictRequestsMock
from ._markers import (
    PD_KEYWORDS,
    env_items,
    http_cassette,
    http_registry,
    http_settings,
    ini_name,
    marker_kwargs,
)
from ._http.cassette import wiring as cassettes
from ._http.guard import session as guard
from ._http.redact import Redactor, SecretValues, auth_values, redact_report, test_secrets

PD_CONTEXT = pytest.StashKey[Pipedream]()
_STEP_FIXTURES = frozenset({"pd", "pd_http"})

_INI_HELP = {
    "assert_all_requests_are_fired": "pd_http: fail tests that leave a registered response unused",
    "assert_all_requests_were_expected": "pd_http: fail tests whose requests match no response",
    "allow_network": "pd_http: let tests (and collection, and every fixture) reach hosts the "
    "network guard does not allow",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    for keyword, default in dataclasses.asdict(HttpSettings()).items():
        parser.addini(ini_name(keyword), _INI_HELP[keyword], type="bool", default=default)
    guard.add_ini(parser)
    group = parser.getgroup("pdhttp", "pytest-pdhttp")
    cassettes.add_options(parser, group)
    group.addoption(
        "--pdlint",
        action="store_true",
        default=False,
        help="also run pdlint: one test item per Python/Markdown file, failing with its findings",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    guard.start(early_config)  # before any conftest is imported


def pytest_configure(config: pytest.Config) -> None:
    guard.start(config)  # when loaded too late for the hook above (pytest_plugins in a conftest)
    config.addinivalue_line("markers", "pdlint: pdlint's check of one file (pytest --pdlint)")
    if config.getoption("pdlint", False):
        from . import _pdlint as pdlint

        pdlint.configure(config)
    config.addinivalue_line(
        "markers",
        f"pd({', '.join(f'{k}=None' for k in PD_KEYWORDS)}): pre-fill the pd fixture "
        "(inputs, earlier steps, trigger event) and patch os.environ with env",
    )
    config.addinivalue_line(
        "markers",
        "pd_http(assert_all_requests_are_fired=True, assert_all_requests_were_expected=True, "
        "allow_network=False, allowed_hosts=None, cassette=None, record_mode=None, match_on=None, "
        "match_ignore=None, before_record=None, drop_headers=None, keep_headers=None, "
        "registry=FirstMatchRegistry): relax pd_http's strictness or the network guard for this "
        "test, replay a recorded cassette (record it with --pd-record), or match in another order "
        "(registry=responses.registries.OrderedRegistry)",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    try:
        result = yield
    except BaseException as exc:
        if isinstance(exc, Exception) or type(exc) is pytest.fail.Exception:
            strict.note(exc, strict.collect(item, failure=exc))
        raise
    strict.fail_if_any(strict.collect(item))
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if (report.longrepr is not None or report.sections) and _STEP_FIXTURES & set(
        getattr(item, "fixturenames", ())
    ):
        redact_report(report, SecretValues(secrets_of(item)))
    return report


def secrets_of(node: pytest.Item) -> set[str]:
    """The secret values a test's traffic and failures may show (see ``redact.test_secrets``).
    Never fails: a bad ``pd`` marker is reported by the fixture, and this runs for its report."""
    context = node.stash.get(PD_CONTEXT, None)
    env, inputs = (
        next((m.kwargs[k] for m in node.iter_markers("pd") if k in m.kwargs), None)
        for k in ("env", "inputs")
    )  # the marker's inputs too: a test may use pd_http without pd (or replace pd.inputs)
    return test_secrets(
        context.inputs if context is not None else {}, env if isinstance(env, Mapping) else {}
    ) | auth_values(inputs if isinstance(inputs, Mapping) else {})


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
    with tmpdir.redirecting(tmp_map, tempfiles.patches()), tmpaudit.listening(watch):
        yield root
    strict.fail_if_any(watch.problems(test_failed=True))


@pytest.fixture
def pd_http(request: pytest.FixtureRequest) -> Iterator[StrictRequestsMock]:
    """A started, strict ``responses.RequestsMock``; real network access is refused.

    With ``@pytest.mark.pd_http(cassette="name")`` it answers from that cassette; with
    ``--pd-record`` too, it lets such a test reach the network and writes the cassette.
    """
    __tracebackhide__ = True  # a hook's or a cassette's error is shown without this fixture's code
    node = request.node

    def secrets() -> set[str]:
        return secrets_of(node)

    cassette = cassettes.open_cassette(request, secrets)
    real_send = cassette.real_send(requests.adapters.HTTPAdapter.send) if cassette else None
    mock = StrictRequestsMock(
        http_settings(node), real_adapter_send=real_send, registry=http_registry(node)
    )
    recording = cassette is not None and cassette.recording
    scope = guard.scope_of(node)
    if scope is not None:
        scope.allow_override = lambda: mock.allow_network or recording
    if recording:
        guard.follow_proxies(node)
    mock.redact = lambda text: Redactor(secrets()).text(text)  # what a failure message shows
    mock._journal.shown = lambda sent: Redactor(secrets()).request(sent)  # a miss's request
    if cassette is not None:
        cassette.attach(mock)
    strict.register(node, mock)
    mock.start()
    try:
        yield mock
    finally:
        mock.stop(allow_assert=False)
        mock.reset()
        if cassette is not None:
            cassette.close()
    strict.fail_if_any(mock.problems(test_failed=True))


@pytest.fixture
def pd(
    request: pytest.FixtureRequest,
    pd_tmp: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Pipedream:
    """The fake step context; relative step paths given to ``pd.run`` start at the test file.

    The test stays offline: the network guard refuses every host but loopback, as everywhere.
    While a step runs, the file system is read-only outside /tmp, as on the platform.
    """
    options = marker_kwargs(request.node, "pd", PD_KEYWORDS)
    for name, value in env_items(options.pop("env", {})):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    context = Pipedream(**options, base_dir=request.path.parent)
    read_only = ReadOnlyFileSystem(
        [pd_tmp, tmp_path_factory.getbasetemp()], prefixes=coverage_data_files()
    )
    context._around_step = read_only.enforced
    request.node.stash[PD_CONTEXT] = context  # its $auth values are redacted from cassettes
    if http_cassette(request.node) is not None and "pd_http" not in request.fixturenames:
        request.getfixturevalue("pd_http")  # a cassette needs pd_http, even if the test omits it
    return context
