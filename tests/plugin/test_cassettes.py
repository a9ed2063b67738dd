"""Cassettes: `pytest --pd-record` against a loopback server writes them with every credential
redacted; a normal run replays them into pd_http, strictly, without touching the network."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, quote_plus

import pytest
import yaml

from pytest_pdhttp._http.cassette import (
    CassetteError,
    Interaction,
    decode_body,
    dump,
    encode_body,
    load,
    same_body,
)
from pytest_pdhttp._http.redact import REDACTED, Redactor, auth_values

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
    assert document["pytest_pdhttp_cassette"] == 1
    listing, login, form, blob, upload = document["interactions"]

    assert listing["request"]["method"] == "GET"
    assert listing["request"]["url"] == (
        f"{server.url}/items/{REDACTED}?api_key={REDACTED}&page=1&q=by+{REDACTED}"
    )
    headers = listing["request"]["headers"]
    assert headers["Authorization"] == headers["X-Api-Key"] == headers["Cookie"] == REDACTED
    assert headers["X-Trace"] == f"t-{REDACTED}" and headers["Accept"] == "*/*"
    response_headers = listing["response"]["headers"]
    assert response_headers["Set-Cookie"] == response_headers["X-Api-Key"] == REDACTED
    assert response_headers["X-Request-Id"] == "req-1"
    assert listing["response"]["status"] == 200 and listing["response"]["reason"] == "OK"

    assert json.loads(login["request"]["body"]) == {
        "user": "ada",
        "password": REDACTED,
        "note": f"token {REDACTED}",
        "nested": {"client_secret": REDACTED, "keep": 1},
    }
    response = json.loads(login["response"]["body"])
    assert response["access_token"] == REDACTED and response["user"] == "ada"
    assert form["request"]["body"] == f"client_secret={REDACTED}&name=a+b"
    assert blob["response"]["body"] == {"base64": base64.b64encode(BINARY).decode()}
    assert decode_body(blob["response"]["body"], "") == BINARY
    assert decode_body(upload["request"]["body"], "") == BINARY + REDACTED.encode()
    assert (
        upload["request"]["url"]
        == server.url.replace("http://", f"http://ada:{REDACTED}@") + "/upload"
    )
    assert "Authorization" in upload["request"]["headers"]  # requests sent basic auth, redacted
    assert upload["request"]["headers"]["Authorization"] == REDACTED


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
            f"*- POST {server.url}/form (cassette cassettes/test_recorded/api.yaml): body does not "
            "match the recorded one*",
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


# --- the pieces, without pytest runs ------------------------------------------------------------


def interaction(**changes):
    values = dict(
        method="POST",
        url="https://api.example.com/v1?a=1",
        request_headers={"Content-Type": "application/json"},
        request_body=b'{"a": 1}',
        status=200,
        reason="OK",
        response_headers={"Content-Type": "text/csv"},
        response_body=b"a,b\n1,2\n",
    )
    values.update(changes)
    return Interaction(**values)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"plain",
        "caf\u00e9\n".encode(),
        b"line 1\nline 2\n",
        b"ends with space \n",
        b"crlf\r\n",
        b"\x00\x01binary",
        BINARY,
        b"\xff\xfe",
        b"tab\tand\x1b escape",
    ],  # fmt: skip
)
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_bodies_round_trip_exactly(tmp_path, body, suffix):
    path = tmp_path / f"c{suffix}"
    dump(path, [interaction(request_body=body, response_body=body)])
    (loaded,) = load(path)
    assert loaded.request_body == body and loaded.response_body == body
    assert loaded == interaction(request_body=body, response_body=body)


def test_binary_bodies_are_base64_with_a_marker():
    assert encode_body(b"text") == "text"
    assert encode_body(b"\x00\xff") == {"base64": "AP8="}
    assert decode_body({"base64": "AP8="}, "x") == b"\x00\xff"
    with pytest.raises(CassetteError, match="not valid base64"):
        decode_body({"base64": "***"}, "x")
    with pytest.raises(CassetteError, match="a body is a string"):
        decode_body({"other": "x"}, "x")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "not a pytest-pdhttp cassette"),
        ("pytest_pdhttp_cassette: 1\ninteractions: {}\n", "'interactions' must be a list"),
        ("pytest_pdhttp_cassette: 1\ninteractions: [{request: {}}]\n", "needs a 'response' table"),
        (
            "pytest_pdhttp_cassette: 1\ninteractions:\n- request: {method: GET, url: u}\n"
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


def test_auth_values_are_every_long_enough_string_under_auth():
    inputs = {
        "github": {"$auth": {"oauth_access_token": "gho_abc123", "oauth_uid": 123456, "ok": True}},
        "slack": {"$auth": {"bot": {"token": "xoxb-1"}, "region": "eu", "scopes": ["chat:write"]}},
        "plain": {"api_key": "not-under-auth"},
        "store": object(),
    }
    assert auth_values(inputs) == {"gho_abc123", "123456", "xoxb-1", "chat:write"}


def test_redactor_covers_every_spelling_of_a_secret():
    secret = 'a/b+c "d"'
    redactor = Redactor([secret, "ab"])  # too short to be a secret: left alone
    for spelling in (secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1]):
        assert redactor.text(f"x{spelling}y") == f"x{REDACTED}y"
    assert redactor.text("abc") == "abc"
    assert redactor.url("https://u:p@h.example/p?token=1&a=2&sig=3") == (
        f"https://u:{REDACTED}@h.example/p?token={REDACTED}&a=2&sig={REDACTED}"
    )
    assert redactor.body(b'{"api_key": 5, "ok": true, "list": [{"password": "x"}]}', "") == (
        b'{"api_key": "REDACTED", "ok": true, "list": [{"password": "REDACTED"}]}'
    )
    assert redactor.body(b'{"plain": 1}', "application/json") == b'{"plain": 1}'  # unchanged bytes
    assert redactor.headers({"X-Auth-Token": "t", "Proxy-Authorization": "p", "Accept": "x"}) == {
        "X-Auth-Token": REDACTED,
        "Proxy-Authorization": REDACTED,
        "Accept": "x",
    }


def test_bodies_match_by_meaning_not_by_bytes():
    boundary_a = b'--a\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n--a--\r\n'
    boundary_b = boundary_a.replace(b"--a", b"--b")
    assert same_body(boundary_a, "multipart/form-data; boundary=a", boundary_b,
                     "multipart/form-data; boundary=b")[0]  # fmt: skip
    assert same_body(b'{"a": 1, "b": 2}', "application/json", b'{"b":2,"a":1}', "application/json")[
        0
    ]
    assert same_body(b"a=1&b=2", "application/x-www-form-urlencoded", b"b=2&a=1",
                     "application/x-www-form-urlencoded")[0]  # fmt: skip
    matched, reason = same_body(b"x", "", b"y", "")
    assert not matched and "body does not match" in reason
    assert not same_body(b'{"a": 1}', "application/json", b'{"a": 2}', "application/json")[0]
