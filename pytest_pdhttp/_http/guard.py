"""Refuse real network access (anything but loopback) at the socket level, and remember it."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from typing import Any

import pytest

_LOCAL_NAMES = {"localhost", "localhost.", "ip6-localhost"}


class NetworkBlockedError(ConnectionRefusedError):
    """A real network connection was attempted while ``pd_http`` was active."""


class NetworkGuard:
    """Patches ``socket`` so non-loopback connects, sends and DNS lookups raise and are recorded.

    One guard serves a test, whether it uses ``pd``, ``pd_http`` or both; ``allowed`` is asked at
    each attempt (``pd_http`` points it at its own ``allow_network``, which a test may change).
    """

    def __init__(self, allowed: Callable[[], bool]) -> None:
        self.allowed = allowed
        self.blocked: list[tuple[str, NetworkBlockedError]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        guard = self
        real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
        real_sendto, real_getaddrinfo = socket.socket.sendto, socket.getaddrinfo

        def connect(sock: socket.socket, address: Any) -> None:
            __tracebackhide__ = True
            guard.check(sock.family, address, "connect to")
            return real_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> int:
            __tracebackhide__ = True
            guard.check(sock.family, address, "connect to")
            return real_connect_ex(sock, address)

        def sendto(sock: socket.socket, data: Any, *flags_and_address: Any) -> int:
            __tracebackhide__ = True
            guard.check(sock.family, flags_and_address[-1], "send to")
            return real_sendto(sock, data, *flags_and_address)

        def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            __tracebackhide__ = True
            if not _needs_no_dns(host):
                guard.block(f"DNS lookup of {host!r}")
            return real_getaddrinfo(host, port, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket.socket, "sendto", sendto)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    def check(self, family: int, address: Any, action: str) -> None:
        __tracebackhide__ = True
        if family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):
            self.block(f"{action} {address[0]}:{address[1]}")

    def block(self, what: str) -> None:
        __tracebackhide__ = True
        if self.allowed():
            return
        error = NetworkBlockedError(
            f"pd_http blocked real network access: {what}. Register a response with "
            "pd_http.add(...), or allow it with @pytest.mark.pd_http(allow_network=True)"
        )
        self.blocked.append((what, error))
        raise error

    def problems(
        self, *, test_failed: bool, shown: Callable[[BaseException], bool] | None = None
    ) -> list[str]:
        """Blocked attempts not reported yet, except those the test's failure shows already."""
        blocked = [what for what, error in self.blocked if shown is None or not shown(error)]
        self.blocked = []
        if not blocked:
            return []
        lines = "\n".join(f"  {b}" for b in blocked)
        return [
            "pd_http: the code under test tried to reach the real network (blocked; it fails the "
            f"test even if the error was caught):\n{lines}\n"
            "Mock it with pd_http, or mark the test @pytest.mark.pd_http(allow_network=True)."
        ]


def _host_text(host: Any) -> str:
    return host.decode("ascii", "replace") if isinstance(host, bytes) else str(host)


def _is_loopback(host: Any) -> bool:
    text = _host_text(host).split("%", 1)[0]
    if text.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


def _needs_no_dns(host: Any) -> bool:
    """Loopback names and literal IP addresses resolve without asking a DNS server."""
    if host is None or _is_loopback(host):
        return True
    try:
        ipaddress.ip_address(_host_text(host).split("%", 1)[0])
    except ValueError:
        return False
    return True
