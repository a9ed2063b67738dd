"""Issue 13, acceptance (b): every way out the guard once had, tried against an "outside world"
that records what reaches it (``outside_world``). Each attempt must fail its own test with the
guard's report; the listeners and the stand-in resolver must see nothing."""

from __future__ import annotations

import os
import socket

import pytest

from .outside_world import INNER_INI


HEADER = """
import os
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request

import _socket
import pytest
import requests

TCP = ("127.0.0.2", int(os.environ["OUTSIDE_TCP"]))
UDP = ("127.0.0.2", int(os.environ["OUTSIDE_UDP"]))
URL = f"http://127.0.0.2:{TCP[1]}/escape"


def swallow(call):
    '''Catch the refusal: the guard's report, not the exception, must fail the test.'''
    try:
        call()
    except OSError as exc:
        return exc
    return None
"""

ESCAPES = HEADER + '''
def test_socket_connect():
    swallow(lambda: socket.create_connection(TCP, timeout=5))


def test_socket_connect_ex():
    with socket.socket() as sock:
        swallow(lambda: sock.connect_ex(TCP))


def test_low_level_socket_connect():
    sock = _socket.socket()
    swallow(lambda: sock.connect(TCP))
    sock.close()


def test_udp_sendto():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        swallow(lambda: sock.sendto(b"sendto", UDP))


def test_udp_sendmsg():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        swallow(lambda: sock.sendmsg([b"sendmsg"], [], 0, UDP))


def test_low_level_udp_sendto():
    sock = _socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    swallow(lambda: sock.sendto(b"raw", UDP))
    sock.close()


def test_getaddrinfo():
    swallow(lambda: socket.getaddrinfo("outside.invalid", 80))


def test_low_level_getaddrinfo():
    swallow(lambda: _socket.getaddrinfo("outside.invalid", 80))


def test_gethostbyname():
    swallow(lambda: socket.gethostbyname("outside.invalid"))


def test_gethostbyname_ex():
    swallow(lambda: socket.gethostbyname_ex("outside.invalid"))


def test_gethostbyaddr():
    swallow(lambda: socket.gethostbyaddr("127.0.0.2"))


def test_getfqdn():
    assert socket.getfqdn("outside.invalid") == "outside.invalid"  # it swallows the error itself


def test_getnameinfo():
    swallow(lambda: socket.getnameinfo(("127.0.0.2", TCP[1]), 0))


def test_connect_by_name():
    with socket.socket() as sock:
        swallow(lambda: sock.connect(("outside.invalid", 80)))


def test_requests_with_a_loopback_proxy_in_the_environment(pd):
    swallow(lambda: requests.get(URL, timeout=5))


def test_urllib_with_a_loopback_proxy_under_pd_http(pd_http):
    swallow(lambda: urllib.request.urlopen(URL, timeout=5))


def test_httpx_with_a_loopback_proxy_under_pd_http(pd_http):
    httpx = pytest.importorskip("httpx")
    try:
        httpx.get(URL, timeout=5)
    except httpx.HTTPError:  # httpx wraps the refusal in its own ConnectError
        pass


def test_a_proxy_the_test_sets_itself(pd, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", os.environ["LOOPBACK_PROXY"])
    swallow(lambda: requests.get(URL, timeout=5))


def test_python_child_process():
    code = f"import urllib.request; urllib.request.urlopen({URL!r}, timeout=5)"
    subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)


def test_child_process_with_its_own_environment():
    code = f"import urllib.request; urllib.request.urlopen({URL!r}, timeout=5)"
    subprocess.run([sys.executable, "-c", code], env={"PATH": os.defpath}, capture_output=True,
                   check=False)


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
def test_curl_child_process():
    subprocess.run(["curl", "-sS", "--max-time", "5", URL], capture_output=True, check=False)


@pytest.mark.skipif(shutil.which("curl") is None, reason="needs curl")
def test_os_system():
    os.system(f"curl -sS --max-time 5 {URL} >/dev/null 2>&1")


CHILD = [sys.executable, "-c", f"import urllib.request; urllib.request.urlopen({URL!r}, timeout=5)"]


def test_posix_spawn_given_its_own_environment():
    pid = os.posix_spawn(sys.executable, CHILD, dict(os.environ))
    os.waitpid(pid, 0)


def test_spawnve_given_os_environ():
    os.spawnve(os.P_WAIT, sys.executable, CHILD, os.environ)


def test_execve_in_a_forked_child():
    pid = os.fork()
    if pid == 0:
        try:
            os.execve(sys.executable, CHILD, {"PATH": os.defpath})
        finally:
            os._exit(1)
    os.waitpid(pid, 0)


@pytest.fixture(scope="module")
def module_connection():
    return swallow(lambda: socket.create_connection(TCP, timeout=5))


def test_module_scoped_fixture(module_connection):
    pass


def test_session_scoped_fixture(session_connection):
    pass
'''

