"""The outside world for guard tests: listeners on 127.0.0.2 and a stand-in resolver.

The inner runs allow only 127.0.0.1 (``pd_http_allowed_hosts = 127.0.0.1``), so listeners on
127.0.0.2 stand for the internet: they would see any connection the guard let through. DNS has no
listener here, so an audit hook added after the guard's stands in for the resolver: it records
(and then aborts) every lookup of a name and every connection to 127.0.0.2 the guard did not stop.
"""

from __future__ import annotations

import socket
import sys

import pytest

WATCHED = frozenset(
    {
        "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo",
        "socket.connect", "socket.sendto", "socket.sendmsg",
    }
)  # fmt: skip
OUTSIDE_HOST = "127.0.0.2"


class _Resolver:
    """The stand-in for the real resolver and network: an audit hook added after the guard's one
    (hooks run in the order they were added, and stop at the first that raises)."""

    def __init__(self) -> None:
        self.listening = False
        self.seen: list[tuple[str, str]] = []
        sys.addaudithook(self._hook)  # once per process, off between runs

    def _hook(self, event: str, args: tuple) -> None:
        if not self.listening or event not in WATCHED:
            return
        if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
            address = args[1]
            if not (isinstance(address, tuple) and address and address[0] == OUTSIDE_HOST):
                return  # loopback traffic of the test machinery itself
        elif event in ("socket.getaddrinfo", "socket.gethostbyname"):
            if args[0] in (None, "localhost") or _numeric(args[0]):
                return  # answered without asking a resolver
        self.seen.append((event, repr(args)))
        raise ConnectionAbortedError(f"the stand-in resolver saw {event}{args!r}: the guard missed it")


def _numeric(host: object) -> bool:
    try:
        socket.inet_pton(socket.AF_INET6 if ":" in str(host) else socket.AF_INET, str(host))
    except OSError:
        return False
    return True


RESOLVER = _Resolver()


class Outside:
    """TCP and UDP listeners on 127.0.0.2, and a "proxy" on 127.0.0.1 (an allowed address that
    would carry traffic out). Nothing accepts while a run is on (a client that got through would
    wait for an answer, then time out); ``take`` collects, without waiting, whatever the kernel
    queued for them: every connection and datagram that reached them."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.tcp = self._listener(OUTSIDE_HOST)
        self.proxy = self._listener("127.0.0.1")
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind((OUTSIDE_HOST, 0))
        for sock in (self.tcp, self.proxy, self.udp):
            sock.setblocking(False)

    @staticmethod
    def _listener(host: str) -> socket.socket:
        sock = socket.socket()
        sock.bind((host, 0))
        sock.listen(128)
        return sock

    def port(self, sock: socket.socket) -> int:
        return sock.getsockname()[1]

    def reset_witness(self) -> None:
        """For tests that expect allowed connections to reach 127.0.0.2: the stand-in resolver
        stops aborting them (the listeners still count them)."""
        RESOLVER.listening = False

    def take(self) -> int:
        """How many connections and datagrams arrived since the last call."""
        self._drain()
        count, self.seen[:] = len(self.seen), []
        return count

    def _drain(self) -> None:
        for sock, name in ((self.tcp, "outside"), (self.proxy, "proxy")):
            while True:
                try:
                    connection, peer = sock.accept()
                except BlockingIOError:
                    break
                self.seen.append(f"{name} connection from {peer}")
                connection.close()
        while True:
            try:
                data, peer = self.udp.recvfrom(65536)
            except BlockingIOError:
                break
            self.seen.append(f"datagram {data!r} from {peer}")

    def close(self) -> list[str]:
        self._drain()
        for sock in (self.tcp, self.proxy, self.udp):
            sock.close()
        return self.seen


@pytest.fixture
def outside(monkeypatch):
    world = Outside()
    monkeypatch.setenv("OUTSIDE_TCP", str(world.port(world.tcp)))
    monkeypatch.setenv("OUTSIDE_UDP", str(world.udp.getsockname()[1]))
    monkeypatch.setenv("LOOPBACK_PROXY", f"http://127.0.0.1:{world.port(world.proxy)}")
    # a proxy in the environment of the whole run, as a developer's shell might have one
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{world.port(world.proxy)}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    RESOLVER.seen.clear()
    RESOLVER.listening = True
    try:
        yield world
    finally:
        RESOLVER.listening = False
        seen = world.close()
    assert seen == [], "the outside world saw traffic the guard let through"
    assert RESOLVER.seen == [], "the stand-in resolver saw lookups the guard let through"


INNER_INI = "[pytest]\npd_http_allowed_hosts = 127.0.0.1\n"
