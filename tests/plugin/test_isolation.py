"""Issue 7, plugin part: nothing leaks — between xdist workers, to the network, to the real /tmp,
or from one test to the next.

Each test runs a whole pytest session (pytester) and checks its outcome; the xdist runs are
repeated and marked slow.
"""

from __future__ import annotations

import os
import textwrap
import uuid
from pathlib import Path

import pytest

REAL_TMP = Path("/tmp")
N_TESTS = 40

# Every "/tmp/..." name the inner suites use starts with this, so a leak is recognisable. It is
# unique to this process: other programs (pip, other test sessions, other workers) write to the
# real /tmp at the same time, so only names carrying this mark say anything about our inner runs.
MARK = f"pdhttp-isolation-{os.getpid()}-{uuid.uuid4().hex[:8]}"

SAME_NAME_SUITE = f"""
import os
import pathlib
import random
import shutil
import tempfile
import time

import pytest

SHARED = "/tmp/{MARK}-shared.txt"


@pytest.mark.parametrize("n", range({N_TESTS}))
def test_same_tmp_name_no_cross_talk(pd, pd_tmp, n):
    def handler(pd):
        assert not os.path.exists(SHARED), "another test's file is visible"
        assert os.listdir("/tmp") == []
        mine = f"test {{n}} on {{os.environ.get('PYTEST_XDIST_WORKER', 'main')}}"
        with open(SHARED, "w") as out:                           # builtins.open
            out.write(mine)
        time.sleep(random.uniform(0, 0.005))                     # let the other worker interleave
        assert pathlib.Path(SHARED).read_text() == mine          # pathlib
        fd = os.open("/tmp/{MARK}-os-open.bin", os.O_WRONLY | os.O_CREAT, 0o600)   # os.open
        os.write(fd, mine.encode())
        os.close(fd)
        shutil.copy(SHARED, "/tmp/{MARK}-copy.txt")              # shutil
        with tempfile.NamedTemporaryFile("w", prefix="{MARK}-", delete=False) as f:   # tempfile
            f.write(mine)
        os.makedirs("/tmp/{MARK}-dir/sub", exist_ok=True)
        pathlib.Path("/tmp/{MARK}-dir/sub/x.txt").write_text(mine)
        time.sleep(random.uniform(0, 0.005))
        return open(SHARED).read()

    mine = f"test {{n}} on {{os.environ.get('PYTEST_XDIST_WORKER', 'main')}}"
    assert pd.run(handler).return_value == mine
    assert (pd_tmp / "{MARK}-shared.txt").read_text() == mine
    assert (pd_tmp / "{MARK}-os-open.bin").read_bytes() == mine.encode()
    assert (pd_tmp / "{MARK}-dir" / "sub" / "x.txt").read_text() == mine
    assert len(list(pd_tmp.glob("{MARK}-*"))) == 5


def test_a_write_past_the_redirection_is_refused(pd):
    import _io

    try:
        _io.FileIO("/tmp/{MARK}-bypass.txt", "w")                # not patched: the audit hook sees it
    except PermissionError:
        pass
"""

NETWORK_SUITE = """
import http.client
import socket
import urllib.request

import pytest
import requests


def swallowed(call):
    try:
        call()
    except OSError as exc:  # requests.ConnectionError, URLError and NetworkBlockedError alike
        return exc
    raise AssertionError("the request was not refused")


def test_socket_connect(pd_http):
    swallowed(lambda: socket.create_connection(("192.0.2.10", 443), timeout=1))


def test_socket_sendto(pd_http):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        swallowed(lambda: sock.sendto(b"x", ("192.0.2.11", 53)))


def test_socket_dns(pd_http):
    swallowed(lambda: socket.getaddrinfo("dns.example.com", 443))


def test_urllib_by_address(pd_http):
    swallowed(lambda: urllib.request.urlopen("http://192.0.2.12/", timeout=1))


def test_urllib_by_name(pd_http):
    swallowed(lambda: urllib.request.urlopen("https://urllib.example.com/", timeout=1))


def test_http_client_by_address(pd_http):
    swallowed(lambda: http.client.HTTPConnection("192.0.2.13", 8080, timeout=1).request("GET", "/"))


def test_http_client_by_name(pd_http):
    conn = http.client.HTTPSConnection("httpclient.example.com", timeout=1)
    swallowed(lambda: conn.request("POST", "/", body=b"x"))


def test_requests(pd_http):
    swallowed(lambda: requests.get("https://requests.example.com/v1", timeout=1))


def test_requests_in_a_step(pd, pd_http):
    def handler(pd):
        try:
            requests.post("https://198.51.100.14/hook", json={"a": 1}, timeout=1)
        except requests.RequestException:
            return "caught"

    assert pd.run(handler).return_value == "caught"
"""

