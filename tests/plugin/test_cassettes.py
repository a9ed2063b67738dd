"""Cassettes: `pytest --pd-record` against a loopback server writes them with every credential
redacted; a normal run replays them into pd_http, strictly, without touching the network."""

from __future__ import annotations

import base64
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, quote_plus

import pytest
import yaml

from pytest_pdhttp._http.cassette.files import dump, load
from pytest_pdhttp._http.cassette.format import (
    CassetteError,
    Interaction,
    Request,
    Response,
    decode_body,
    encode_body,
)
from pytest_pdhttp._http.cassette.match import matches
from pytest_pdhttp._http.cassette.options import CassetteOptions, Ignore, resolve
from pytest_pdhttp._http.redact import REDACTED

AUTH_TOKEN = "pd-auth-Zq8/x+Kw3mN5vB7"  # "/" and "+" so the URL-encoded forms differ
AUTH_SECRET = "second-auth-value-4471"
PASSWORD = "hunter2-password-0912"
FORM_SECRET = "form-client-secret-5530"
COOKIE = "session-cookie-value-2288"
USERINFO_PASSWORD = "userinfo-pw-8841"
SERVER_TOKEN = "server-issued-token-6620"
SERVER_COOKIE = "server-set-cookie-3319"
SERVER_HEADER = "server-api-key-7743"
SECRETS = (
    AUTH_TOKEN, AUTH_SECRET, PASSWORD, FORM_SECRET, COOKIE, USERINFO_PASSWORD, SERVER_TOKEN,
    SERVER_COOKIE, SERVER_HEADER,
)  # fmt: skip
BINARY = bytes(range(256)) * 4


class LoopbackServer:
    """An HTTP server on 127.0.0.1 in a thread that answers like a small API and counts hits."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self, status, body, content_type="application/json", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                server.hits.append(f"GET {self.path}")
                if self.path.startswith("/binary"):
                    self._reply(200, BINARY, "application/octet-stream")
                    return
                body = {
                    "path": self.path,
                    "items": [{"id": 1}],
                    "echo": self.headers.get("X-Api-Key"),
                }
                self._reply(
                    200,
                    json.dumps(body).encode(),
                    headers=[
                        ("Set-Cookie", f"sid={SERVER_COOKIE}; HttpOnly"),
                        ("X-Api-Key", SERVER_HEADER),
                        ("X-Request-Id", "req-1"),
                    ],
                )

            def do_POST(self):
                server.hits.append(f"POST {self.path}")
                size = int(self.headers.get("Content-Length", 0))
                received = self.rfile.read(size)
                self._reply(
                    201,
                    json.dumps(
                        {"received": len(received), "access_token": SERVER_TOKEN, "user": "ada"}
                    ).encode(),
                )

            def log_message(self, *args):
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture
def server(monkeypatch):
    running = LoopbackServer()
    monkeypatch.setenv("PD_TEST_SERVER", running.url)
    yield running
    running.close()


RECORDED_SUITE = f"""
import os

import pytest
import requests

BASE = os.environ["PD_TEST_SERVER"]
TOKEN = {AUTH_TOKEN!r}
INPUTS = {{"api": {{"$auth": {{"api_token": TOKEN, "client_secret": {AUTH_SECRET!r}, "region": "eu"}}}}}}


def handler(pd):
    auth = pd.inputs["api"]["$auth"]
    token = auth["api_token"]
    listing = requests.get(
        f"{{BASE}}/items/{{token}}",
        params={{"api_key": token, "page": 1, "q": f"by {{auth['client_secret']}}"}},
        headers={{"Authorization": f"Bearer {{token}}", "X-Api-Key": token,
                  "Cookie": "session={COOKIE}", "X-Trace": f"t-{{token}}"}},
        timeout=5,
    )
    listing.raise_for_status()
    login = requests.post(
        f"{{BASE}}/login",
        json={{"user": "ada", "password": {PASSWORD!r}, "note": f"token {{token}}",
               "nested": {{"client_secret": auth["client_secret"], "keep": 1}}}},
        timeout=5,
    )
    login.raise_for_status()
    form = requests.post(f"{{BASE}}/form", data={{"client_secret": {FORM_SECRET!r}, "name": "a b"}},
                         timeout=5)
    form.raise_for_status()
    blob = requests.get(f"{{BASE}}/binary", timeout=5)
    blob.raise_for_status()
    result = {{
        "items": listing.json()["items"],
        "login": login.json(),
        "binary": blob.content == bytes(range(256)) * 4,
    }}
    if os.environ.get("SKIP_UPLOAD"):
        return result
    upload = requests.post(
        BASE.replace("http://", "http://ada:{USERINFO_PASSWORD}@") + "/upload",
        data=blob.content + token.encode(),
        headers={{"Content-Type": "application/octet-stream"}},
        timeout=5,
    )
    upload.raise_for_status()
    return {{**result, "uploaded": upload.json()["received"]}}