CONFTEST = HEADER + """
@pytest.fixture(scope="session")
def session_connection():
    return swallow(lambda: requests.get(URL, timeout=5))
"""

IMPORT_TIME = HEADER + """
swallow(lambda: requests.get(URL, timeout=5))


def test_never_collected():
    pass
"""

# test -> the line its failure report must hold
EXPECTED = {
    "test_socket_connect": "connect to 127.0.0.2:{tcp}",
    "test_socket_connect_ex": "connect to 127.0.0.2:{tcp}",
    "test_low_level_socket_connect": "connect to 127.0.0.2:{tcp}",
    "test_udp_sendto": "send to 127.0.0.2:{udp}",
    "test_udp_sendmsg": "send to 127.0.0.2:{udp}",
    "test_low_level_udp_sendto": "send to 127.0.0.2:{udp}",
    "test_getaddrinfo": "DNS lookup of 'outside.invalid'",
    "test_low_level_getaddrinfo": "DNS lookup of 'outside.invalid'",
    "test_gethostbyname": "DNS lookup of 'outside.invalid'",
    "test_gethostbyname_ex": "DNS lookup of 'outside.invalid'",
    "test_gethostbyaddr": "reverse DNS lookup of '127.0.0.2'",
    "test_getfqdn": "DNS lookup of 'outside.invalid'",
    "test_getnameinfo": "reverse DNS lookup of '127.0.0.2'",
    "test_connect_by_name": "connect to outside.invalid:80",
    "test_requests_with_a_loopback_proxy_in_the_environment": "connect to 127.0.0.2:{tcp}",
    "test_urllib_with_a_loopback_proxy_under_pd_http": "connect to 127.0.0.2:{tcp}",
    "test_httpx_with_a_loopback_proxy_under_pd_http": "connect to 127.0.0.2:{tcp}",
    "test_a_proxy_the_test_sets_itself": "connect to 127.0.0.1:{proxy}, a proxy named in the "
    "environment",
    "test_python_child_process": "a child process's request through the proxy variables: "
    "GET http://127.0.0.2:{tcp}/escape",
    "test_child_process_with_its_own_environment": "a child process's request through the proxy "
    "variables: GET http://127.0.0.2:{tcp}/escape",
    "test_curl_child_process": "a child process's request through the proxy variables: "
    "GET http://127.0.0.2:{tcp}/escape",
    "test_os_system": "a child process's request through the proxy variables: "
    "GET http://127.0.0.2:{tcp}/escape",
    "test_posix_spawn_given_its_own_environment": "a child process's request through the proxy variables: "
    "GET http://127.0.0.2:{tcp}/escape",
    "test_spawnve_given_os_environ": "a child process's request through the proxy variables: "
    "GET http://127.0.0.2:{tcp}/escape",
    "test_execve_in_a_forked_child": "a child process's request through the proxy variables: "
    "GET http://127.0.0.2:{tcp}/escape",
    "test_module_scoped_fixture": "connect to 127.0.0.2:{tcp}, in module-scoped fixture "
    "'module_connection'",
    "test_session_scoped_fixture": "connect to 127.0.0.2:{tcp}, in session-scoped fixture "
    "'session_connection'",
}


def failures_by_test(result: pytest.RunResult) -> dict[str, list[str]]:
    """Every failed report of the inner run, by test name: (phase, its text)."""
    found: dict[str, list[str]] = {}
    for report in result.reprec.getreports("pytest_runtest_logreport"):  # type: ignore[attr-defined]
        if report.failed:
            name = report.nodeid.rsplit("::", 1)[-1]
            found.setdefault(name, []).append(f"{report.when}: {report.longreprtext}")
    for report in result.reprec.getreports("pytest_collectreport"):  # type: ignore[attr-defined]
        if report.failed:
            found.setdefault(report.nodeid, []).append(f"collect: {report.longreprtext}")
    return found