# what each network test must report
NETWORK_REPORTS = {
    "test_socket_connect": "connect to 192.0.2.10:443",
    "test_socket_sendto": "send to 192.0.2.11:53",
    "test_socket_dns": "DNS lookup of 'dns.example.com'",
    "test_urllib_by_address": "connect to 192.0.2.12:80",
    "test_urllib_by_name": "DNS lookup of 'urllib.example.com'",
    "test_http_client_by_address": "connect to 192.0.2.13:8080",
    "test_http_client_by_name": "DNS lookup of 'httpclient.example.com'",
    "test_requests": "no registered response matches GET https://requests.example.com/v1",
    "test_requests_in_a_step": "no registered response matches POST https://198.51.100.14/hook",
}

LEAK_SUITE = """
import builtins
import io
import os
import shutil
import socket
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import requests
import requests.adapters

from pytest_pdhttp import DataStore
from pytest_pdhttp._tmp import audit as tmpaudit

# bound at import, before any fixture ran: the real functions
REAL = {
    "socket.connect": socket.socket.connect,
    "socket.connect_ex": socket.socket.connect_ex,
    "socket.sendto": socket.socket.sendto,
    "socket.getaddrinfo": socket.getaddrinfo,
    "open": builtins.open,
    "io.open": io.open,
    "os.open": os.open,
    "os.stat": os.stat,
    "os.listdir": os.listdir,
    "shutil.copy": shutil.copy,
    "tempfile.gettempdir": tempfile.gettempdir,
    "tempfile.mkstemp": tempfile.mkstemp,
    "HTTPAdapter.send": requests.adapters.HTTPAdapter.send,
}
SHARED_STORE = DataStore({"count": 0})
STEP = '''
import os

def handler(pd):
    store = pd.inputs["store"]
    store["count"] = store["count"] + 1
    store.set("temporary", True, ttl=60)
    pd.export("seen", os.environ["PD_ISOLATION"])
    with open("/tmp/__MARK__-step-state.txt", "a") as f:
        f.write("x")
    return store["count"]
'''

pytestmark = [
    pytest.mark.pd(
        inputs={"store": SHARED_STORE, "account": {"$auth": {"token": "t-1"}}},
        event={"n": 1},
        env={"PD_ISOLATION": "marker", "PD_ISOLATION_UNSET": None},
    ),
    pytest.mark.xdist_group("leaks"),  # under xdist: in order, on one worker
]


def current():
    return {
        "socket.connect": socket.socket.connect,
        "socket.connect_ex": socket.socket.connect_ex,
        "socket.sendto": socket.socket.sendto,
        "socket.getaddrinfo": socket.getaddrinfo,
        "open": builtins.open,
        "io.open": io.open,
        "os.open": os.open,
        "os.stat": os.stat,
        "os.listdir": os.listdir,
        "shutil.copy": shutil.copy,
        "tempfile.gettempdir": tempfile.gettempdir,
        "tempfile.mkstemp": tempfile.mkstemp,
        "HTTPAdapter.send": requests.adapters.HTTPAdapter.send,
    }


@pytest.fixture(scope="module", autouse=True)
def outside_env():
    os.environ["PD_ISOLATION_UNSET"] = "set outside the test"
    yield
    os.environ.pop("PD_ISOLATION_UNSET", None)


class NothingLeaks:
    # three rounds (the subclasses below) of: dirty everything, then check it all came back clean
    def test_1_dirty_everything(self, pd, pd_http, pd_tmp, tmp_path):
        step = tmp_path / "step.py"
        step.write_text(STEP)
        assert os.environ["PD_ISOLATION"] == "marker"
        assert "PD_ISOLATION_UNSET" not in os.environ
        pd_http.get("https://api.example.com/used", json={"ok": True})
        pd.inputs["account"]["$auth"]["token"] = "changed"
        pd.inputs["extra"] = 1
        pd.steps["earlier"] = {"$return_value": 1}
        pd.steps["trigger"]["event"]["n"] = 99
        pd.context["run"]["runs"] = 5
        pd.flow.delay(1000)
        pd.send.email(subject="s", text="t")
        result = pd.run(step)
        assert result.return_value == 1 and result.exports == {"seen": "marker"}
        assert requests.get("https://api.example.com/used", timeout=5).json() == {"ok": True}
        pd_http.add_passthru("https://passthru.example.com")
        os.environ["PD_ISOLATION"] = "changed by the test"
        assert current() != REAL
        assert tmpaudit._listeners

    def test_2_pd_starts_clean(self, pd, pd_http, pd_tmp):
        store = pd.inputs["store"]
        assert store.as_dict() == {"count": 0} and store.ttl_of("count") is None
        assert pd.inputs == {"store": store, "account": {"$auth": {"token": "t-1"}}}
        assert set(pd.steps) == {"trigger"} and pd.steps["trigger"]["event"] == {"n": 1}
        assert pd.context == {"run": {"runs": 1}}
        assert pd.exports == {} and pd.flow.calls == [] and pd.send.emails == []
        assert os.environ["PD_ISOLATION"] == "marker"
        assert "PD_ISOLATION_UNSET" not in os.environ
        assert pd_http.registered() == [] and len(pd_http.calls) == 0
        assert pd_http.requests == [] and pd_http.passthru_prefixes == ()
        assert list(pd_tmp.iterdir()) == []
        assert SHARED_STORE.as_dict() == {"count": 0}

    def test_3_nothing_is_left_patched(self):
        assert current() == REAL
        assert tmpaudit._listeners == []
        assert os.environ["PD_ISOLATION_UNSET"] == "set outside the test"
        assert "PD_ISOLATION" not in os.environ
        assert not [name for name in sys.modules if name.startswith("pd_step_")]
        os.listdir("/tmp")  # no audit watch refuses the real /tmp any more

    def test_4_real_loopback_http_works_again(self):
        class Hello(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"hello")

            def log_message(self, *args):
                pass

        server = HTTPServer(("127.0.0.1", 0), Hello)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/"
            assert requests.get(url, timeout=5).text == "hello"   # no mock intercepts it
        finally:
            server.shutdown()
            server.server_close()


class TestRound1(NothingLeaks):
    pass


class TestRound2(NothingLeaks):
    pass


class TestRound3(NothingLeaks):
    pass
""".replace("__MARK__", MARK)