@pytest.mark.pd(inputs=INPUTS)
@pytest.mark.pd_http(cassette="api")
def test_api(pd):
    result = pd.run(handler)
    assert result.return_value["items"] == [{{"id": 1}}]
    assert result.return_value["binary"] is True
    assert result.return_value.get("uploaded", 1025) > 1024
"""


def cassette_text(pytester, name="api.yaml", module="test_recorded"):
    return (pytester.path / "cassettes" / module / name).read_text()


def record(pytester, run, server, suite=RECORDED_SUITE, *args):
    pytester.makepyfile(test_recorded=suite)
    result = run("--pd-record", *args)
    result.assert_outcomes(passed=1)
    return result


def test_record_writes_a_cassette_with_no_secret_anywhere(pytester, run, server):
    record(pytester, run, server)
    text = cassette_text(pytester)
    assert server.hits == [
        f"GET /items/{AUTH_TOKEN}?api_key={quote_plus(AUTH_TOKEN)}&page=1&q=by+{AUTH_SECRET}",
        "POST /login",
        "POST /form",
        "GET /binary",
        "POST /upload",
    ]
    for secret in SECRETS:
        for form in {secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)}:
            assert form not in text, form
    document = yaml.safe_load(text)
    for interaction in document["interactions"]:
        for part in ("request", "response"):
            body = decode_body(interaction[part]["body"], part)
            assert not any(secret.encode() in body for secret in SECRETS), body[:200]
            headers = interaction[part]["headers"]
            assert all(secret not in value for value in headers.values() for secret in SECRETS)


def test_record_keeps_everything_else_faithfully(pytester, run, server):
    record(pytester, run, server)
    document = yaml.safe_load(cassette_text(pytester))
    assert document["pytest_pdhttp_cassette"] == 2
    listing, login, form, blob, upload = document["interactions"]

    assert listing["request"]["method"] == "GET"
    assert listing["request"]["url"] == (
        f"{server.url}/items/{REDACTED}?api_key={REDACTED}&page=1&q=by+{REDACTED}"
    )
    headers = listing["request"]["headers"]
    assert headers["Authorization"] == f"Bearer {REDACTED}"  # the scheme stays readable
    assert headers["X-Api-Key"] == REDACTED and headers["Cookie"] == f"session={REDACTED}"
    assert headers["X-Trace"] == f"t-{REDACTED}" and headers["Accept"] == "*/*"
    assert "User-Agent" not in headers and "Accept-Encoding" not in headers  # volatile
    response_headers = listing["response"]["headers"]
    assert response_headers["Set-Cookie"] == f"sid={REDACTED}; HttpOnly"
    assert response_headers["X-Api-Key"] == REDACTED
    assert "X-Request-Id" not in response_headers and "Date" not in response_headers
    assert listing["response"]["status"] == 200 and listing["response"]["reason"] == "OK"

    assert login["request"]["body"] == {
        "json": {
            "user": "ada",
            "password": REDACTED,
            "note": f"token {REDACTED}",
            "nested": {"client_secret": REDACTED, "keep": 1},
        },
        "format": "spaced ascii",
    }
    response = login["response"]["body"]["json"]
    assert response["access_token"] == REDACTED and response["user"] == "ada"
    assert form["request"]["body"] == f"client_secret={REDACTED}&name=a+b"
    assert blob["response"]["body"] == {"base64": base64.b64encode(BINARY).decode()}
    assert decode_body(blob["response"]["body"], "") == BINARY
    assert decode_body(upload["request"]["body"], "") == BINARY + REDACTED.encode()
    assert (
        upload["request"]["url"]
        == server.url.replace("http://", f"http://ada:{REDACTED}@") + "/upload"
    )
    assert upload["request"]["headers"]["Authorization"] == f"Basic {REDACTED}"  # from userinfo


def test_replay_answers_from_the_cassette_without_the_network(pytester, run, server):
    record(pytester, run, server)
    server.close()  # nothing listens any more: only the cassette can answer
    hits = len(server.hits)
    result = run()
    result.assert_outcomes(passed=1)
    assert len(server.hits) == hits


def test_replay_matches_whatever_credentials_the_test_uses(pytester, run, server):
    """The live request is redacted like the recording was, so other test credentials match."""
    record(pytester, run, server)
    pytester.makepyfile(
        test_recorded=RECORDED_SUITE.replace(repr(AUTH_TOKEN), repr("a-different-test-token"))
    )
    server.close()
    result = run()
    result.assert_outcomes(passed=1)


def test_a_replayed_interaction_never_requested_fails_like_an_unused_mock(
    pytester, run, server, monkeypatch
):
    record(pytester, run, server)
    monkeypatch.setenv("SKIP_UPLOAD", "1")
    result = run()
    result.assert_outcomes(failed=1, errors=0)
    result.stdout.fnmatch_lines(
        [
            "*registered responses that were never requested:",
            f"*- POST {server.url.replace('http://', 'http://ada:REDACTED@')}/upload "
            "(cassette cassettes/test_recorded/api.yaml)",
        ]
    )


def test_a_request_unlike_the_recording_fails_and_says_why(pytester, run, server):
    record(pytester, run, server)
    pytester.makepyfile(test_recorded=RECORDED_SUITE.replace('"name": "a b"', '"name": "c d"'))
    result = run()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            f"*no registered response matches POST {server.url}/form",
            f"*- POST {server.url}/form (cassette cassettes/test_recorded/api.yaml): body (form): "
            'recorded ?"client_secret=REDACTED", "name=a b"?, sent ?"client_secret=REDACTED", '
            '"name=c d"?',
            "*pytest --pd-record*",
        ]
    )


def test_record_is_explicit_a_missing_cassette_is_an_error(pytester, run, server):
    pytester.makepyfile(test_recorded=RECORDED_SUITE)
    result = run()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["*cassette 'api' not found*Record it once with: pytest --pd-record <this test>"]
    )
    assert server.hits == []


def test_record_only_opens_the_network_for_tests_with_a_cassette(pytester, run, server):
    pytester.makepyfile(
        test_other="""
        import socket
        import requests

        def test_no_cassette(pd, pd_http):
            try:
                socket.create_connection(("192.0.2.1", 443), timeout=1)
            except OSError:
                pass
        """
    )
    result = run("--pd-record")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*tried to reach the real network*"])
    assert not (pytester.path / "cassettes").exists()


def test_json_cassettes_and_the_ini_directory(pytester, run, server):
    pytester.makeini("[pytest]\npd_http_cassette_dir = recorded\n")
    suite = RECORDED_SUITE.replace('cassette="api"', 'cassette="api.json"')
    record(pytester, run, server, suite)
    path = pytester.path / "recorded" / "test_recorded" / "api.json"
    document = json.loads(path.read_text())
    assert len(document["interactions"]) == 5
    assert not any(secret in path.read_text() for secret in SECRETS)
    server.close()
    run().assert_outcomes(passed=1)


def test_recording_again_replaces_the_cassette(pytester, run, server):
    record(pytester, run, server)
    first = cassette_text(pytester)
    record(pytester, run, server)
    assert cassette_text(pytester).count("- request:") == first.count("- request:") == 5
    assert not list((pytester.path / "cassettes" / "test_recorded").glob(".*tmp"))


def test_cassette_marker_errors(pytester, run):
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.pd_http(cassette="../outside")
        def test_escape(pd_http):
            pass

        @pytest.mark.pd_http(cassette=3)
        def test_not_a_name(pd_http):
            pass
        """
    )
    (pytester.path / "cassettes" / "test_cassette_marker_errors").mkdir(parents=True)
    (pytester.path / "cassettes" / "test_cassette_marker_errors" / "broken.yaml").write_text(
        "interactions: []\n"
    )
    result = run()
    result.assert_outcomes(errors=2)
    for line in (  # one at a time: the tests may run in any order
        "*a cassette name stays inside the cassette directory, got '../outside'",
        "*@pytest.mark.pd_http(cassette=...) takes a cassette name, got 3",
    ):
        result.stdout.fnmatch_lines([line])



