"""`pd` alone keeps the test offline, as `pd_http` does; the same marker and ini relax it."""

from __future__ import annotations

import textwrap

import pytest

HEADER = """
import http.client
import socket
import urllib.error
import urllib.request

import pytest
import requests
"""

FAKE_CONNECT = """
@pytest.fixture
def fake_connect(monkeypatch):
    '''Installed before pd, so the guard wraps this instead of the real connect.'''
    attempts = []
    monkeypatch.setattr(socket.socket, "connect", lambda sock, address: attempts.append(address))
    return attempts
"""


@pytest.fixture
def suite(pytester):
    def write(*bodies: str, ini: str = "") -> None:
        pytester.makepyfile(test_suite=HEADER + "".join(textwrap.dedent(b) for b in bodies))
        if ini:
            pytester.makeini("[pytest]\n" + textwrap.dedent(ini))

    return write


def test_every_client_is_blocked_and_reported_even_when_swallowed(suite, run):
    suite(
        """
        def swallow(call):
            try:
                call()
            except OSError as exc:  # requests.ConnectionError and URLError are OSErrors too
                return str(exc)
            raise AssertionError("the connection was not refused")

        def test_socket(pd):
            message = swallow(lambda: socket.create_connection(("192.0.2.1", 443), timeout=1))
            assert "pd_http blocked real network access: connect to 192.0.2.1:443" in message

        def test_urllib(pd):
            swallow(lambda: urllib.request.urlopen("http://192.0.2.2/", timeout=1))

        def test_http_client(pd):
            swallow(lambda: http.client.HTTPSConnection("api.example.com", timeout=1).request("GET", "/"))

        def test_requests(pd):
            swallow(lambda: requests.get("https://api.example.com/v1", timeout=1))

        def test_inside_a_step(pd):
            def handler(pd):
                try:
                    return requests.get("https://198.51.100.7/", timeout=1).status_code
                except requests.ConnectionError:
                    return None

            assert pd.run(handler).return_value is None
        """
    )
    result = run()
    result.assert_outcomes(failed=5, errors=0)
    result.stdout.fnmatch_lines(
        [
            "*tried to reach the real network (blocked; it fails the test even if the error was "
            "caught):",
        ]
    )
    for attempt in (
        "connect to 192.0.2.1:443",
        "connect to 192.0.2.2:80",
        "DNS lookup of 'api.example.com'",
        "connect to 198.51.100.7:443",
    ):
        result.stdout.fnmatch_lines([f"*  {attempt}"])
    assert "teardown" not in result.stdout.str()


def test_a_failing_test_gets_the_blocked_connection_as_a_note(suite, run):
    suite(
        """
        def test_fails(pd):
            try:
                socket.create_connection(("192.0.2.1", 443), timeout=1)
            except OSError:
                pass
            assert False, "the step's own failure"
        """
    )
    result = run()
    result.assert_outcomes(failed=1, errors=0)
    result.stdout.fnmatch_lines(["*the step's own failure*", "*connect to 192.0.2.1:443"])


def test_loopback_stays_allowed(suite, run):
    suite(
        """
        def test_loopback(pd):
            with socket.socket() as server:
                server.bind(("127.0.0.1", 0))
                server.listen()
                with socket.create_connection(server.getsockname(), timeout=5):
                    pass
            socket.getaddrinfo("localhost", 80)
        """
    )
    run().assert_outcomes(passed=1)


def test_the_pd_http_marker_allows_the_network_for_pd_alone(suite, run):
    suite(
        FAKE_CONNECT,
        """
        @pytest.mark.pd_http(allow_network=True)
        def test_allowed(fake_connect, pd):
            with socket.socket() as sock:
                sock.connect(("192.0.2.1", 443))
            assert fake_connect == [("192.0.2.1", 443)]

        def test_blocked(fake_connect, pd):
            with socket.socket() as sock, pytest.raises(OSError):
                sock.connect(("192.0.2.1", 443))
            assert fake_connect == []

        @pytest.mark.pd_http(allow_networks=True)
        def test_typo_is_an_error(pd):
            pass
        """,
    )
    result = run()
    result.assert_outcomes(passed=1, failed=1, errors=1)
    result.stdout.fnmatch_lines(
        ["FAILED test_suite.py::test_blocked*", "ERROR test_suite.py::test_typo_is_an_error*"]
    )


def test_the_ini_option_allows_the_network_for_pd_alone(suite, run):
    suite(
        FAKE_CONNECT,
        """
        def test_allowed(fake_connect, pd):
            with socket.socket() as sock:
                sock.connect(("192.0.2.1", 443))
            assert fake_connect == [("192.0.2.1", 443)]

        @pytest.mark.pd_http(allow_network=False)
        def test_marker_tightens_again(fake_connect, pd):
            with socket.socket() as sock, pytest.raises(OSError):
                sock.connect(("192.0.2.1", 443))
        """,
        ini="pd_http_allow_network = true\n",
    )
    result = run()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["FAILED test_suite.py::test_marker_tightens_again*"])


def test_pd_with_pd_http_shares_one_guard_and_reports_once(suite, run):
    suite(
        FAKE_CONNECT,
        """
        def test_both(pd, pd_http):
            for _ in range(2):
                try:
                    socket.create_connection(("192.0.2.1", 443), timeout=1)
                except OSError:
                    pass

        def test_pd_http_switch_still_works(fake_connect, pd, pd_http):
            pd_http.allow_network = True
            with socket.socket() as sock:
                sock.connect(("192.0.2.1", 443))
            assert fake_connect == [("192.0.2.1", 443)]
        """,
    )
    result = run()
    result.assert_outcomes(passed=1, failed=1)
    failures = result.stdout.str().split("short test summary info")[0]  # CI=true prints it in full
    assert failures.count("tried to reach the real network") == 1
    assert failures.count("connect to 192.0.2.1:443\n") == 2


def test_the_guard_is_gone_after_the_test(suite, run):
    suite(
        """
        REAL = (socket.socket.connect, socket.getaddrinfo)

        def test_uses_pd(pd):
            assert (socket.socket.connect, socket.getaddrinfo) != REAL

        def test_after():
            assert (socket.socket.connect, socket.getaddrinfo) == REAL
        """
    )
    run("-p", "no:randomly").assert_outcomes(passed=2)
