"""Real pytest runs: each strictness fails the test itself, not its teardown; markers relax it."""

from __future__ import annotations

import textwrap

import pytest

HEADER = """
import socket

import pytest
import requests

URL = "https://api.example.com/v1/items"
"""


@pytest.fixture
def suite(pytester):
    def write(*bodies: str, ini: str = "") -> None:
        pytester.makepyfile(test_suite=HEADER + "".join(textwrap.dedent(b) for b in bodies))
        if ini:
            pytester.makeini("[pytest]\n" + textwrap.dedent(ini))

    return write


def test_a_clean_test_passes(suite, run):
    suite(
        """
        def test_ok(pd_http):
            pd_http.get(URL, json={"ok": True})
            assert requests.get(URL, timeout=5).json() == {"ok": True}
        """
    )
    run().assert_outcomes(passed=1)


def test_an_unused_response_fails_the_test(suite, run):
    suite(
        """
        def test_unused(pd_http):
            pd_http.get(URL)
            pd_http.post(URL)
            requests.get(URL, timeout=5)
        """
    )
    result = run()
    result.assert_outcomes(failed=1, errors=0)
    result.stdout.fnmatch_lines(
        [
            "*registered responses that were never requested:",
            "*- POST https://api.example.com/v1/items",
        ]
    )
    result.stdout.no_fnmatch_line("*- GET https://api.example.com/v1/items")


def test_a_swallowed_unmatched_request_fails_the_test(suite, run):
    suite(
        """
        def test_swallowed(pd_http):
            pd_http.get(URL)
            requests.get(URL, timeout=5)
            try:
                requests.post(URL, data={"name": "x"}, timeout=5)
            except requests.ConnectionError:
                pass
        """
    )
    result = run()
    result.assert_outcomes(failed=1, errors=0)
    result.stdout.fnmatch_lines(
        [
            "*no registered response matches POST https://api.example.com/v1/items",
            '*body: form {"name": "x"}',
            "*registered responses:",
            "*- GET https://api.example.com/v1/items: Method does not match",
            "*even if the code caught the ConnectionError*",
        ]
    )


def test_unmatched_requests_are_noted_on_a_test_that_fails_anyway(suite, run):
    suite(
        """
        def test_fails(pd_http):
            pd_http.get(URL)
            try:
                requests.get(URL + "/1", timeout=5)
            except requests.ConnectionError:
                pass
            assert False, "the step's own failure"
        """
    )
    result = run("-rN")
    result.assert_outcomes(failed=1, errors=0)
    result.stdout.fnmatch_lines(
        ["*the step's own failure*", "*no registered response matches GET*"]
    )
    result.stdout.no_fnmatch_line("*never requested*")
    assert result.stdout.str().count("no registered response matches GET") == 1  # said once


def test_a_blocked_socket_fails_the_test_even_if_swallowed(suite, run):
    suite(
        """
        def test_socket(pd_http):
            with pytest.raises(OSError, match="pytest-pdhttp blocked real network access"):
                socket.create_connection(("192.0.2.1", 443), timeout=1)
        """
    )
    result = run()
    result.assert_outcomes(failed=1, errors=0)
    result.stdout.fnmatch_lines(["*tried to reach the real network*", "*connect to 192.0.2.1:443"])


def test_dns_lookups_are_blocked_too(suite, run):
    suite(
        """
        def test_dns(pd_http):
            with pytest.raises(OSError):
                socket.getaddrinfo("api.example.com", 443)
        """
    )
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*DNS lookup of 'api.example.com'*"])


def test_loopback_connections_are_allowed(suite, run):
    suite(
        """
        def test_loopback(pd_http):
            with socket.socket() as server:
                server.bind(("127.0.0.1", 0))
                server.listen()
                with socket.create_connection(server.getsockname(), timeout=5):
                    pass
            socket.getaddrinfo("localhost", 80)
        """
    )
    run().assert_outcomes(passed=1)


FAKE_CONNECT = """
@pytest.fixture
def fake_connect(monkeypatch):
    '''Installed before pd_http, so the guard wraps this instead of the real connect.'''
    attempts = []
    monkeypatch.setattr(socket.socket, "connect", lambda sock, address: attempts.append(address))
    return attempts
"""


def test_marker_allows_the_network(suite, run):
    suite(
        FAKE_CONNECT,
        """
        @pytest.mark.pd_http(allow_network=True)
        def test_allowed(fake_connect, pd_http):
            with socket.socket() as sock:
                sock.connect(("192.0.2.1", 443))
            assert fake_connect == [("192.0.2.1", 443)]

        def test_blocked(fake_connect, pd_http):
            with socket.socket() as sock, pytest.raises(OSError):
                sock.connect(("192.0.2.1", 443))
            assert fake_connect == []
        """,
    )
    result = run()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["FAILED test_suite.py::test_blocked*"])