def real_tmp_names() -> set[str]:
    """Top-level names in the real /tmp that this process's inner runs could have created."""
    return {name for name in os.listdir(REAL_TMP) if MARK in name}


def assert_real_tmp_untouched(before: set[str]) -> None:
    new = sorted(real_tmp_names() - before)
    assert not new, f"the inner run left these in the real /tmp: {new}"


def check_same_name_result(result: pytest.RunResult) -> None:
    text = result.stdout.str()
    assert f"open('/tmp/{MARK}-bypass.txt')" in text and "touched the real /tmp" in text
    assert "FAILED test_same_name.py::test_a_write_past_the_redirection_is_refused" in text
    assert "FAILED test_same_name.py::test_same_tmp_name_no_cross_talk" not in text


def check_network_result(result: pytest.RunResult) -> None:
    text = result.stdout.str()
    for test, report in NETWORK_REPORTS.items():
        assert f"FAILED test_network.py::{test}" in text, test
        section = text.split(f"_ {test} _", 1)[1].split("\n___", 1)[0]
        assert report in section, (test, section)
        assert "even if" in section, (test, section)


def test_same_tmp_name_in_one_process(pytester, run):
    pytester.makepyfile(test_same_name=SAME_NAME_SUITE)
    before = real_tmp_names()
    result = run()
    assert_real_tmp_untouched(before)
    result.assert_outcomes(passed=N_TESTS, failed=1)
    check_same_name_result(result)


def test_real_connections_through_every_client_are_blocked_and_reported(pytester, run):
    pytester.makepyfile(test_network=NETWORK_SUITE)
    result = run()
    result.assert_outcomes(failed=len(NETWORK_REPORTS), passed=0, errors=0)
    check_network_result(result)


def test_no_state_leaks_from_one_test_to_the_next(pytester, run):
    pytester.makepyfile(test_leaks=LEAK_SUITE)
    before = real_tmp_names()
    result = run("-p", "no:randomly")
    assert_real_tmp_untouched(before)
    result.assert_outcomes(passed=12)
    assert "PD_ISOLATION" not in os.environ


@pytest.mark.slow
@pytest.mark.parametrize("repeat", range(3))
def test_all_of_it_under_xdist_repeatedly(pytester, run, repeat):
    """The three suites in one `-n 2` session, three times: the same-name tests and the network
    tests spread over both workers; the leak checks stay in order on one (an xdist_group)."""
    pytest.importorskip("xdist")
    pytester.makepyfile(
        test_same_name=SAME_NAME_SUITE,
        test_network=NETWORK_SUITE,
        test_leaks=LEAK_SUITE,
    )
    before = real_tmp_names()
    result = run(
        "-p", "no:randomly", "-p", "xdist", "-n", "2", "--dist", "loadgroup", subprocess=True
    )  # fmt: skip
    assert_real_tmp_untouched(before)
    result.assert_outcomes(passed=N_TESTS + 12, failed=1 + len(NETWORK_REPORTS), errors=0)
    result.stdout.fnmatch_lines(["*created: 2/2 workers*"])
    check_same_name_result(result)
    check_network_result(result)
    # every test wrote the same "/tmp" name into its own per-test directory, under its own worker's
    # base directory (which worker runs how many is xdist's choice: one may take them all)
    written = list(pytester.path.glob(f"**/popen-gw*/**/{MARK}-shared.txt"))
    assert len(written) == N_TESTS, written
    assert len({path.parent for path in written}) == N_TESTS
    for path in written:
        inner = path.relative_to(pytester.path).parts  # (the outer run may be under xdist too)
        worker = next(part[len("popen-") :] for part in inner if part.startswith("popen-"))
        assert path.read_text().endswith(f" on {worker}"), (path, path.read_text())


def test_the_inner_suites_are_what_this_file_says(pytester):
    """Guard against a suite that checks nothing: its source compiles and names what we expect."""
    for source in (SAME_NAME_SUITE, NETWORK_SUITE, LEAK_SUITE):
        compile(textwrap.dedent(source), "<suite>", "exec")
    assert set(NETWORK_REPORTS) == {
        line.split("(")[0][4:]
        for line in NETWORK_SUITE.splitlines()
        if line.startswith("def test_")
    }