def test_every_escape_fails_its_own_test_and_nothing_gets_out(pytester, run, outside):
    pytester.makeini(INNER_INI)
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_escapes=ESCAPES, test_import_time=IMPORT_TIME)
    result = run("-p", "no:randomly", "--continue-on-collection-errors")
    ports = {
        "tcp": outside.port(outside.tcp),
        "udp": outside.udp.getsockname()[1],
        "proxy": outside.port(outside.proxy),
    }
    failures = failures_by_test(result)
    skipped = {r.nodeid.rsplit("::", 1)[-1] for r in result.reprec.getreports() if r.skipped}  # type: ignore[attr-defined]
    for test, line in EXPECTED.items():
        if test in skipped:
            continue
        assert test in failures, f"{test} passed: the guard did not report it"
        (failure,) = failures.pop(test)
        assert "tried to reach the real network" in failure, failure
        assert line.format(**ports) in failure, failure
    (collection,) = failures.pop("test_import_time.py")
    assert f"connect to 127.0.0.2:{ports['tcp']}" in collection, collection
    assert failures == {}


THREADS = HEADER + """
LATE = {}


def test_a_starts_a_thread_that_outlives_it():
    LATE["go"], LATE["done"] = threading.Event(), threading.Event()

    def later():
        LATE["go"].wait()
        LATE["error"] = swallow(lambda: socket.create_connection(TCP, timeout=5))
        LATE["done"].set()

    threading.Thread(target=later, name="outliving-thread", daemon=True).start()


def test_b_innocent_while_the_thread_tries():
    LATE["go"].set()
    assert LATE["done"].wait(30)
    assert "pytest-pdhttp blocked" in str(LATE["error"])


def test_c_starts_a_thread_that_tries_after_the_last_test(session_end):
    def at_the_end():
        session_end.wait()
        swallow(lambda: socket.create_connection(TCP, timeout=5))

    thread = threading.Thread(target=at_the_end, name="after-the-end", daemon=True)
    thread.start()
    session_end.thread = thread


def test_d_innocent_last_test():
    pass
"""

THREADS_CONFTEST = """
import threading

import pytest


@pytest.fixture(scope="session")
def session_end():
    event = threading.Event()
    yield event
    event.set()  # after the last test: the thread goes for the network now
    event.thread.join(30)
"""


def test_a_thread_outliving_its_test_is_reported_against_that_test(pytester, run, outside):
    pytester.makeini(INNER_INI)
    pytester.makeconftest(THREADS_CONFTEST)
    pytester.makepyfile(test_threads=THREADS)
    result = run("-p", "no:randomly")
    tcp = outside.port(outside.tcp)
    failures = failures_by_test(result)
    assert set(failures) == {
        "test_a_starts_a_thread_that_outlives_it",
        "test_c_starts_a_thread_that_tries_after_the_last_test",
    }, failures
    (first,) = failures["test_a_starts_a_thread_that_outlives_it"]
    assert f"connect to 127.0.0.2:{tcp} (from thread 'outliving-thread')" in first
    assert "after the test that started it had finished" in first
    (last,) = failures["test_c_starts_a_thread_that_tries_after_the_last_test"]
    assert f"connect to 127.0.0.2:{tcp} (from thread 'after-the-end')" in last
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.assert_outcomes(passed=4, errors=2)


LOOPBACK_SPELLINGS = """
import os
import socket

import pytest

PORT = int(os.environ["LOOPBACK_PORT"])


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f.0.0.1", "0177.0.0.1", "0.0.0.0",
             "0", "localhost", ""]
)
def test_ipv4_spellings(pd, host):
    with socket.socket() as sock:
        sock.connect((host, PORT))


@pytest.mark.skipif(not os.environ.get("LOOPBACK_V6"), reason="no IPv6 on this host")
@pytest.mark.parametrize("host", ["::ffff:127.0.0.1", "::ffff:7f00:1"])
def test_ipv6_spellings_of_ipv4_loopback(pd, host):
    with socket.socket(socket.AF_INET6) as sock:
        sock.connect((host, PORT))


@pytest.mark.skipif(not os.environ.get("LOOPBACK_V6"), reason="no IPv6 on this host")
@pytest.mark.parametrize("host", ["::1", "::", "0:0:0:0:0:0:0:1"])
def test_ipv6_loopback(pd, host):
    with socket.socket(socket.AF_INET6) as sock:
        sock.connect((host, int(os.environ["LOOPBACK_V6"])))


def test_lookups_that_need_no_dns(pd):
    socket.getaddrinfo("localhost", PORT)
    socket.getaddrinfo("127.1", PORT)
    socket.gethostbyname("localhost")
    socket.getaddrinfo("192.0.2.1", 443)  # numeric: resolving it asks nobody (connecting would)
"""