def test_markers_relax_unused_and_unmatched(suite, run):
    suite(
        """
        @pytest.mark.pd_http(assert_all_requests_are_fired=False)
        def test_unused_allowed(pd_http):
            pd_http.get(URL)

        @pytest.mark.pd_http(assert_all_requests_were_expected=False)
        def test_unmatched_allowed(pd_http):
            with pytest.raises(requests.ConnectionError):
                requests.get(URL, timeout=5)

        @pytest.mark.pd_http(assert_all_requests_are_fired=False)
        class TestClassLevel:
            def test_inherits(self, pd_http):
                pd_http.get(URL)

            @pytest.mark.pd_http(assert_all_requests_are_fired=True)
            def test_closest_marker_wins(self, pd_http):
                pd_http.get(URL)
        """
    )
    result = run()
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["FAILED test_suite.py::TestClassLevel::test_closest_marker_wins*"])


def test_ini_options_relax_the_whole_suite_and_markers_tighten_it_again(suite, run):
    suite(
        """
        def test_unused(pd_http):
            pd_http.get(URL)

        def test_unmatched(pd_http):
            try:
                requests.get(URL, timeout=5)
            except requests.ConnectionError:
                pass

        @pytest.mark.pd_http(assert_all_requests_are_fired=True)
        def test_strict_again(pd_http):
            pd_http.get(URL)
        """,
        ini="""
        pd_http_assert_all_requests_are_fired = false
        pd_http_assert_all_requests_were_expected = false
        """,
    )
    result = run()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["FAILED test_suite.py::test_strict_again*"])


def test_ini_allow_network(suite, run):
    suite(
        FAKE_CONNECT,
        """
        def test_allowed(fake_connect, pd_http):
            with socket.socket() as sock:
                sock.connect(("192.0.2.1", 443))
        """,
        ini="pd_http_allow_network = true\n",
    )
    run().assert_outcomes(passed=1)


def test_unknown_marker_keywords_are_an_error(suite, run):
    suite(
        """
        @pytest.mark.pd_http(assert_all_requests_fired=False)
        def test_typo(pd_http):
            pass

        @pytest.mark.pd_http(allow_network="yes")
        def test_not_a_bool(pd_http):
            pass

        @pytest.mark.pd(input={})
        def test_pd_typo(pd):
            pass
        """
    )
    result = run()
    result.assert_outcomes(errors=3)
    for line in (  # one at a time: the tests may run in any order
        "*@pytest.mark.pd_http got unknown keyword(s) assert_all_requests_fired; known: *",
        "*@pytest.mark.pd_http(allow_network=...) takes True or False, got 'yes'",
        "*@pytest.mark.pd got unknown keyword(s) input; known: inputs, steps, event, env",
    ):
        result.stdout.fnmatch_lines([line])


def test_markers_are_registered_for_strict_markers(pytester, run):
    result = run("--markers")
    result.stdout.fnmatch_lines(
        ["@pytest.mark.pd(inputs=None, steps=None, event=None, env=None):*"]
    )
    result.stdout.fnmatch_lines(["@pytest.mark.pd_http(assert_all_requests_are_fired=True*"])


def test_ini_options_are_registered(pytester, run):
    run("--help").stdout.fnmatch_lines(
        ["*pd_http_assert_all_requests_are_fired (bool)*", "*pd_http_allow_network (bool)*"]
    )


# --- one failure, one message -------------------------------------------------------------------


def said(result: pytest.RunResult, text: str) -> int:
    """How often the report says ``text`` (the short summary, which repeats the first line of
    every failure by design, is turned off with -rN)."""
    return result.stdout.str().count(text)


def test_an_unmatched_request_the_code_did_not_catch_is_said_once(suite, run):
    suite(
        """
        def test_unmatched(pd_http):
            pd_http.get(URL)
            requests.post(URL, json={"a": 1}, timeout=5)
        """
    )
    result = run("-rN")
    result.assert_outcomes(failed=1)
    assert said(result, "no registered response matches POST") == 1
    assert said(result, "GET https://api.example.com/v1/items: Method does not match") == 1
    result.stdout.no_fnmatch_line("*pytest_pdhttp*mock.py*")  # the plugin's frames are hidden


def test_a_blocked_connection_the_code_did_not_catch_is_not_repeated_as_a_note(suite, run):
    suite(
        """
        def test_network(pd):
            requests.get("https://api.example.com/v1/items", timeout=5)
        """
    )
    result = run("-rN")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*pytest-pdhttp blocked real network access: DNS lookup*"])
    assert said(result, "tried to reach the real network") == 0
    result.stdout.no_fnmatch_line("*pytest_pdhttp/*guard*")  # no frame of the plugin