# --- record modes --------------------------------------------------------------------------------

MODE_SUITE = """
import os

import pytest
import requests

BASE = os.environ["PD_TEST_SERVER"]
MARK = eval(os.environ.get("MARK", "{}"))


@pytest.mark.pd_http(cassette="modes", **MARK)
def test_modes(pd_http):
    assert requests.get(f"{BASE}/first", timeout=5).json()["path"] == "/first"
    if os.environ.get("SECOND"):
        assert requests.get(f"{BASE}/second", timeout=5).json()["path"] == "/second"
"""


def modes_cassette(pytester):
    return yaml.safe_load((pytester.path / "cassettes" / "test_modes" / "modes.yaml").read_text())


def paths(pytester):
    return [i["request"]["url"].rsplit("/", 1)[1] for i in modes_cassette(pytester)["interactions"]]


@pytest.fixture
def modes(pytester):
    pytester.makepyfile(test_modes=MODE_SUITE)


def test_mode_none_replays_only(pytester, run, server, modes):
    run("--pd-record=none").assert_outcomes(errors=1)  # nothing recorded yet: an error, no request
    assert server.hits == []
    run("--pd-record").assert_outcomes(passed=1)
    run("--pd-record=none").assert_outcomes(passed=1)
    assert server.hits == ["GET /first"]


