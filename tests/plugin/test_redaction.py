"""Issue 13, acceptance (a): credentials planted in every body type, header, URL and `env=` value
are recorded from a loopback server; no cassette file and no failure message holds any of them;
the replay gives the step the same bytes it saw while recording, each secret replaced by
`REDACTED` and nothing else changed. Below: the redaction rules one by one."""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, quote_plus

import pytest
import requests
import yaml

from pytest_pdhttp._http.cassette.files import load
from pytest_pdhttp._http.redact import REDACTED, Redactor, auth_values, env_secrets

AUTH_TOKEN = "authtok-7Hq2Lm9Xp4"
AUTH_KEY = "test-key-123"  # also planted inside a longer word, which must stay
ACCOUNT = 4242  # an integer $auth value: 142420 and 42.4242 must stay
WEBHOOK_SECRET = "whsecretpath9Zk2"
ENV_TOKEN = "envtok-Qa81Zx0Lp"
PASSWORD = "pw-Hunter2-0912"
CLIENT_SECRET = "cs-5530-Rr8Tt"
OAUTH_CODE = "oc-7731-Kk2Mm"
SLACK_TOKEN = "xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx"
COOKIE = "ck-2288-Yy6Uu"
SERVER_TOKEN = "srvtok-6620-Pq"
SERVER_COOKIE = "sck-3319-Nn5"
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
AMZ_SIGNATURE = "amzsig0123456789abcdef"
GOOG_SIGNATURE = "googsig0123456789abcdef"
QUERY_KEY = "qk-4471-Zz9"
USERINFO_PASSWORD = "ui-pw-8841-Aa"
GRAPHQL_TOKEN = "gql-tok-5512-Bb"
GZIP_SECRET = "gz-sec-9931-Cc"
GZIP_REQUEST_SECRET = "gzr-sec-2231-Gg"
STREAM_SECRET = "st-sec-1177-Dd"
STREAM_REQUEST_SECRET = "str-sec-8871-Hh"
LINK_TOKEN = "lk-tok-4420-Ee"
LOCATION_TOKEN = "cl-tok-6602-Ff"
FILE_CONTENT = b"an upload stays as it was: token=not-a-secret, password: plain\n"
BASIC = base64.b64encode(f"ada:{USERINFO_PASSWORD}".encode()).decode()

SECRETS = (
    AUTH_TOKEN, AUTH_KEY, WEBHOOK_SECRET, ENV_TOKEN, PASSWORD, CLIENT_SECRET, OAUTH_CODE,
    SLACK_TOKEN, COOKIE, SERVER_TOKEN, SERVER_COOKIE, JWT, AMZ_SIGNATURE, GOOG_SIGNATURE,
    QUERY_KEY, USERINFO_PASSWORD, GRAPHQL_TOKEN, GZIP_SECRET, GZIP_REQUEST_SECRET, STREAM_SECRET,
    STREAM_REQUEST_SECRET, LINK_TOKEN, LOCATION_TOKEN, BASIC,
)  # fmt: skip
NUMBERS_BODY = (
    b'{"total":142420,"ratio":42.4242,"flag":true,"label":"xtest-key-123x",'
    b'"key":"test-key-123","account":4242}'
)