def _dual_stack_listener(monkeypatch) -> list[socket.socket]:
    v4 = socket.socket()
    v4.bind(("0.0.0.0", 0))  # 0.0.0.0 and "" connect to whatever listens on any local address
    v4.listen(64)
    monkeypatch.setenv("LOOPBACK_PORT", str(v4.getsockname()[1]))
    listeners = [v4]
    monkeypatch.delenv("LOOPBACK_V6", raising=False)
    if socket.has_ipv6:
        try:
            v6 = socket.socket(socket.AF_INET6)
            v6.bind(("::1", 0))
            v6.listen(64)
        except OSError:
            pass
        else:
            monkeypatch.setenv("LOOPBACK_V6", str(v6.getsockname()[1]))
            listeners.append(v6)
    return listeners


def test_every_loopback_spelling_is_allowed(pytester, run, monkeypatch):
    listeners = _dual_stack_listener(monkeypatch)
    pytester.makepyfile(test_loopback=LOOPBACK_SPELLINGS)
    try:
        result = run()
    finally:
        for listener in listeners:
            listener.close()
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) == 0 and outcomes.get("errors", 0) == 0, result.stdout.str()
    assert outcomes["passed"] >= 11, result.stdout.str()


def test_the_process_environment_comes_back_after_the_run(pytester, run, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "internal.example")
    pytester.makepyfile(
        """
        import os

        def test_inside():
            assert "HTTPS_PROXY" not in os.environ and "NO_PROXY" not in os.environ
        """
    )
    run().assert_outcomes(passed=1)
    assert os.environ["HTTPS_PROXY"] == "http://proxy.example:3128"
    assert os.environ["NO_PROXY"] == "internal.example"


def test_allowed_hosts_and_allow_network(pytester, run, outside):
    pytester.makeini(INNER_INI)
    pytester.makepyfile(
        HEADER
        + """
        @pytest.mark.pd_http(allowed_hosts=["127.0.0.1", "127.0.0.2"])
        def test_listed_host():
            socket.create_connection(TCP, timeout=5).close()

        @pytest.mark.pd_http(allow_network=True)
        def test_whole_network():
            socket.create_connection(TCP, timeout=5).close()

        @pytest.mark.pd_http(allowed_hosts=["10.0.0.0/8", "db.internal"])
        def test_other_hosts_only():
            socket.create_connection(TCP, timeout=5)

        @pytest.mark.pd_http(allowed_hosts="127.0.0.2")
        def test_not_a_list():
            pass

        @pytest.mark.pd_http(allowed_hosts=["not a host"])
        def test_bad_entry():
            pass
        """.replace("\n        ", "\n")
    )
    outside.reset_witness()  # the two allowed connections below really reach the listener
    result = run("-p", "no:randomly")
    result.assert_outcomes(passed=2, failed=1, errors=2)
    assert outside.take() == 2
    result.stdout.fnmatch_lines(
        [
            "*ERROR at setup of test_not_a_list*",
            "@pytest.mark.pd_http(allowed_hosts=...) takes a list of host names, addresses, "
            "networks or 'loopback', got '127.0.0.2'",
            "*ERROR at setup of test_bad_entry*",
            "@pytest.mark.pd_http(allowed_hosts=...): 'not a host' is not a host name, an IP "
            "address, a CIDR network or 'loopback'",
        ]
    )
    assert "During handling" not in result.stdout.str()


def test_a_bad_ini_host_is_one_line_and_exit_2(pytester, run):
    pytester.makeini("[pytest]\npd_http_allowed_hosts = loopback not/a/host\n")
    pytester.makepyfile("def test_x():\n    pass\n")
    result = run()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*pd_http_allowed_hosts: 'not/a/host' is not a host name*"])


CHILD_PROXIES = """
import os
import subprocess
import sys

import pytest

SHOW = "import os; print(os.environ.get('HTTPS_PROXY'), os.environ.get('NO_PROXY'))"


def child_sees():
    return subprocess.run([sys.executable, "-c", SHOW], capture_output=True, text=True).stdout.split()


def test_guarded_child_gets_the_refusing_proxy():
    proxy, no_proxy = child_sees()
    assert proxy.startswith("http://pdhttp") and "@127.0.0.1:" in proxy
    assert no_proxy == "localhost,127.0.0.1,::1"


@pytest.mark.pd_http(allow_network=True)
def test_a_child_of_a_test_allowed_the_network_gets_the_run_s_own_proxy():
    assert child_sees() == ["http://proxy.example:3128", "internal.example"]
    assert os.environ["HTTPS_PROXY"] == "http://proxy.example:3128"  # and so does the test
"""


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["in-process", "xdist"])
def test_children_get_the_refusing_proxy_or_the_run_s_own(pytester, run, monkeypatch, workers):
    """Under xdist the workers are children of a guarded run too: they still know the proxy
    variables the run started with."""
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "internal.example")
    pytester.makepyfile(test_children=CHILD_PROXIES)
    result = run(*workers, subprocess=bool(workers))
    result.assert_outcomes(passed=2)