def test_mode_once_records_a_missing_cassette_and_then_only_replays(
    pytester, run, server, modes, monkeypatch
):
    run("--pd-record=once").assert_outcomes(passed=1)
    run("--pd-record=once").assert_outcomes(passed=1)
    assert server.hits == ["GET /first"]
    monkeypatch.setenv("SECOND", "1")
    result = run("--pd-record=once")
    result.assert_outcomes(failed=1)  # a new request under once: a mismatch, not a recording
    result.stdout.fnmatch_lines(["*no registered response matches GET */second"])
    assert server.hits == ["GET /first"] and paths(pytester) == ["first"]


def test_mode_new_episodes_appends_what_is_new(pytester, run, server, modes, monkeypatch):
    run("--pd-record").assert_outcomes(passed=1)
    first = (pytester.path / "cassettes" / "test_modes" / "modes.yaml").read_text()
    monkeypatch.setenv("SECOND", "1")
    run("--pd-record=new_episodes").assert_outcomes(passed=1)
    assert server.hits == ["GET /first", "GET /second"]  # /first came from the cassette
    assert paths(pytester) == ["first", "second"]
    monkeypatch.delenv("SECOND")
    run("--pd-record=new_episodes").assert_outcomes(passed=1)  # /second unused: no failure
    run("--pd-record=new_episodes").assert_outcomes(passed=1)
    assert paths(pytester) == ["first", "second"] and first in (
        pytester.path / "cassettes" / "test_modes" / "modes.yaml"
    ).read_text().replace("- request:\n    method: GET\n", "", 0)


def test_mode_all_records_everything_again(pytester, run, server, modes, monkeypatch):
    run("--pd-record").assert_outcomes(passed=1)
    monkeypatch.setenv("SECOND", "1")
    run("--pd-record=all").assert_outcomes(passed=1)
    assert server.hits == ["GET /first", "GET /first", "GET /second"]
    assert paths(pytester) == ["first", "second"]


def test_the_marker_chooses_the_mode_of_a_recording_run_only(pytester, run, server, modes, monkeypatch):
    monkeypatch.setenv("MARK", "{'record_mode': 'once'}")
    run().assert_outcomes(errors=1)  # without --pd-record nothing is recorded, whatever the marker
    run("--pd-record").assert_outcomes(passed=1)
    run("--pd-record").assert_outcomes(passed=1)  # once: recorded already, replayed
    assert server.hits == ["GET /first"]
    monkeypatch.setenv("MARK", "{'record_mode': 'none'}")
    run("--pd-record=all").assert_outcomes(passed=1)  # a test that must never be re-recorded
    assert server.hits == ["GET /first"]


def test_a_bad_mode_is_a_usage_error(pytester, run, modes):
    result = run("--pd-record=sometimes")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--pd-record*sometimes*"])
    result = run("--pd-record", "test_modes.py")  # the path after a bare --pd-record stays a path
    assert "file or directory not found" not in result.stderr.str()


def test_the_config_fixture_and_bad_options_fail_the_setup_in_one_line(pytester, run, server):
    pytester.makeconftest(
        """
        import pytest

        @pytest.fixture
        def pd_http_cassette_config():
            return {"match_on": ["method", "path"], "recordmode": "all"}
        """
    )
    pytester.makepyfile(test_modes=MODE_SUITE)
    result = run("--pd-record")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*pd_http_cassette_config: unknown key(s) recordmode; known: *"])
    assert "During handling" not in result.stdout.str() and server.hits == []


# --- matching -----------------------------------------------------------------------------------

MATCH_SUITE = """
import os
import time

import pytest
import requests

BASE = os.environ["PD_TEST_SERVER"]
STAMP = os.environ.get("STAMP", "1")


@pytest.mark.pd_http(cassette="matching", match_ignore=["query:ts", "json:$.meta.sent_at",
                                                         "json:$.items[*].seen", "header:X-Sent-At"],
                     match_on=["method", "url", "body", "headers"])
def test_volatile_parts(pd_http):
    requests.get(f"{BASE}/list", params={"ts": STAMP, "page": 1}, headers={"X-Sent-At": STAMP},
                 timeout=5).raise_for_status()
    requests.post(f"{BASE}/save", json={"meta": {"sent_at": STAMP, "by": "ada"},
                                        "items": [{"id": 1, "seen": STAMP}]}, timeout=5).raise_for_status()


@pytest.mark.pd_http(cassette="loose", match_on=["method", "path"])
def test_path_only(pd_http):
    requests.get(f"{BASE}/list", params={"page": STAMP}, timeout=5).raise_for_status()
"""


def test_match_ignore_leaves_out_the_volatile_parts(pytester, run, server, monkeypatch):
    pytester.makepyfile(test_matching=MATCH_SUITE)
    run("--pd-record").assert_outcomes(passed=2)
    server.close()
    monkeypatch.setenv("STAMP", "2")
    run().assert_outcomes(passed=2)


def test_what_is_not_ignored_still_has_to_match(pytester, run, server, monkeypatch):
    pytester.makepyfile(test_matching=MATCH_SUITE.replace('"by": "ada"', '"by": os.environ.get("BY", "ada")'))
    run("--pd-record").assert_outcomes(passed=2)
    monkeypatch.setenv("BY", "eve")
    result = run("-k", "volatile")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(['*body (JSON): $.meta.by: recorded "ada", sent "eve"'])