class Api(BaseHTTPRequestHandler):
    """Echoes what it gets, in every shape a real API answers in."""

    protocol_version = "HTTP/1.1"

    def _send(self, status, body, content_type="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Request-Id", "req-volatile-1")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _body(self):
        if self.headers.get("Transfer-Encoding") == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                chunk = self.rfile.read(size + 2)[:-2]
                if not size:
                    return data
                data += chunk
        return self.rfile.read(int(self.headers.get("Content-Length", 0)))

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path.startswith("/items/"):
            echo = {
                "path": self.path,
                "seen": {name: self.headers.get(name) for name in ("Authorization", "Cookie", "X-Api-Key")},
                "access_token": SERVER_TOKEN,
                "next": f"{base}/items?page=3&access_token={LINK_TOKEN}",
            }
            self._send(200, json.dumps(echo, indent=2).encode(), headers=[
                ("Set-Cookie", f"sid={SERVER_COOKIE}; Path=/; HttpOnly"),
                ("X-Api-Key", self.headers.get("X-Api-Key", "")),
                ("Link", f'<{base}/items?page=3&access_token={LINK_TOKEN}>; rel="next"'),
            ])  # fmt: skip
        elif self.path == "/text":
            text = (
                f'query {{ viewer(token: "{GRAPHQL_TOKEN}") {{ login }} }}\n'
                f"Authorization: Bearer {AUTH_TOKEN}\n"
                f"password={PASSWORD}\n"
                f"slack says {SLACK_TOKEN} in a sentence\n"
                f"the caller sent {self.headers.get('Authorization')}\n"
                "plain words stay, as do 142420 and xtest-key-123x\n"
            )
            self._send(200, text.encode(), "text/plain; charset=utf-8")
        elif self.path == "/redirect":
            self._send(302, b"", "text/plain", headers=[
                ("Location", f"{base}/callback?code={OAUTH_CODE}&state=xyz"),
                ("Content-Location", f"/items?token={LOCATION_TOKEN}&view=full"),
                ("Link", f'<{base}/next?access_token={LINK_TOKEN}>; rel="next"'),
            ])  # fmt: skip
        elif self.path == "/numbers":
            self._send(200, NUMBERS_BODY)
        else:
            self._send(404, b'{"error": "not found"}')

    def do_POST(self):
        data = self._body()
        if self.path == "/json":
            echo = {"received": json.loads(data), "ok": True}
            self._send(201, json.dumps(echo).encode())
        elif self.path == "/form":
            self._send(200, data, "text/plain")
        elif self.path == "/upload":
            self._send(200, json.dumps({"ok": True, "file": {"name": "a.txt", "size": len(data)}}).encode())
        elif self.path == "/gzip":
            received = json.loads(gzip.decompress(data))
            body = json.dumps({"api_key": GZIP_SECRET, "got": sorted(received)}, separators=(",", ":"))
            self._send(200, gzip.compress(body.encode(), mtime=0), headers=[("Content-Encoding", "gzip")])
        elif self.path == "/stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for line in (b"chunk one\n", f"chunk two token={STREAM_SECRET}\n".encode(), b"end\n"):
                self.wfile.write(f"{len(line):x}\r\n".encode() + line + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        elif self.path.startswith("/hooks/"):
            echo = {"ok": True, "Authorization": self.headers.get("Authorization"), "length": len(data)}
            self._send(200, json.dumps(echo).encode())
        else:
            self._send(404, b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def api(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Api)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("PD_TEST_SERVER", base)
    yield base
    server.shutdown()
    server.server_close()


PLANTED = {
    "auth_token": AUTH_TOKEN, "auth_key": AUTH_KEY, "account": ACCOUNT, "webhook": WEBHOOK_SECRET,
    "env_token": ENV_TOKEN, "password": PASSWORD, "client_secret": CLIENT_SECRET,
    "oauth_code": OAUTH_CODE, "slack": SLACK_TOKEN, "cookie": COOKIE, "jwt": JWT,
    "amz": AMZ_SIGNATURE, "goog": GOOG_SIGNATURE, "query_key": QUERY_KEY,
    "userinfo": USERINFO_PASSWORD, "graphql": GRAPHQL_TOKEN, "gzip": GZIP_REQUEST_SECRET,
    "stream": STREAM_REQUEST_SECRET, "file": FILE_CONTENT.decode(),
}  # fmt: skip

# The test file names no secret (it reads them from PLANTED_FILE), so that whatever a failure
# report shows of its source is not what is checked here: the plugin's own messages are.
STEP_SUITE = """
import base64
import gzip
import json
import os

import pytest
import requests

P = json.loads(open(os.environ["PLANTED_FILE"]).read())
INPUTS = {"api": {"$auth": {"api_token": P["auth_token"], "api_key": P["auth_key"],
                            "account_id": P["account"], "flag": "true", "region": "eu"}}}
SHOWN = ("Content-Type", "Location", "Content-Location", "Link", "Set-Cookie", "X-Api-Key")


def handler(pd):
    auth = pd.inputs["api"]["$auth"]
    token, key = auth["api_token"], auth["api_key"]
    base = os.environ["PD_TEST_SERVER"]
    seen = {}

    def keep(name, response, body=None):
        seen[name] = {
            "status": response.status_code,
            "headers": {h: response.headers[h] for h in SHOWN if h in response.headers},
            "body": base64.b64encode(response.content if body is None else body).decode(),
        }

    keep("items", requests.get(
        f"{base}/items/{token}",
        params={"jwt": P["jwt"], "X-Amz-Signature": P["amz"], "X-Goog-Signature": P["goog"],
                "key": P["query_key"], "page": "2"},
        headers={"Authorization": f"Bearer {token}", "X-Api-Key": key,
                 "Cookie": f"session={P['cookie']}", "X-Trace": f"t-{token}"},
        timeout=5,
    ))
    user = "eve" if os.environ.get("SKEW") else "ada"
    keep("json", requests.post(f"{base}/json", json={
        "user": user, "password": P["password"], "count": 142420,
        "deep": {"list": [{"client_secret": P["client_secret"], "keep": 1}]},
        "query": 'mutation { login(token: "%s") { ok } }' % P["graphql"],
    }, timeout=5))
    keep("form", requests.post(f"{base}/form", data={
        "grant_type": "authorization_code", "code": P["oauth_code"],
        "client_secret": P["client_secret"], "name": "a b",
    }, timeout=5))
    keep("upload", requests.post(f"{base}/upload", data={"token": P["slack"], "channels": "C1"},
                                 files={"file": ("a.txt", P["file"].encode())}, timeout=5))
    keep("text", requests.get(base.replace("http://", f"http://ada:{P['userinfo']}@") + "/text",
                              timeout=5))
    keep("gzip", requests.post(
        f"{base}/gzip", data=gzip.compress(json.dumps({"refresh_token": P["gzip"]}).encode()),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"}, timeout=5,
    ))
    chunks = (c for c in [b'{"session_token": "', P["stream"].encode(), b'"}'])
    streamed = requests.post(f"{base}/stream", data=chunks, stream=True, timeout=5)
    keep("stream", streamed, b"".join(streamed.iter_content(7)))
    keep("redirect", requests.get(f"{base}/redirect", allow_redirects=False, timeout=5))
    keep("webhook", requests.post(os.environ["WEBHOOK_URL"], json={"text": "deployed"},
                                  headers={"Authorization": f"token {os.environ['GITHUB_TOKEN']}"},
                                  timeout=5))
    keep("numbers", requests.get(f"{base}/numbers", timeout=5))
    return seen


@pytest.mark.pd(inputs=INPUTS, env={
    "WEBHOOK_URL": os.environ["PD_TEST_SERVER"] + "/hooks/T0/B0/" + P["webhook"],
    "GITHUB_TOKEN": P["env_token"],
})
@pytest.mark.pd_http(cassette="everything")
def test_everything(pd):
    seen = pd.run(handler).return_value
    with open(os.environ["SEEN_FILE"], "w") as out:
        json.dump(seen, out)
"""


def spellings(secret: str) -> set[str]:
    return {secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1]}


def assert_holds_none(text: str, where: str) -> None:
    text = text.replace("xtest-key-123x", "")  # inside a longer word: must stay as it was
    for secret in SECRETS:
        for spelling in spellings(secret):
            assert spelling not in text, f"{where} holds {spelling!r}"


def split_on(data: bytes, separators: list[bytes]) -> list[bytes]:
    """``data`` cut at each secret that stands alone (not inside a longer word)."""
    alternatives = b"|".join(re.escape(s) for s in sorted(separators, key=len, reverse=True))
    return re.split(rb"(?<![A-Za-z0-9_])(?:" + alternatives + rb")(?![A-Za-z0-9_])", data)


def same_but_secrets(recorded: bytes, replayed: bytes) -> None:
    """Every planted secret became REDACTED, and every other byte is the same."""
    assert split_on(recorded, [s.encode() for s in SECRETS]) == replayed.split(REDACTED.encode()), (
        recorded,
        replayed,
    )


@pytest.fixture
def recorded_everything(pytester, run, api, tmp_path, monkeypatch):
    planted = tmp_path / "planted.json"
    planted.write_text(json.dumps(PLANTED))
    monkeypatch.setenv("PLANTED_FILE", str(planted))
    pytester.makepyfile(test_steps=STEP_SUITE)
    monkeypatch.setenv("SEEN_FILE", str(tmp_path / "recording.json"))
    run("--pd-record").assert_outcomes(passed=1)
    return json.loads((tmp_path / "recording.json").read_text())


def test_no_cassette_file_holds_a_planted_credential(pytester, recorded_everything):
    path = pytester.path / "cassettes" / "test_steps" / "everything.yaml"
    text = path.read_text()
    assert_holds_none(text, str(path))
    for interaction in load(path):
        for part in (interaction.request, interaction.response):
            assert_holds_none(part.body.decode("latin-1"), f"a body of {interaction.request.url}")
            assert_holds_none(json.dumps(part.headers), f"the headers of {interaction.request.url}")
    document = yaml.safe_load(text)
    assert len(document["interactions"]) == 10
    urls = [i["request"]["url"] for i in document["interactions"]]
    assert urls[0].endswith(
        "/items/REDACTED?jwt=REDACTED&X-Amz-Signature=REDACTED&X-Goog-Signature=REDACTED"
        "&key=REDACTED&page=2"
    )
    assert re.fullmatch(r"http://ada:REDACTED@127\.0\.0\.1:\d+/text", urls[4])
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/REDACTED", urls[8])  # the webhook's secret path
    assert "X-Request-Id" not in document["interactions"][0]["response"]["headers"]  # volatile


def test_the_replay_gives_the_step_the_same_bytes_but_the_secrets(
    pytester, run, api, tmp_path, monkeypatch, recorded_everything
):
    monkeypatch.setenv("SEEN_FILE", str(tmp_path / "replay.json"))
    monkeypatch.setenv("PD_TEST_SERVER", api)  # (the server is not asked: the port must match)
    result = run()
    result.assert_outcomes(passed=1)
    replayed = json.loads((tmp_path / "replay.json").read_text())
    assert replayed.keys() == recorded_everything.keys()
    for name, seen in recorded_everything.items():
        again = replayed[name]
        assert again["status"] == seen["status"], name
        assert again["headers"].keys() == seen["headers"].keys(), name
        for header, value in seen["headers"].items():
            same_but_secrets(value.encode(), again["headers"][header].encode())
        body, body_again = base64.b64decode(seen["body"]), base64.b64decode(again["body"])
        if name == "numbers":
            assert body == NUMBERS_BODY
            assert body_again == NUMBERS_BODY.replace(b'"test-key-123"', b'"REDACTED"').replace(
                b'"account":4242', b'"account":"REDACTED"'
            )  # 142420, 42.4242, true and xtest-key-123x are byte for byte what they were
        else:
            same_but_secrets(body, body_again)
    upload = pytester.path / "cassettes" / "test_steps" / "everything.yaml"
    assert FILE_CONTENT.decode() in yaml.safe_load(upload.read_text())["interactions"][3]["request"]["body"]


def test_no_failure_message_shows_a_credential(pytester, run, api, tmp_path, monkeypatch, recorded_everything):
    """A replay whose step sends something else: the mismatch message shows the live request, and
    the test still has every real credential in hand."""
    monkeypatch.setenv("SEEN_FILE", str(tmp_path / "skewed.json"))
    monkeypatch.setenv("SKEW", "1")
    result = run()
    result.assert_outcomes(failed=1)
    output = result.stdout.str()
    assert "no registered response matches POST" in output
    assert 'body (JSON): $.user: recorded "ada", sent "eve"' in output
    assert_holds_none(output, "the failure report")


# --- the rules, one by one -----------------------------------------------------------------------


@pytest.fixture
def redactor():
    return Redactor(
        ["test-key-123", "4242", "true", "pd-auth-Zq8/x+Kw3mN5vB7",
         "https://hooks.example.com/services/T000/B000/webhooksecret1234"]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # INVALID (redacted): credential keys at any depth, echoed headers, whole secret values
        (b'{"password": "x"}', b'{"password": "REDACTED"}'),
        (b'{"a": [{"b": {"client_secret": 12345}}]}', b'{"a": [{"b": {"client_secret": "REDACTED"}}]}'),
        (b'{"Authorization": "Bearer abc123"}', b'{"Authorization": "Bearer REDACTED"}'),
        (b'{"Cookie": "a=1; b=2"}', b'{"Cookie": "a=REDACTED; b=REDACTED"}'),
        (b'{"Set-Cookie": "sid=9; Path=/"}', b'{"Set-Cookie": "sid=REDACTED; Path=/"}'),
        (b'{"account":4242}', b'{"account":"REDACTED"}'),
        (b'{"k": "test-key-123"}', b'{"k": "REDACTED"}'),
        (b'{"q": "login(token: \\"xyz789\\")"}', b'{"q": "login(token: \\"REDACTED\\")"}'),
        (b'{"next": "https://x.example/p?access_token=a1&page=2"}',
         b'{"next": "https://x.example/p?access_token=REDACTED&page=2"}'),
        (b'{"note": "key is test-key-123."}', b'{"note": "key is REDACTED."}'),
        # VALID (kept byte for byte): numbers, literals and longer words holding a secret
        (b'{"total": 142420}', b'{"total": 142420}'),
        (b'{"r": 42.4242, "n": -4242.5}', b'{"r": 42.4242, "n": -4242.5}'),
        (b'{"ok": true, "none": null}', b'{"ok": true, "none": null}'),
        (b'{"label": "xtest-key-123x", "id": "test-key-1234"}', b'{"label": "xtest-key-123x", "id": "test-key-1234"}'),
        (b'{"code": 404, "key": "PROJ-1", "token_count": 12}', b'{"code": 404, "key": "PROJ-1", "token_count": 12}'),
        (b'{\n  "keep"  :  "spacing" ,"u":"\\u00e9"}', b'{\n  "keep"  :  "spacing" ,"u":"\\u00e9"}'),
    ],
)  # fmt: skip
def test_json_bodies(redactor, body, expected):
    assert redactor.body(body, "application/json") == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://u:p@h.example/x", "https://u:REDACTED@h.example/x"),
        ("https://ghp_abc@h.example/x", "https://REDACTED@h.example/x"),
        ("https://h.example/cb?code=abc&state=s", "https://h.example/cb?code=REDACTED&state=s"),
        ("https://h.example/o?X-Amz-Signature=ab&X-Amz-Credential=AK%2F1&X-Amz-Date=2024",
         "https://h.example/o?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&X-Amz-Date=2024"),
        ("https://h.example/o?X-Goog-Signature=ab&jwt=e.y.j&sig=1&key=k&apikey=a",
         "https://h.example/o?X-Goog-Signature=REDACTED&jwt=REDACTED&sig=REDACTED&key=REDACTED&apikey=REDACTED"),
        ("https://h.example/i/test-key-123/x?q=by%20test-key-123", "https://h.example/i/REDACTED/x?q=by%20REDACTED"),
        ("https://h.example/i/pd-auth-Zq8%2Fx%2BKw3mN5vB7", "https://h.example/i/REDACTED"),
        ("https://h.example/i?t=pd-auth-Zq8%2Fx%2BKw3mN5vB7", "https://h.example/i?t=REDACTED"),
        ("https://h.example/cb#access_token=abc&token_type=bearer", "https://h.example/cb#access_token=REDACTED&token_type=bearer"),
        ("https://hooks.example.com/services/T000/B000/webhooksecret1234", "https://hooks.example.com/REDACTED"),
        ("https://hooks.slack.com/services/T0ABCDEF/B0ABCDEF/abcdefghijklmnop1234", "https://hooks.slack.com/REDACTED"),
        # a URL inside a parameter keeps its encoding (it was decoded to https://b/cb%3F...)
        ("https://h.example/p?r=https%3A%2F%2Fb%2Fcb%3Fcode%3Dabc1&x=1", "https://h.example/p?r=https%3A%2F%2Fb%2Fcb%3Fcode%3DREDACTED&x=1"),
        ("https://h.example/p?r=https%3a%2f%2fb%2fcb%3fcode%3dabc1", "https://h.example/p?r=https%3a%2f%2fb%2fcb%3fcode%3dREDACTED"),
        ("https://h.example/p?next=%2Fhome%3Ftoken%3Dt1%26a%3Db+c", "https://h.example/p?next=%2Fhome%3Ftoken%3DREDACTED%26a%3Db+c"),
        ("https://h.example/cart;jsessionid=ABC123;v=2/x?y=1", "https://h.example/cart;jsessionid=REDACTED;v=2/x?y=1"),
        # VALID
        ("https://h.example/v1/items?page=2&per_page=100&sort=key", "https://h.example/v1/items?page=2&per_page=100&sort=key"),
        ("https://h.example/i/xtest-key-123/142420?n=42.4242", "https://h.example/i/xtest-key-123/142420?n=42.4242"),
        ("https://h.example/m;v=2;lang=en/x", "https://h.example/m;v=2;lang=en/x"),
    ],
)  # fmt: skip
def test_urls(redactor, url, expected):
    assert redactor.url(url) == expected


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("Authorization", "Bearer abc", "Bearer REDACTED"),
        ("Authorization", "abc", "REDACTED"),
        ("Proxy-Authorization", "Basic dTpw", "Basic REDACTED"),
        ("X-Api-Key", "k1", "REDACTED"),
        ("Cookie", "a=1; b=2", "a=REDACTED; b=REDACTED"),
        ("Set-Cookie", "sid=abc; Path=/; HttpOnly", "sid=REDACTED; Path=/; HttpOnly"),
        ("Location", "/cb?code=abc&state=1", "/cb?code=REDACTED&state=1"),
        ("Content-Location", "https://h.example/x?token=t", "https://h.example/x?token=REDACTED"),
        ("Link", '<https://h.example/p?access_token=t&page=2>; rel="next"', '<https://h.example/p?access_token=REDACTED&page=2>; rel="next"'),
        ("X-Trace", "t-test-key-123", "t-REDACTED"),
        ("Content-Type", "application/json", "application/json"),
        ("X-Request-Count", "142420", "142420"),
    ],
)  # fmt: skip
def test_headers(redactor, name, value, expected):
    assert redactor.header(name, value) == expected


