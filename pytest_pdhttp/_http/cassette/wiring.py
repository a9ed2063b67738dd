"""What pytest gives a cassette: ``--pd-record[=MODE]``, the ini options, the marker, the
``pd_http_cassette_config`` fixture, and where the files go."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ..._markers import HTTP_KEYWORDS, http_cassette, marker_kwargs
from ..._tmp import redirect as tmpdir
from .format import CassetteError
from .options import RECORD_MODES

if TYPE_CHECKING:
    from .session import Cassette

CASSETTE_DIR_INI = "pd_http_cassette_dir"
DROP_HEADERS_INI = "pd_http_cassette_drop_headers"
KEEP_HEADERS_INI = "pd_http_cassette_keep_headers"
CONFIG_FIXTURE = "pd_http_cassette_config"


def add_options(parser: pytest.Parser, group: pytest.OptionGroup) -> None:
    parser.addini(
        CASSETTE_DIR_INI,
        "pd_http: directory of the cassettes (relative to the ini file; default: 'cassettes' "
        "next to each test file); each test module has a subdirectory",
        default="",
    )
    parser.addini(
        DROP_HEADERS_INI,
        "pd_http: headers left out of recordings, besides the volatile ones (Date, Server, "
        "X-Request-Id, CF-Ray, Age, ...)",
        type="args",
        default=[],
    )
    parser.addini(
        KEEP_HEADERS_INI,
        "pd_http: volatile headers to keep in recordings after all",
        type="args",
        default=[],
    )
    group.addoption(
        "--pd-record",
        action="store_const",
        const="all",
        dest="pd_record",
        default=None,
        help="--pd-record[=MODE]: let tests marked @pytest.mark.pd_http(cassette=...) reach the "
        "real network and write their cassettes, credentials redacted. MODE: all (the default: "
        "record again), once (record missing cassettes only), new_episodes (replay what is "
        "recorded, record what is not), none (replay only, as without the option)",
    )
    for mode in RECORD_MODES:  # "--pd-record" alone must not swallow the path that follows it
        group.addoption(
            f"--pd-record={mode}",
            action="store_const",
            const=mode,
            dest="pd_record",
            help=argparse.SUPPRESS,
        )


def open_cassette(request: pytest.FixtureRequest, secrets: Callable[[], set[str]]) -> Cassette | None:
    """The test's cassette (None without ``cassette=``); a problem fails the setup, one line."""
    node = request.node
    name = http_cassette(node)
    if name is None:
        return None
    config = node.config
    rootpath = config.rootpath
    from .session import Cassette

    problem = None
    try:
        return Cassette.for_test(
            name,
            cassette_directory(node),
            config.getoption("pd_record", None),
            marker_kwargs(node, "pd_http", HTTP_KEYWORDS),
            _config_fixture(request),
            config.getini(DROP_HEADERS_INI),
            config.getini(KEEP_HEADERS_INI),
            secrets,
            lambda path: _shown(path, rootpath),
        )
    except CassetteError as exc:
        problem = str(exc)
    from ... import _strict as strict

    strict.fail(problem)


def _config_fixture(request: pytest.FixtureRequest) -> object:
    """The value of a ``pd_http_cassette_config`` fixture the test can see (a ``conftest.py``
    defines it, as ``vcr_config`` for pytest-recording); none: no options from there."""
    try:
        return request.getfixturevalue(CONFIG_FIXTURE)
    except pytest.FixtureLookupError:
        return None


def cassette_directory(node: pytest.Item) -> Path:
    """``<cassette dir>/<test module>``; the cassette dir defaults to ``cassettes`` beside it."""
    configured = node.config.getini(CASSETTE_DIR_INI)
    if configured:
        base = Path(configured).expanduser()
        if not base.is_absolute():
            inipath = node.config.inipath
            base = (inipath.parent if inipath else node.config.rootpath) / base
    else:
        base = node.path.parent / "cassettes"
    tmpdir.exempt(base)  # the plugin's own files, even under /tmp
    return base / node.path.stem


def _shown(path: Path, rootpath: Path) -> str:
    try:
        return str(path.relative_to(rootpath))
    except ValueError:
        return os.fspath(path)