def test_the_headers_matcher(pytester, run, server, monkeypatch):
    pytester.makepyfile(test_matching=MATCH_SUITE.replace('headers={"X-Sent-At": STAMP}', 'headers={"X-Sent-At": STAMP, "X-Tenant": os.environ.get("TENANT", "a")}'))
    run("--pd-record").assert_outcomes(passed=2)
    monkeypatch.setenv("TENANT", "b")
    result = run("-k", "volatile")
    result.assert_outcomes(failed=1, deselected=1)
    result.stdout.fnmatch_lines(["*header x-tenant: recorded 'a', sent 'b'"])


@pytest.mark.parametrize(
    ("recorded", "live", "match_on", "reason"),
    [
        ("https://a.example/x?p=1", "https://a.example/x?p=1", None, ""),
        ("https://a.example/x?p=1&q=2", "https://a.example/x?q=2&p=1", None, ""),
        ("https://a.example/x", "https://a.example:443/x", None, ""),
        ("https://a.example/x", "http://a.example/x", None, "URL does not match: scheme: recorded 'https', sent 'http'"),
        ("https://a.example/x", "https://b.example/x", None, "URL does not match: host: recorded 'a.example', sent 'b.example'"),
        ("https://a.example/x", "https://a.example:8443/x", None, "URL does not match: port: recorded 443, sent 8443"),
        ("https://a.example/x?p=1", "https://a.example/x?p=2", None, 'URL does not match: query: recorded ["p=1"], sent ["p=2"]'),
        ("https://a.example/x?p=1", "https://a.example/x?p=2", ("method", "path"), ""),
        ("https://a.example/x?p=1", "https://b.example/x?p=1", ("method", "path", "query"), ""),
    ],
)  # fmt: skip
def test_url_matching(recorded, live, match_on, reason):
    options = CassetteOptions(match_on=match_on) if match_on else CassetteOptions()
    assert matches(Request("GET", recorded), Request("GET", live), options) == (not reason, reason)


def test_bodies_match_by_meaning_not_by_bytes():
    options = CassetteOptions()

    def same(a, b, content_type):
        return matches(Request("POST", "https://x/", {"Content-Type": content_type[0]}, a),
                       Request("POST", "https://x/", {"Content-Type": content_type[1]}, b), options)  # fmt: skip

    part = b'--{b}\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n--{b}--\r\n'
    boundaries = ("multipart/form-data; boundary=a", "multipart/form-data; boundary=b")
    assert same(part.replace(b"{b}", b"a"), part.replace(b"{b}", b"b"), boundaries)[0]
    assert same(b'{"a": 1, "b": 2}', b'{"b":2,"a":1}', ("application/json",) * 2)[0]
    assert same(b"a=1&b=2", b"b=2&a=1", ("application/x-www-form-urlencoded",) * 2)[0]
    assert same(b"x", b"y", ("", "")) == (False, "body: recorded b'x', sent b'y'")
    assert same(b'{"a": [1, {"b": 2}]}', b'{"a": [1, {"b": 3}]}', ("application/json",) * 2) == (
        False,
        "body (JSON): $.a[1].b: recorded 2, sent 3",
    )


@pytest.mark.parametrize(
    ("text", "kind", "path"),
    [
        ("query:ts", "query", ()),
        ("header:X-Sent", "header", ()),
        ("json:$.a.b", "json", ("a", "b")),
        ("json:a[*].b", "json", ("a", "*", "b")),
        ("json:$.items[0]", "json", ("items", 0)),
    ],
)
def test_ignore_entries(text, kind, path):
    ignore = Ignore.parse(text)
    assert (ignore.kind, ignore.path) == (kind, path)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"match_on": "method"}, "match_on takes a list"),
        ({"match_on": ["verb"]}, "match_on takes a list of method, scheme"),
        ({"match_ignore": ["ts"]}, "match_ignore entries look like"),
        ({"match_ignore": ["cookie:x"]}, "match_ignore: unknown kind"),
        ({"match_ignore": ["json:$.a..b"]}, "is not a JSON path"),
        ({"before_record": "scrub"}, "before_record takes a function"),
        ({"drop_headers": "Date"}, "drop_headers takes a list"),
        ({"record_mode": "always"}, "record_mode must be one of none, once, new_episodes, all"),
    ],
)
def test_bad_options_say_what_is_wrong(options, message):
    with pytest.raises(CassetteError, match=re.escape(message)):
        resolve("all", options, {}, [], [])


# --- before_record and headers -------------------------------------------------------------------