def test_forms_keep_every_untouched_pair_byte_for_byte(redactor):
    body = b"grant_type=authorization_code&code=abc&client_secret=s%2F3&name=a+b&note=test-key-123&n=142420"
    assert redactor.body(body, "application/x-www-form-urlencoded") == (
        b"grant_type=authorization_code&code=REDACTED&client_secret=REDACTED&name=a+b&note=REDACTED&n=142420"
    )


def test_multipart_fields_by_name_files_untouched(redactor):
    file_content = b"token=abc password: x test-key-123\x00\xff binary tail"
    text_file = b"name,key\nada,test-key-123\n"
    body = (
        b'--b0\r\nContent-Disposition: form-data; name="token"\r\n\r\nxoxb-123\r\n'
        b'--b0\r\nContent-Disposition: form-data; name="channels"\r\n\r\nC1 test-key-123\r\n'
        b'--b0\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n' + file_content + b"\r\n"
        b'--b0\r\nContent-Disposition: form-data; name="csv"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n'
        + text_file + b"\r\n--b0--\r\n"
    )  # fmt: skip
    redacted = redactor.body(body, "multipart/form-data; boundary=b0")
    assert redacted == (
        b'--b0\r\nContent-Disposition: form-data; name="token"\r\n\r\nREDACTED\r\n'
        b'--b0\r\nContent-Disposition: form-data; name="channels"\r\n\r\nC1 REDACTED\r\n'
        b'--b0\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n' + file_content + b"\r\n"
        b'--b0\r\nContent-Disposition: form-data; name="csv"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n'
        b"name,key\nada,REDACTED\n\r\n--b0--\r\n"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('query { viewer(token: "abc123") }', 'query { viewer(token: "REDACTED") }'),
        ("password=hunter2 and more", "password=REDACTED and more"),
        ("X-Api-Key: k1\nAccept: */*", "X-Api-Key: REDACTED\nAccept: */*"),
        ("sent Bearer abcdef123456", "sent Bearer REDACTED"),
        ("use ghp_" + "a" * 36 + " now", "use REDACTED now"),
        ("the secret is test-key-123, again test-key-123.", "the secret is REDACTED, again REDACTED."),
        ("db:\n  password: s3cr3t-pw # old\n  host: db1", "db:\n  password: REDACTED # old\n  host: db1"),
        ("- client_secret: cs-1\r\n- name: x", "- client_secret: REDACTED\r\n- name: x"),
        ("[api]\napi_key = k-123\nSLACK_BOT_TOKEN=xoxb-1", "[api]\napi_key = REDACTED\nSLACK_BOT_TOKEN=REDACTED"),
        # VALID
        ("Token expired, please log in", "Token expired, please log in"),
        ("total 142420 for 4242abc and 42.4242", "total 142420 for 4242abc and 42.4242"),
        ("it is true", "it is true"),  # "true" is never a secret value
        ("password: must be 8 characters or more", "password: must be 8 characters or more"),
        ("key: PROJ-1\ntoken_count: 12\nsession: s1", "key: PROJ-1\ntoken_count: 12\nsession: s1"),
    ],
)
def test_text(redactor, text, expected):
    assert redactor.text(text) == expected


