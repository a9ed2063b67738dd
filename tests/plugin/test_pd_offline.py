"""The network guard for every test (with `pd`, `pd_http` or neither); the `pd_http` marker and
the ini options relax it. The "internet" is 127.0.0.2 (see ``outside_world``)."""

from __future__ import annotations

import textwrap

import pytest

from .outside_world import INNER_INI

HEADER = """
import http.client
import os
import socket
import urllib.error
import urllib.request

import pytest
import requests

PORT = int(os.environ["OUTSIDE_TCP"])
OUTSIDE = ("127.0.0.2", PORT)
"""


@pytest.fixture
def suite(pytester):
    def write(*bodies: str, ini: str = "") -> None:
        pytester.makepyfile(test_suite=HEADER + "".join(textwrap.dedent(b) for b in bodies))
        pytester.makeini(INNER_INI + textwrap.dedent(ini))

    return write


def test_every_client_is_blocked_and_reported_even_when_swallowed(suite, run, outside):
    suite(
        """
        def swallow(call):
            try:
                call()
            except OSError as exc:  # requests.ConnectionError and URLError are OSErrors too
                return str(exc)
            raise AssertionError("the connection was not refused")

        def test_socket(pd):
            message = swallow(lambda: socket.create_connection(OUTSIDE, timeout=5))
            assert f"pytest-pdhttp blocked real network access: connect to 127.0.0.2:{PORT}" in message

        def test_urllib(pd):
            swallow(lambda: urllib.request.urlopen(f"http://127.0.0.2:{PORT}/", timeout=5))

        def test_http_client(pd):
            swallow(lambda: http.client.HTTPSConnection("api.example.invalid", timeout=5).request("GET", "/"))

        def test_requests(pd):
            swallow(lambda: requests.get("https://api.example.invalid/v1", timeout=5))

        def test_inside_a_step(pd):
            def handler(pd):
                try:
                    return requests.get(f"http://127.0.0.2:{PORT}/", timeout=5).status_code
                except requests.ConnectionError:
                    return None

            assert pd.run(handler).return_value is None

        def test_without_any_fixture():
            swallow(lambda: socket.create_connection(OUTSIDE, timeout=5))
        """
    )
    result = run()
    result.assert_outcomes(failed=6, errors=0)
    result.stdout.fnmatch_lines(
        [
            "*tried to reach the real network (blocked; it fails the test even if the error was "
            "caught):",
        ]
    )
    port = outside.port(outside.tcp)
    for attempt in (f"connect to 127.0.0.2:{port}", "DNS lookup of 'api.example.invalid'"):
        result.stdout.fnmatch_lines([f"*  {attempt}"])
    assert "teardown" not in result.stdout.str()


def test_a_failing_test_gets_the_blocked_connection_as_a_note(suite, run, outside):
    suite(
        """
        def test_fails(pd):
            try:
                socket.create_connection(OUTSIDE, timeout=5)
            except OSError:
                pass
            assert False, "the step's own failure"
        """
    )
    result = run()
    result.assert_outcomes(failed=1, errors=0)
    result.stdout.fnmatch_lines(
        ["*the step's own failure*", f"*connect to 127.0.0.2:{outside.port(outside.tcp)}"]
    )


def test_the_pd_http_marker_allows_the_network_for_pd_alone(suite, run, outside):
    suite(
        """
        @pytest.mark.pd_http(allow_network=True)
        def test_allowed(pd):
            socket.create_connection(OUTSIDE, timeout=5).close()

        def test_blocked(pd):
            with pytest.raises(OSError, match="pytest-pdhttp blocked"):
                socket.create_connection(OUTSIDE, timeout=5)

        @pytest.mark.pd_http(allow_networks=True)
        def test_typo_is_an_error(pd):
            pass
        """,
    )
    outside.reset_witness()
    result = run()
    result.assert_outcomes(passed=1, failed=1, errors=1)
    result.stdout.fnmatch_lines(
        ["FAILED test_suite.py::test_blocked*", "ERROR test_suite.py::test_typo_is_an_error*"]
    )
    assert outside.take() == 1  # the allowed test's connection, and only that one


def test_the_ini_option_allows_the_network_and_a_marker_tightens_it(suite, run, outside):
    suite(
        """
        def test_allowed(pd):
            socket.create_connection(OUTSIDE, timeout=5).close()

        @pytest.mark.pd_http(allow_network=False)
        def test_marker_tightens_again(pd):
            with pytest.raises(OSError):
                socket.create_connection(OUTSIDE, timeout=5)
        """,
        ini="pd_http_allow_network = true\n",
    )
    outside.reset_witness()
    result = run()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["FAILED test_suite.py::test_marker_tightens_again*"])
    assert outside.take() == 1


def test_pd_with_pd_http_shares_one_guard_and_reports_once(suite, run, outside):
    suite(
        """
        def test_both(pd, pd_http):
            for _ in range(2):
                try:
                    socket.create_connection(OUTSIDE, timeout=5)
                except OSError:
                    pass

        def test_pd_http_switch_still_works(pd, pd_http):
            pd_http.allow_network = True
            socket.create_connection(OUTSIDE, timeout=5).close()
        """,
    )
    outside.reset_witness()
    result = run()
    result.assert_outcomes(passed=1, failed=1)
    failures = result.stdout.str().split("short test summary info")[0]  # CI=true prints it in full
    assert failures.count("tried to reach the real network") == 1
    assert failures.count(f"connect to 127.0.0.2:{outside.port(outside.tcp)}\n") == 2
    assert outside.take() == 1


def test_the_guard_is_on_between_tests_and_off_after_the_session(pytester, run):
    pytester.makepyfile(
        """
        import socket

        import pytest

        @pytest.fixture(scope="module")
        def probe():
            with pytest.raises(OSError, match="pytest-pdhttp blocked"):
                socket.getaddrinfo("between.invalid", 80)

        def test_with_the_fixture(probe):
            pass

        def test_plain():
            with pytest.raises(OSError, match="pytest-pdhttp blocked"):
                socket.getaddrinfo("plain.invalid", 80)
        """
    )
    result = run("-p", "no:randomly")
    result.assert_outcomes(failed=1, errors=1)  # each refusal fails the test that made it
    result.stdout.fnmatch_lines(
        [
            "*ERROR at setup of test_with_the_fixture*",
            "*DNS lookup of 'between.invalid', in module-scoped fixture 'probe'",
            "*test_plain*",
            "*DNS lookup of 'plain.invalid'",
        ]
    )
    from pytest_pdhttp._http.guard import audit

    assert audit.state.listener is not None  # this (outer) session's guard is back in charge