HOOK_SUITE = """
import os

import pytest
import requests

BASE = os.environ["PD_TEST_SERVER"]


def scrub(interaction):
    if interaction.request.url.endswith("/health"):
        return None  # never recorded
    if interaction.response is not None:
        interaction.response.body = interaction.response.body.replace(b"ada", b"someone")
    interaction.request.headers.pop("X-Internal", None)
    return interaction


@pytest.mark.pd_http(cassette="hooked", before_record=scrub)
def test_hooked(pd_http):
    if not os.environ.get("RECORDING"):
        pd_http.get(f"{BASE}/health")  # left out of the cassette: answered some other way
    requests.get(f"{BASE}/health", timeout=5)
    login = requests.post(f"{BASE}/login", json={"user": "ada"}, headers={"X-Internal": "1"}, timeout=5)
    assert login.json()["user"] == ("ada" if os.environ.get("RECORDING") else "someone")
"""


def test_before_record_changes_and_skips_what_is_written(pytester, run, server, monkeypatch):
    pytester.makepyfile(test_hook=HOOK_SUITE)
    monkeypatch.setenv("RECORDING", "1")
    run("--pd-record").assert_outcomes(passed=1)
    document = yaml.safe_load((pytester.path / "cassettes" / "test_hook" / "hooked.yaml").read_text())
    (login,) = document["interactions"]
    assert login["request"]["url"].endswith("/login") and "X-Internal" not in login["request"]["headers"]
    assert login["response"]["body"]["json"]["user"] == "someone"
    server.close()
    monkeypatch.delenv("RECORDING")
    run().assert_outcomes(passed=1)  # the live request goes through the hook too, and matches


def test_headers_dropped_and_kept(pytester, run, server):
    pytester.makeini(
        "[pytest]\npd_http_cassette_keep_headers = Date X-Request-Id\n"
        "pd_http_cassette_drop_headers = X-Api-Key\n"
    )
    record(pytester, run, server, RECORDED_SUITE.replace('cassette="api"', 'cassette="api", drop_headers=["Accept"]'))
    listing = yaml.safe_load(cassette_text(pytester))["interactions"][0]
    assert {"Date", "X-Request-Id"} <= set(listing["response"]["headers"])
    assert "X-Api-Key" not in listing["response"]["headers"] and "Server" not in listing["response"]["headers"]
    assert "Accept" not in listing["request"]["headers"]


# --- the file format ----------------------------------------------------------------------------


def interaction(**changes):
    request = Request("POST", "https://api.example.com/v1?a=1", {"Content-Type": "application/json"}, b'{"a": 1}')
    response = Response(200, "OK", {"Content-Type": "text/csv"}, b"a,b\n1,2\n")
    for key, value in changes.items():
        target = request if key.startswith("request_") else response
        setattr(target, key.split("_", 1)[1], value)
    return Interaction(request, response)


@pytest.mark.parametrize(
    "body",
    [
        b"", b"plain", "caf\u00e9\n".encode(), b"line 1\nline 2\n", b"ends with space \n", b"crlf\r\n",
        b"\x00\x01binary", BINARY, b"\xff\xfe", b"tab\tand\x1b escape",
        b'{"a": 1, "b": [1, 2.5, null, true], "c": "\\u00e9"}', b'{"a":1,"b":{"c":"\xc3\xa9"}}',
        b'{\n  "a": 1\n}\n', b"[1e5, 1]", b'{"a": NaN}', b'{"dup": 1, "dup": 2}', b'{"a": 1}\n\n',
    ],
)  # fmt: skip
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_bodies_round_trip_exactly(tmp_path, body, suffix):
    path = tmp_path / f"c{suffix}"
    dump(path, [interaction(request_body=body, response_body=body)])
    (loaded,) = load(path)
    assert loaded.request.body == body and loaded.response.body == body
    assert loaded == interaction(request_body=body, response_body=body)


@pytest.mark.parametrize(
    ("body", "style"),
    [
        (b'{"b": 1, "a": [1, 2]}', "spaced ascii"),
        (b'{"b":1,"a":"\xc3\xa9"}', "compact utf-8"),
        (b'{"b":1,"a":"\\u00e9"}', "compact ascii"),
        (b'{\n  "b": 1,\n  "a": 2\n}\n', "indent 2 ascii newline"),
        (b'[\n    1\n]', "indent 4 ascii"),
    ],
)
def test_json_bodies_are_stored_as_documents_in_received_order(body, style):
    encoded = encode_body(body)
    assert encoded["format"] == style
    assert list(encoded["json"]) == list(json.loads(body)) if isinstance(encoded["json"], dict) else True
    assert decode_body(encoded, "x") == body


def test_a_json_body_is_pretty_in_the_cassette(tmp_path):
    path = tmp_path / "c.yaml"
    dump(path, [interaction(response_body=b'{"z":1,"a":{"b":[1,2]}}')])
    text = path.read_text()
    assert "      json:\n        z: 1\n        a:\n          b:\n          - 1\n          - 2\n" in text
    assert "      format: compact ascii\n" in text