def test_binary_bodies_lose_only_delimited_secret_values(redactor):
    body = bytes(range(256)) + b" test-key-123 " + b"xtest-key-123"
    assert redactor.body(body, "application/octet-stream") == (
        bytes(range(256)) + b" REDACTED " + b"xtest-key-123"
    )


def test_which_values_are_secrets():
    inputs = {
        "github": {"$auth": {"oauth_access_token": "gho_abc123", "oauth_uid": 123456, "ok": True}},
        "slack": {"$auth": {"bot": {"token": "xoxb-1"}, "region": "eu", "flag": "true"}},
        "plain": {"api_key": "not-under-auth"},
    }
    assert auth_values(inputs) == {"gho_abc123", "123456", "xoxb-1"}
    assert env_secrets(
        {
            "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T/B/x",
            "SENTRY_DSN": "https://key@o1.ingest.sentry.io/1",
            "DATABASE_URL": "postgres://u:p@db/x",
            "GITHUB_TOKEN": "gh-token-value",
            "LOG_LEVEL": "debug",
            "API_BASE_URL": "https://api.example.com",
        }
    ) == {
        "https://hooks.slack.com/services/T/B/x",
        "https://key@o1.ingest.sentry.io/1",
        "postgres://u:p@db/x",
        "gh-token-value",
    }