AFTER_THE_SESSION = HEADER + """
import atexit


def connect_from_a_leftover(where):
    error = swallow(lambda: socket.create_connection(TCP, timeout=5))
    print(f"{where}: {error}", file=sys.stderr)


def test_starts_a_thread_that_waits_for_the_end():
    def after_pytest():
        while threading.main_thread().is_alive():  # until the interpreter shuts down
            threading.Event().wait(0.01)
        connect_from_a_leftover("thread")

    threading.Thread(target=after_pytest, name="leftover").start()


def test_registers_an_exit_handler():
    atexit.register(connect_from_a_leftover, "atexit")
"""


def test_nothing_gets_out_after_the_session_either(pytester, run, outside):
    """A thread a test started, or an ``atexit`` handler it registered, that tries once pytest has
    finished: the guard is still there, and says so on stderr (no report is left to fail)."""
    pytester.makeini(INNER_INI)
    pytester.makepyfile(test_leftovers=AFTER_THE_SESSION)
    result = run("-p", "no:randomly", subprocess=True)
    result.assert_outcomes(passed=2)
    tcp = outside.port(outside.tcp)
    result.stderr.fnmatch_lines_random(
        [
            "pytest-pdhttp: refused after the test session: connect to 127.0.0.2:"
            f"{tcp} (from thread 'leftover', started in test_leftovers.py::"
            "test_starts_a_thread_that_waits_for_the_end)",
            f"pytest-pdhttp: refused after the test session: connect to 127.0.0.2:{tcp}",
            "thread: pytest-pdhttp blocked real network access*",
            "atexit: pytest-pdhttp blocked real network access*",
        ]
    )


def test_localhost_named_in_allowed_hosts_is_the_local_host(pytester, run, monkeypatch):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    monkeypatch.setenv("LOOPBACK_PORT", str(listener.getsockname()[1]))
    pytester.makepyfile(
        """
        import os
        import socket

        import pytest

        @pytest.mark.pd_http(allowed_hosts=["localhost", "10.0.0.0/8"])
        def test_by_name():
            socket.create_connection(("localhost", int(os.environ["LOOPBACK_PORT"])), timeout=5).close()
        """
    )
    try:
        run().assert_outcomes(passed=1)
    finally:
        listener.close()


LATE_HOOKS = HEADER + """
def pytest_terminal_summary():
    swallow(lambda: socket.create_connection(TCP, timeout=5))


def pytest_unconfigure():
    swallow(lambda: socket.getaddrinfo("unconfigure.invalid", 80))
"""


def test_hooks_after_the_last_report_are_refused_and_said_on_stderr(pytester, run, outside):
    pytester.makeini(INNER_INI)
    pytester.makeconftest(LATE_HOOKS)
    pytester.makepyfile("def test_nothing():\n    pass\n")
    result = run("-p", "no:randomly", subprocess=True)
    result.assert_outcomes(passed=1)
    result.stderr.fnmatch_lines(
        [
            f"pytest-pdhttp: refused after the test session: connect to 127.0.0.2:{outside.port(outside.tcp)}",
            "pytest-pdhttp: refused after the test session: DNS lookup of 'unconfigure.invalid'",
        ]
    )


CHILD_OUTLIVES = HEADER + """
CHILD = {}


def test_a_starts_a_child_that_outlives_it(tmp_path_factory):
    go = tmp_path_factory.getbasetemp() / "go"
    code = (
        "import os, time, urllib.request\\n"
        f"while not os.path.exists({str(go)!r}): time.sleep(0.01)\\n"
        f"try: urllib.request.urlopen({URL!r}, timeout=5)\\n"
        "except Exception: pass\\n"
    )
    CHILD["process"], CHILD["go"] = subprocess.Popen([sys.executable, "-c", code]), go


def test_b_innocent_while_the_child_tries():
    CHILD["go"].write_text("now")
    CHILD["process"].wait(30)
"""


def test_a_child_s_request_is_reported_against_the_test_that_started_it(pytester, run, outside):
    pytester.makeini(INNER_INI)
    pytester.makepyfile(test_child=CHILD_OUTLIVES)
    result = run("-p", "no:randomly")
    failures = failures_by_test(result)
    assert set(failures) == {"test_a_starts_a_child_that_outlives_it"}, failures
    (report,) = failures["test_a_starts_a_child_that_outlives_it"]
    assert "a child process's request through the proxy variables: GET http://127.0.0.2:" in report