def test_binary_bodies_are_base64_with_a_marker():
    assert encode_body(b"text") == "text"
    assert encode_body(b"\x00\xff") == {"base64": "AP8="}
    assert decode_body({"base64": "AP8="}, "x") == b"\x00\xff"
    assert decode_body({"json": {"a": 1}}, "x") == b'{"a": 1}'  # written by hand: the default
    with pytest.raises(CassetteError, match="not valid base64"):
        decode_body({"base64": "***"}, "x")
    with pytest.raises(CassetteError, match="a body is a string"):
        decode_body({"other": "x"}, "x")
    with pytest.raises(CassetteError, match="unknown JSON body format"):
        decode_body({"json": {}, "format": "fancy"}, "x")


def test_version_1_cassettes_are_still_read(tmp_path):
    path = tmp_path / "old.yaml"
    path.write_text(
        "pytest_pdhttp_cassette: 1\ninteractions:\n- request: {method: get, url: 'https://x/'}\n"
        "  response: {status: 200, body: '{\"a\": 1}'}\n"
    )
    (old,) = load(path)
    assert (old.request.method, old.response.body) == ("GET", b'{"a": 1}')


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "not a pytest-pdhttp cassette"),
        ("pytest_pdhttp_cassette: 1\ninteractions: {}\n", "'interactions' must be a list"),
        ("pytest_pdhttp_cassette: 2\ninteractions: [{request: {}}]\n", "needs a 'response' table"),
        (
            "pytest_pdhttp_cassette: 2\ninteractions:\n- request: {method: GET, url: u}\n"
            "  response: {status: '200'}\n",
            "response.status must be an int",
        ),
        ("a: [", "not valid YAML"),
    ],
)
def test_bad_cassettes_say_what_is_wrong(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(CassetteError, match=message):
        load(path)


# --- recording is what the step would do without the plugin ------------------------------------

PROXIED_SUITE = """
import pytest
import requests


@pytest.mark.pd_http(cassette="proxied")
def test_through_the_proxy(pd_http):
    response = requests.get("http://api.example.invalid/items", timeout=5)
    assert response.json()["path"] == "http://api.example.invalid/items"
"""


def test_recording_goes_through_the_proxy_the_run_was_given(pytester, run, server, monkeypatch, outside):
    """A developer behind a proxy records through it (the guard hides the proxy variables only
    from tests that may not reach the network); the name is never resolved here."""
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):  # (outside set them all)
        monkeypatch.setenv(name, server.url)  # the loopback server answers as the proxy
    record(pytester, run, server, PROXIED_SUITE)
    assert server.hits == ["GET http://api.example.invalid/items"]
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name)
    run().assert_outcomes(passed=1)  # and the replay needs neither


RAW_SUITE = """
import io
import os
import shutil

import pytest
import requests


@pytest.mark.pd_http(cassette="download")
def test_download(pd_http):
    response = requests.get(os.environ["PD_TEST_SERVER"] + "/binary", stream=True, timeout=5)
    copy = io.BytesIO()
    shutil.copyfileobj(response.raw, copy)
    assert copy.getvalue() == bytes(range(256)) * 4
"""


def test_recording_leaves_the_raw_stream_readable(pytester, run, server):
    """A download read from ``response.raw`` gets its bytes while recording as in the replay."""
    record(pytester, run, server, RAW_SUITE)
    run().assert_outcomes(passed=1)


BAD_HOOK_SUITE = """
import os

import pytest
import requests


def returns_the_response(interaction):
    return interaction.response


def fails(interaction):
    return interaction.response.headers["X-Missing"]


@pytest.mark.pd_http(cassette="hooked", before_record=returns_the_response)
def test_bad_hook(pd_http):
    requests.get(os.environ["PD_TEST_SERVER"] + "/items", timeout=5)


@pytest.mark.pd_http(cassette="failing", before_record=fails)
def test_failing_hook(pd_http):
    requests.get(os.environ["PD_TEST_SERVER"] + "/items", timeout=5)
"""


def test_a_broken_hook_is_reported_without_showing_the_raw_interaction(pytester, run, server):
    """pytest shows the arguments of the frames in a traceback: an interaction's repr holds no
    header value and no body. The plugin's own frames are hidden."""
    pytester.makepyfile(test_recorded=BAD_HOOK_SUITE)
    result = run("--pd-record", "-p", "no:randomly")
    result.assert_outcomes(passed=2, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*before_record must return the interaction (or None to skip it), got a Response*",
            "interaction = Interaction(request=Request(GET http://127.0.0.1:*/items, headers User-Agent*"
            "54-byte body))",
        ]
    )
    assert SERVER_COOKIE not in result.stdout.str() and SERVER_HEADER not in result.stdout.str()
    for frame in ("pytest_pdhttp/plugin.py", "_http/cassette/", "_http/guard/"):
        assert frame not in result.stdout.str(), frame  # the hook's mistake, not the plugin's code