# --- messages: redacted by structure, before they are cut ----------------------------------------

MESSAGES_SUITE = """
import json
import os

import pytest
import requests

P = json.loads(open(os.environ["PLANTED_FILE"]).read())


def test_unmatched(pd_http):
    pd_http.post("https://api.example.com/logout")
    with pytest.raises(requests.ConnectionError):
        requests.post("https://api.example.com/login", json={
            "password": P["number"], "credentials": {"secret_value": P["nested"]},
            "padding": "x" * 400,  # the token below straddles where the message cuts the body
            "refresh_token": P["long"],
        })


def test_lookup(pd_http):
    pd_http.get("https://api.example.com/items")
    requests.get("https://api.example.com/items", params={"access_token": P["query"]})
    pd_http.get_request(method="POST")
"""


def test_messages_redact_the_request_by_structure_and_before_cutting(pytester, run, tmp_path, monkeypatch):
    """The unmatched-request message shows the body redacted as a cassette would be (a number
    under a credential key, everything under ``credentials``), never cut inside a secret; the
    get_request message lists sent URLs redacted."""
    planted = {
        "number": 73310954, "nested": "nested-sv-5521", "query": "query-at-7712",
        "long": "lt-" + "Zk3" * 30,
    }
    path = tmp_path / "planted.json"
    path.write_text(json.dumps(planted))
    monkeypatch.setenv("PLANTED_FILE", str(path))
    pytester.makepyfile(test_messages=MESSAGES_SUITE)
    result = run("-p", "no:randomly")
    result.assert_outcomes(failed=2)
    output = result.stdout.str()
    assert '"password": "REDACTED"' in output
    assert "access_token=REDACTED" in output
    for value in planted.values():
        assert str(value)[:12] not in output, value


