"""Proxy variables while the guard is on: none for this process, a refusing one for its children.

In this process the proxy variables are taken out of ``os.environ``, so HTTP clients connect
directly and the guard sees (and refuses) the real destination instead of a loopback proxy that
would carry the traffic out. Child processes cannot be guarded from here; they get proxy variables
pointing at a local listener that reads each request's first line, reports it against the test
that started the child (the proxy URL's user name says which) and answers ``403``.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
from collections.abc import Callable, Mapping, MutableMapping

PROXY_NAMES = ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "ws_proxy", "wss_proxy")
NO_PROXY_NAMES = ("no_proxy", "NO_PROXY")
ALL_NAMES = (
    *PROXY_NAMES, *(n.upper() for n in PROXY_NAMES), *NO_PROXY_NAMES
)  # fmt: skip
ORIGINALS = "PYTEST_PDHTTP_ORIGINAL_PROXIES"
_HEAD_LIMIT = 16 * 1024
_READ_TIMEOUT = 5.0

Report = Callable[["str | None", str], None]


def proxy_endpoints(environ: MutableMapping[str, str]) -> set[tuple[str, int]]:
    """(host, port) of each proxy the environment names, as clients would use them."""
    from urllib.parse import urlsplit

    found = set()
    for name in ALL_NAMES:
        value = environ.get(name)
        if not value or name in NO_PROXY_NAMES:
            continue
        parts = urlsplit(value if "://" in value else f"http://{value}")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 1080 if "socks" in parts.scheme else 80)
        except ValueError:
            continue
        if parts.hostname:
            found.add((parts.hostname.lower(), port))
    return found


class RefusingProxy:
    """A listener on 127.0.0.1 that refuses every proxied request and reports what it was for."""

    def __init__(self, report: Report) -> None:
        self._report = report
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self.port = self._socket.getsockname()[1]
        self._thread = threading.Thread(
            target=self._serve, name="pytest-pdhttp refusing proxy", daemon=True
        )
        self._thread.start()

    def url(self, token: str) -> str:
        """The test's token as user name: a password too, or urllib sends no credentials."""
        return f"http://{token}:x@127.0.0.1:{self.port}"

    def close(self) -> None:
        try:
            self._socket.shutdown(socket.SHUT_RDWR)  # wakes the accept() below
        except OSError:
            pass
        self._socket.close()
        self._thread.join()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            with connection:
                try:
                    self._refuse(connection)
                except OSError:
                    pass

    def _refuse(self, connection: socket.socket) -> None:
        connection.settimeout(_READ_TIMEOUT)
        head = b""
        while b"\r\n\r\n" not in head and len(head) < _HEAD_LIMIT:
            chunk = connection.recv(4096)
            if not chunk:
                break
            head += chunk
        lines = head.split(b"\r\n")
        request_line = lines[0].decode("latin-1", "replace")
        method, _, rest = request_line.partition(" ")
        target = rest.rsplit(" ", 1)[0] if " " in rest else rest
        token = None
        for line in lines[1:]:
            name, _, value = line.decode("latin-1", "replace").partition(":")
            if name.strip().lower() == "proxy-authorization":
                token = _token(value.strip())
        if method.upper() == "CONNECT":
            shown = target
        else:
            from ..redact import Redactor, env_secrets

            redactor = Redactor(env_secrets(os.environ))  # the test's env= included
            shown = f"{method} {redactor.url(target)}" if target else "(no request line)"
        self._report(token, f"a child process's request through the proxy variables: {shown}")
        body = b"pytest-pdhttp: network access is blocked while tests run\n"
        connection.sendall(
            b"HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )


def _token(credentials: str) -> str | None:
    scheme, _, encoded = credentials.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded, validate=True).decode("latin-1")
    except ValueError:
        return None
    return decoded.split(":", 1)[0] or None


class ProxyEnvironment:
    """Takes the proxy variables out of ``os.environ`` (``hide``) while the network is guarded,
    puts them back (``show``) where it is allowed, and builds the children's.

    A child that is itself a guarded pytest run (an xdist worker, a pytester subprocess) finds its
    parent's refusing proxy in its environment; the proxy variables the parent run started with
    travel beside them in ``PYTEST_PDHTTP_ORIGINAL_PROXIES``, and those are the ones it restores.
    """

    def __init__(self, outer: ProxyEnvironment | None = None) -> None:
        self._found = {n: os.environ[n] for n in (*ALL_NAMES, ORIGINALS) if n in os.environ}
        inherited = self._found.get(ORIGINALS)
        found = {n: v for n, v in self._found.items() if n in ALL_NAMES}
        if inherited is not None:
            try:
                decoded = json.loads(inherited)
            except ValueError:
                decoded = {}
            self.saved = {k: v for k, v in decoded.items() if k in ALL_NAMES and isinstance(v, str)}
        elif found or outer is None:
            self.saved = found
        else:  # a run inside this process's own run (pytester): the outer run's
            self.saved = dict(outer.saved)
        os.environ.pop(ORIGINALS, None)
        self.hidden = False

    def hide(self) -> None:
        if not self.hidden:
            for name in ALL_NAMES:
                os.environ.pop(name, None)
            self.hidden = True

    def show(self) -> None:
        if self.hidden:
            os.environ.update(self.saved)
            self.hidden = False

    def restore(self) -> None:
        for name in (*ALL_NAMES, ORIGINALS):
            if name in self._found:
                os.environ[name] = self._found[name]
            else:
                os.environ.pop(name, None)
                os.unsetenv(name)

    def for_children(
        self, proxy_url: str, no_proxy: str, base: Mapping[str, str] | None = None
    ) -> dict[str, str]:
        """The refusing proxy, and the proxy variables the child would have had without the
        guard (those of ``base``, the environment it was given, if it names any)."""
        values = {name: proxy_url for name in PROXY_NAMES}
        values.update({name.upper(): proxy_url for name in PROXY_NAMES})
        values.update({name: no_proxy for name in NO_PROXY_NAMES})
        own = {n: base[n] for n in ALL_NAMES if base is not None and isinstance(base.get(n), str)}
        values[ORIGINALS] = json.dumps(own or self.saved, sort_keys=True)
        return values

    @staticmethod
    def put(values: dict[str, str]) -> None:
        """Into the C environment only (what ``os.system``, ``exec`` and ``fork`` pass on), never
        into ``os.environ``, which this process's own clients read."""
        for name, value in values.items():
            os.putenv(name, value)

    def put_original(self) -> None:
        for name in ALL_NAMES:
            if name in self.saved:
                os.putenv(name, self.saved[name])
            else:
                os.unsetenv(name)
        os.unsetenv(ORIGINALS)