class HeadersServer(LoopbackServer):
    """Answers in the shapes a replay must keep: a custom reason phrase, a Content-Length that a
    redaction shortens, a chunked body (no Content-Length), HEAD and 304 announcing another body."""

    def __init__(self) -> None:
        super().__init__()
        base = self._httpd.RequestHandlerClass

        class Handler(base):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                if self.path == "/chunked":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for part in (b"one ", b"two"):
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
                    self.wfile.write(b"0\r\n\r\n")
                    return
                body = json.dumps({"echo": self.headers.get("X-Api-Key")}).encode()
                self.send_response(200, "Fine Thanks")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_HEAD(self):
                self.send_response(200)
                self.send_header("Content-Length", "1024")
                self.end_headers()

            def do_PUT(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                self.send_response(304)
                self.send_header("Content-Length", "1024")
                self.end_headers()

        self._httpd.RequestHandlerClass = Handler


@pytest.fixture
def headers_server(monkeypatch):
    running = HeadersServer()
    monkeypatch.setenv("PD_TEST_SERVER", running.url)
    yield running
    running.close()


SHAPES_SUITE = f"""
import json
import os

import pytest
import requests

KEY = {AUTH_SECRET!r}


@pytest.mark.pd(inputs={{"api": {{"$auth": {{"api_key": KEY}}}}}})
@pytest.mark.pd_http(cassette="shapes")
def test_shapes(pd_http):
    base = os.environ["PD_TEST_SERVER"]
    seen = {{}}
    for name, response in [
        ("echo", requests.get(base + "/echo", headers={{"X-Api-Key": KEY}}, timeout=5)),
        ("chunked", requests.get(base + "/chunked", timeout=5)),
        ("head", requests.head(base + "/file", timeout=5)),
        ("not modified", requests.put(base + "/file", data=b"x", timeout=5)),
    ]:
        seen[name] = [response.status_code, response.reason, response.headers.get("Content-Length"),
                      response.text]
    with open(os.environ["SEEN_FILE"], "a") as file:
        file.write(json.dumps(seen) + "\\n")
"""


def test_the_replay_keeps_the_reason_phrase_and_the_content_length(
    pytester, run, headers_server, tmp_path, monkeypatch
):
    """A replayed response has the recorded reason phrase, and a Content-Length when the
    recorded one had one: the length of the body served (here shortened by redaction; in a
    hand-edited cassette, the edited body's), as sent for HEAD and 304; none for a chunked one."""
    seen = tmp_path / "seen.jsonl"
    monkeypatch.setenv("SEEN_FILE", str(seen))
    record(pytester, run, headers_server, SHAPES_SUITE)
    run().assert_outcomes(passed=1)
    recorded, replayed = (json.loads(line) for line in seen.read_text().splitlines())
    echo = json.dumps({"echo": REDACTED})
    assert recorded["echo"] == [200, "Fine Thanks", str(len(recorded["echo"][3])), recorded["echo"][3]]
    assert replayed["echo"] == [200, "Fine Thanks", str(len(echo)), echo]
    assert replayed["chunked"] == recorded["chunked"] == [200, "OK", None, "one two"]
    assert replayed["head"] == recorded["head"] == [200, "OK", "1024", ""]
    assert replayed["not modified"] == recorded["not modified"] == [304, "Not Modified", "1024", ""]

    path = pytester.path / "cassettes" / "test_recorded" / "shapes.yaml"
    assert AUTH_SECRET not in path.read_text()  # a pd marker's $auth on a test without pd
    path.write_text(path.read_text().replace("echo: REDACTED", "echo: REDACTED, edited by hand"))
    seen.unlink()
    run().assert_outcomes(passed=1)
    edited = json.loads(seen.read_text())["echo"]
    assert edited[2] == str(len(edited[3].encode())) and "edited by hand" in edited[3]


@pytest.mark.parametrize(
    "text", ["next\x85line", "a\u2028b\u2029c", "half an emoji \ud83d"], ids=["NEL", "LS-PS", "surrogate"]
)
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_text_yaml_reads_as_line_breaks_is_kept(tmp_path, text, suffix):
    """YAML reads U+0085, U+2028 and U+2029 as line breaks in plain and block strings (a NEL
    became a space); JSON has no UTF-8 spelling for a lone surrogate (the write failed)."""
    escaped = json.dumps({"note": text}).encode()
    written = interaction(
        request_url="https://api.example.com/v1?q=" + text.replace("\ud83d", ""),
        response_reason="OK " + text.replace("\ud83d", ""),
        response_headers={"X-Note": text.replace("\ud83d", ""), "Content-Type": "application/json"},
        response_body=escaped,
    )
    if "\ud83d" not in text:
        written.request.body = text.encode()
    path = tmp_path / f"c{suffix}"
    dump(path, [written])
    assert load(path) == [written]