# --- found in review: more shapes a credential takes -------------------------------------------

SHAPES = ["Ab3$^.*+?()[]{}|\\x9", "p@ss w0rd/+=?&%Z", "pässwörd-Ünï7", 'q"uo\\te-77/x']


@pytest.fixture
def shapes():
    return Redactor(SHAPES)


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        # every Set-Cookie of a response, as requests joins them
        ("Set-Cookie", "sid=abc; Path=/, other=def; HttpOnly",
         "sid=REDACTED; Path=/, other=REDACTED; HttpOnly"),
        ("Set-Cookie", "a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure, b=2",
         "a=REDACTED; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure, b=REDACTED"),
        # relative URLs in Link keep their parameters
        ("Link", '</items?page=2&access_token=t1>; rel="next", </items?page=9>; rel="last"',
         '</items?page=2&access_token=REDACTED>; rel="next", </items?page=9>; rel="last"'),
        # a URL the server echoes in any header, the secrets percent-encoded in any spelling
        ("X-Original-Url", "/u?q=p%40ss+w0rd%2F%2B%3D%3F%26%25Z&meta=Ab3%24%5E.%2A%2B%3F%28%29%5B%5D%7B%7D%7C%5Cx9",
         "/u?q=REDACTED&meta=REDACTED"),
        ("X-Original-Url", "/u/p%c3%a4ssw%c3%b6rd-%c3%9cn%c3%af7/x", "/u/REDACTED/x"),
        ("X-CSRFToken", "c5rf", "REDACTED"),
    ],
)  # fmt: skip
def test_review_headers(shapes, name, value, expected):
    assert shapes.header(name, value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://h.example/x?q=p@ss%20w0rd/+=?&%25Z", "https://h.example/x?q=REDACTED"),
        ("https://h.example/x?q=p%40ss%20w0rd%2F%2B%3D%3F%26%25Z&n=1", "https://h.example/x?q=REDACTED&n=1"),
        ("https://h.example/p%C3%A4ssw%C3%B6rd-%C3%9Cn%C3%AF7?jsessionid=js1&PHPSESSID=p1",
         "https://h.example/REDACTED?jsessionid=REDACTED&PHPSESSID=REDACTED"),
        ("https://h.example/x?a=1;token=abc&b=a%3Bb", "https://h.example/x?a=1;token=REDACTED&b=a%3Bb"),
    ],
)  # fmt: skip
def test_review_urls(shapes, url, expected):
    assert shapes.url(url) == expected


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        # JSON keys in any case and spelling
        (b'{"PassWord": "a1", "passWord": "a2", "pass_word": "a3", "APIKEY": "a4"}', "application/json",
         b'{"PassWord": "REDACTED", "passWord": "REDACTED", "pass_word": "REDACTED", "APIKEY": "REDACTED"}'),
        # escapes of what is kept stay as they were
        (b'{"u":"https:\\/\\/h.example\\/x?a=1\\u0026token=t1","v":"caf\\u00e9 test-key-123"}', "application/json",
         b'{"u":"https:\\/\\/h.example\\/x?a=1\\u0026token=REDACTED","v":"caf\\u00e9 REDACTED"}'),
        # NDJSON, line by line and at any depth
        (b'{"auth": {"value": "n1"}}\n{"a": [{"token": "n2"}], "b": 142420}\n', "application/x-ndjson",
         b'{"auth": {"value": "REDACTED"}}\n{"a": [{"token": "REDACTED"}], "b": 142420}\n'),
        # XML elements named like a credential (a SOAP login, Salesforce's sessionId)
        (b'<r><sessionId>00D!AQ4</sessionId><wsse:Password Type="t">x1</wsse:Password><id>7</id></r>', "text/xml",
         b'<r><sessionId>REDACTED</sessionId><wsse:Password Type="t">REDACTED</wsse:Password><id>7</id></r>'),
    ],
)  # fmt: skip
def test_review_bodies(redactor, body, content_type, expected):
    assert redactor.body(body, content_type) == expected


