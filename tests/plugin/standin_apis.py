"""A conftest for recording the example workflow's cassette without the internet.

Copied into a pytester directory as ``tests/conftest.py``: it serves the two APIs the workflow
calls (GitHub's issue list, Dropbox's upload) from a server on 127.0.0.1 and routes requests for
their hosts there, below ``pd_http`` (so ``pytest --pd-record`` records them under their real
URLs). This is how ``examples/tests/cassettes/test_weekly_report/weekly_report.yaml`` was made.
Every Authorization header the server receives is appended to ``received_auth.txt``.
"""

import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest
import requests.adapters

RECEIVED_AUTH = Path(__file__).resolve().parent.parent / "received_auth.txt"
ROUTED_HOSTS = {"api.github.com", "content.dropboxapi.com"}
SERVER_DATE = "Mon, 13 May 2024 07:00:04 GMT"


def _label(n, name, color):
    return {
        "id": 208045946 + n,
        "node_id": f"MDU6TGFiZWwyMDgwNDU5N{n}",
        "url": f"https://api.github.com/repos/octo-org/hello/labels/{name}",
        "name": name,
        "color": color,
        "default": name == "bug",
        "description": "",
    }


BUG, DOCS = _label(1, "bug", "d73a4a"), _label(2, "docs", "0075ca")


def _item(number, title, labels, closed_at, pull_request=False):
    item = {
        "url": f"https://api.github.com/repos/octo-org/hello/issues/{number}",
        "html_url": f"https://github.com/octo-org/hello/issues/{number}",
        "id": 2281400000 + number,
        "number": number,
        "title": title,
        "user": {"login": "octocat", "id": 583231, "type": "User"},
        "labels": labels,
        "state": "closed",
        "locked": False,
        "comments": number % 3,
        "created_at": "2024-04-29T08:00:00Z",
        "updated_at": closed_at,
        "closed_at": closed_at,
        "author_association": "MEMBER",
        "state_reason": "completed",
    }
    if pull_request:
        item["pull_request"] = {
            "url": f"https://api.github.com/repos/octo-org/hello/pulls/{number}",
            "merged_at": closed_at,
        }
        item["html_url"] = f"https://github.com/octo-org/hello/pull/{number}"
    return item


ISSUES = [
    _item(44, "Timeout when the API is slow", [BUG], "2024-05-09T16:40:02Z"),
    _item(43, "Retry with backoff", [], "2024-05-09T11:05:19Z", pull_request=True),
    _item(42, "Document the retry option", [DOCS], "2024-05-08T13:27:51Z"),
    _item(41, "Crash on start", [BUG], "2024-05-07T09:12:44Z"),
    _item(12, "Old issue touched this week", [BUG], "2024-01-02T10:00:00Z"),
]


def _dropbox_content_hash(data):
    block = 4 * 1024 * 1024
    digests = [hashlib.sha256(data[i : i + block]).digest() for i in range(0, len(data), block)]
    return hashlib.sha256(b"".join(digests)).hexdigest()


class _Handler(BaseHTTPRequestHandler):
    def version_string(self):
        return "GitHub.com" if self.path.startswith("/api.github.com/") else "envoy"

    def date_time_string(self, timestamp=None):
        return SERVER_DATE

    def _reply(self, body, headers):
        with RECEIVED_AUTH.open("a", encoding="utf-8") as received:
            received.write(self.headers.get("Authorization", "") + "\n")
        self.send_response(200)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlsplit(self.path)
        assert url.path == "/api.github.com/repos/octo-org/hello/issues", url.path
        assert parse_qs(url.query) == {
            "state": ["closed"],
            "since": ["2024-05-06T00:00:00Z"],
            "per_page": ["100"],
        }
        self._reply(
            json.dumps(ISSUES).encode(),
            [
                ("Content-Type", "application/json; charset=utf-8"),
                ("X-GitHub-Media-Type", "github.v3; format=json"),
                ("X-RateLimit-Limit", "5000"),
                ("X-RateLimit-Remaining", "4987"),
                ("X-GitHub-Request-Id", "C0DE:3A1F:1B2E4F:1C4A5B:663D1E2A"),
            ],
        )

    def do_POST(self):
        assert self.path == "/content.dropboxapi.com/2/files/upload", self.path
        arguments = json.loads(self.headers["Dropbox-API-Arg"])
        data = self.rfile.read(int(self.headers["Content-Length"]))
        metadata = {
            "name": arguments["path"].rsplit("/", 1)[1],
            "path_lower": arguments["path"].lower(),
            "path_display": arguments["path"],
            "id": "id:a4ayc_80_OEAAAAAAAAAXw",
            "client_modified": "2024-05-13T07:00:04Z",
            "server_modified": "2024-05-13T07:00:04Z",
            "rev": "a1c10ce0dd78",
            "size": len(data),
            "is_downloadable": True,
            "content_hash": _dropbox_content_hash(data),
        }
        self._reply(
            json.dumps(metadata).encode(),
            [("Content-Type", "application/json"), ("X-Dropbox-Request-Id", "4f8e2b0c1d9a4e7f")],
        )

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def standin_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def route_to_the_standin(standin_server, monkeypatch):
    """Set up before pd_http, which therefore records through this routing."""
    real_send = requests.adapters.HTTPAdapter.send
    port = standin_server.server_address[1]

    def send(adapter, request, **kwargs):
        url = urlsplit(request.url)
        if url.hostname not in ROUTED_HOSTS:
            return real_send(adapter, request, **kwargs)
        local = request.copy()
        local.url = urlunsplit(
            ("http", f"127.0.0.1:{port}", f"/{url.hostname}{url.path}", url.query, "")
        )
        response = real_send(adapter, local, **kwargs)
        response.request, response.url = request, request.url
        return response

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", send)