def test_a_real_tmp_access_the_code_did_not_catch_is_said_once(pytester, run):
    pytester.makepyfile(
        """
        import _io

        def test_leak(pd_tmp):
            _io.FileIO("/tmp/pdtmp-said-once.txt", "w")
        """
    )
    result = run("-rN")
    result.assert_outcomes(failed=1)
    assert said(result, "open('/tmp/pdtmp-said-once.txt')") == 1
    result.stdout.fnmatch_lines(["*RealTmpAccessError: pd_tmp: blocked access to the real /tmp*"])
    result.stdout.no_fnmatch_line("*pytest_pdhttp*audit.py*")


def test_a_missing_cassette_is_one_error_without_chained_repeats(suite, run):
    suite(
        """
        @pytest.mark.pd_http(cassette="nowhere")
        def test_replay(pd_http):
            pass
        """
    )
    result = run("-rN")
    result.assert_outcomes(errors=1)
    assert said(result, "cassette 'nowhere' not found") == 1
    result.stdout.no_fnmatch_line("*During handling of the above exception*")


def test_an_error_the_step_raises_from_a_caught_plugin_error_shows_it_in_the_chain_only(suite, run):
    suite(
        """
        def test_wrapped(pd_http):
            try:
                requests.get(URL, timeout=5)
            except requests.ConnectionError as exc:
                raise RuntimeError("sync failed") from exc
        """
    )
    result = run("-rN")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*RuntimeError: sync failed*"])
    assert said(result, "no registered response matches GET") == 1


def test_errors_the_plugin_raises_point_at_the_test_or_the_step_not_at_the_plugin(pytester, run):
    """A mistake in a test or a step that the plugin reports (a missing step file, a non-JSON
    return value, a body meant as json=, ...) is shown at the line that made it: no frame of the
    plugin, of contextlib or of the import machinery."""
    steps = pytester.mkdir("steps")
    (steps / "no_handler.py").write_text("def handle(pd):\n    pass\n")
    (steps / "module_level.py").write_text("import os\nKEY = os.environ['NO_SUCH_KEY']\n")
    (steps / "syntax.py").write_text("def handler(pd)\n    pass\n")
    pytester.makepyfile(
        """
        import pytest, requests
        from pytest_pdhttp import BrokenStream

        URL = "https://api.example.com/v1/report"

        def test_missing_step_file(pd):
            pd.run("steps/nope.py")

        def test_no_handler(pd):
            pd.run("steps/no_handler.py")

        def test_module_level_error(pd):
            pd.run("steps/module_level.py")

        def test_syntax_error(pd):
            pd.run("steps/syntax.py")

        def test_return_value_not_json(pd):
            pd.run(lambda pd: {1, 2})

        def test_export_not_json(pd):
            pd.run(lambda pd: pd.export("when", object()))

        def test_missing_data_store_key(pd):
            pd.inputs["data_store"] = pd.data_store()
            pd.run(lambda pd: pd.inputs["data_store"]["nope"])

        def test_flow_delay_out_of_range(pd):
            pd.run(lambda pd: pd.flow.delay(0))

        def test_respond_with_a_str_status(pd):
            pd.run(lambda pd: pd.respond({"status": "200", "body": ""}))

        def test_workflow_step_missing(pd):
            pd.run_workflow(["steps/nope"])

        def test_body_meant_as_json(pd_http):
            pd_http.get(URL, body={"id": 1})

        def test_chunk_meant_as_json(pd_http):
            pd_http.get(URL, body=[{"id": 1}])

        def test_broken_stream(pd_http):
            pd_http.get(URL, body=BrokenStream(b"x" * 100, after=10))
            with requests.get(URL, stream=True, timeout=5) as r:
                b"".join(r.iter_content(10))
        """
    )
    result = run("-rN")
    result.assert_outcomes(failed=13)
    output = result.stdout.str()
    for noise in ("pytest_pdhttp/", "<frozen importlib"):
        assert noise not in output, noise
    result.stdout.fnmatch_lines(
        ['>*pd.run("steps/nope.py")', "E*FileNotFoundError: step file not found: *"],
        consecutive=True,
    )
    result.stdout.fnmatch_lines(
        ['>*pd.run("steps/module_level.py")', "", "*.py:*: ", "_ _ _*",
         "steps/module_level.py:2: in <module>"],
        consecutive=True,
    )  # fmt: skip
    result.stdout.fnmatch_lines(['>*pd.run("steps/syntax.py")', '*File "*syntax.py", line 1'])