def test_review_secret_values_in_their_json_escaped_spellings(shapes):
    text = 'var cfg = {"k": "q\\"uo\\\\te-77\\/x", "u": "p\\u00e4ssw\\u00f6rd-\\u00dcn\\u00ef7"};'
    assert shapes.body(text.encode(), "application/javascript") == (
        b'var cfg = {"k": "REDACTED", "u": "REDACTED"};'
    )


class Shapes(BaseHTTPRequestHandler):
    """Answers in the shapes the review found leaking or changed on replay."""

    protocol_version = "HTTP/1.1"
    BODIES = {
        "/go": ("application/json", b'{"next":"https:\\/\\/h.example\\/p?a=1\\u0026token=sh-tok-1","ok":true}'),
        "/xml": ("text/xml", b"<r><sessionId>sh-sess-2</sessionId><n>142420</n></r>"),
        "/nd": ("application/x-ndjson", b'{"auth": {"value": "sh-nd-3"}}\n{"n": 1}\n'),
        "/js": ("application/javascript", b'var k = "' + SHAPES[3].replace("\\", "\\\\").replace('"', '\\"').encode() + b'";'),
    }

    def do_GET(self):
        content_type, body = self.BODIES[self.path.split("?")[0]]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", "sid=sh-ck-4; Path=/")
        self.send_header("Set-Cookie", "csrf=sh-ck-5; Secure")
        self.send_header("Link", '</go?page=2&access_token=sh-lk-6>; rel="next"')
        self.send_header("X-Original-Url", self.path)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


SHAPES_SUITE = """
import base64
import json
import os

import pytest
import requests

SHAPES = json.loads(open(os.environ["SHAPES_FILE"]).read())


def handler(pd):
    base = os.environ["PD_TEST_SERVER"]
    seen = {}
    for path in ("/go", "/xml", "/nd", "/js"):
        response = requests.get(base + path, params={"q": SHAPES[1], "m": SHAPES[0]}, timeout=5)
        seen[path] = {"headers": dict(response.headers), "body": base64.b64encode(response.content).decode(),
                      "next": response.links.get("next", {}).get("url"),
                      "cookies": sorted(response.cookies.keys())}
    return seen


@pytest.mark.pd(inputs={"api": {"$auth": {"values": SHAPES}}})
@pytest.mark.pd_http(cassette="shapes", drop_headers=["Content-Type"])
def test_shapes(pd):
    with open(os.environ["SEEN_FILE"], "w") as out:
        json.dump(pd.run(handler).return_value, out)
"""
SHAPE_SECRETS = ("sh-tok-1", "sh-sess-2", "sh-nd-3", "sh-ck-4", "sh-ck-5", "sh-lk-6", *SHAPES)


def test_review_shapes_are_redacted_and_replayed_with_nothing_else_changed(pytester, run, tmp_path, monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Shapes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PD_TEST_SERVER", f"http://127.0.0.1:{server.server_address[1]}")
    (tmp_path / "shapes.json").write_text(json.dumps(SHAPES))
    monkeypatch.setenv("SHAPES_FILE", str(tmp_path / "shapes.json"))
    pytester.makepyfile(test_shapes=SHAPES_SUITE)
    try:
        monkeypatch.setenv("SEEN_FILE", str(tmp_path / "recorded.json"))
        run("--pd-record").assert_outcomes(passed=1)
        monkeypatch.setenv("SEEN_FILE", str(tmp_path / "replayed.json"))
        run().assert_outcomes(passed=1)
    finally:
        server.shutdown()
        server.server_close()
    text = (pytester.path / "cassettes" / "test_shapes" / "shapes.yaml").read_text()
    for secret in SHAPE_SECRETS:
        for spelling in (secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1]):
            assert spelling not in text, spelling
    recorded = json.loads((tmp_path / "recorded.json").read_text())
    replayed = json.loads((tmp_path / "replayed.json").read_text())
    for path, seen in recorded.items():
        again = replayed[path]
        assert again["cookies"] == seen["cookies"] == ["csrf", "sid"]
        assert again["next"] == seen["next"].replace("sh-lk-6", REDACTED)
        for name in ("Set-Cookie", "Link", "X-Original-Url"):
            same_secrets_out(seen["headers"][name], again["headers"][name])
        same_secrets_out(base64.b64decode(seen["body"]).decode(), base64.b64decode(again["body"]).decode())


def same_secrets_out(recorded: str, replayed: str) -> None:
    """``replayed`` is ``recorded`` with each planted secret, in whatever spelling, replaced."""
    spellings = {s for secret in SHAPE_SECRETS for s in (
        secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1],
        quote_plus(secret, safe="").replace("%2A", "*"),
    )}  # fmt: skip
    pattern = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    assert re.sub(pattern, REDACTED, recorded) == replayed


# --- failure reports: what pytest prints besides the plugin's messages --------------------------

REPORTS_SUITE = """
import os

import pytest
import requests

AUTH = os.environ["REPORT_AUTH"]
ENV_SECRET = os.environ["REPORT_ENV"]
INPUTS = {"api": {"$auth": {"api_key": AUTH}}}


@pytest.mark.pd(inputs=INPUTS)
def test_refused_by_the_guard(pd):
    # urllib3 builds the message from the URL: "Max retries exceeded with url: /hooks/<key>"
    pd.run(lambda pd: requests.get(
        f"https://api.example.com/hooks/{pd.inputs['api']['$auth']['api_key']}", timeout=5
    ))


@pytest.mark.pd(env={"SERVICE_TOKEN": ENV_SECRET})
def test_assertion_diff(pd_http):
    pd_http.get("https://api.example.com/me")
    requests.get("https://api.example.com/me", headers={"Authorization": f"Bearer {ENV_SECRET}"})
    assert pd_http.calls[0].request.headers["Authorization"] == "Bearer someone-else"


@pytest.mark.pd(inputs=INPUTS)
def test_frame_arguments_and_output(pd_http):
    print("the step used", AUTH)
    requests.get("https://api.example.com/items", params={"q": AUTH}, headers={"X-Key": AUTH})


def test_a_token_exported_to_record_with(pd_http):
    print("exported:", os.environ["GITHUB_TOKEN"])
    assert os.environ["GITHUB_TOKEN"] == "something else"
"""


def test_failure_reports_hold_none_of_the_test_s_secrets(pytester, run, monkeypatch):
    """pytest shows frame arguments (``--tb=long``), messages other libraries built from the URL,
    ``-vv`` diffs and captured output: each is redacted of the test's ``$auth`` values, its
    credential-named ``env=`` values and exported tokens, in the terminal and in --junitxml.
    The working directory (``$PWD``) is not a password: paths stay readable."""
    planted = {
        "REPORT_AUTH": "rep-auth-4471-Kq", "REPORT_ENV": "rep-env-9921-Wd",
        "GITHUB_TOKEN": "ghp_" + "R3p0rt" * 6,
    }  # fmt: skip
    for name, value in planted.items():
        monkeypatch.setenv(name, value)
    site_packages = os.path.dirname(os.path.dirname(requests.__file__))
    monkeypatch.setenv("PWD", site_packages)  # a path the long tracebacks show
    pytester.makepyfile(test_reports=REPORTS_SUITE)
    result = run("-p", "no:randomly", "-vv", "--tb=long", "-l", "-rA", "--junitxml=report.xml")
    result.assert_outcomes(failed=4)
    output = result.stdout.str()
    xml = (pytester.path / "report.xml").read_text()
    assert "Max retries exceeded with url: /hooks/REDACTED" in output
    assert "+ Bearer REDACTED" in output and "assert 'REDACTED' == 'something else'" in xml
    assert "the step used REDACTED" in output and "exported: REDACTED" in output
    assert f"{site_packages}/requests/" in output and "REDACTED/" not in output
    for value in planted.values():
        assert value not in output and value not in xml, value
