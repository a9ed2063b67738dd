"""Which hosts and addresses the guard lets through: every loopback spelling, plus configured ones.

An entry of ``pd_http_allowed_hosts`` (or the marker's ``allowed_hosts=``) is ``loopback`` (the
default: ``127.0.0.0/8`` in any spelling, ``::1``, IPv4-mapped loopback, and ``0.0.0.0``/``::``,
which Linux connects to the local host), an IP address, a CIDR network, or a host name (its DNS
lookups are allowed, and so are the addresses they return).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Union

IPAddress = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
IPNetwork = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]

LOOPBACK = "loopback"
LOCAL_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost", "ip6-loopback"})
# inet_aton's spellings of an IPv4 address: 1 to 4 parts, each decimal, octal (0...) or hex (0x...)
_INET_ATON_PART = r"(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)"
_INET_ATON = re.compile(rf"{_INET_ATON_PART}(?:\.{_INET_ATON_PART}){{0,3}}")


def host_text(host: Any) -> str:
    """A host as text, without IPv6 brackets or a zone (``%eth0``)."""
    text = host.decode("ascii", "replace") if isinstance(host, (bytes, bytearray)) else str(host)
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    return text.split("%", 1)[0]


def parse_ip(host: Any) -> IPAddress | None:
    """The address a numeric host names, in every spelling the C library accepts without DNS
    (``127.1``, ``0x7f.0.0.1``, ``2130706433``, ``::ffff:127.0.0.1``); None for a name."""
    text = host_text(host)
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if not _INET_ATON.fullmatch(text):
        return None
    parts = [int(part, 0) if not part.startswith("0") or part.lower().startswith("0x") or part == "0"
             else int(part, 8) for part in text.split(".")]  # fmt: skip
    # the last part fills the bytes the earlier ones leave: a.b.c.d, a.b.cd, a.bcd, abcd
    limits = [0xFF] * (len(parts) - 1) + [(1 << (8 * (5 - len(parts)))) - 1]
    if any(part > limit for part, limit in zip(parts, limits)):
        return None
    value = 0
    for part in parts[:-1]:
        value = value << 8 | part
    value = value << (8 * (5 - len(parts))) | parts[-1]
    return ipaddress.IPv4Address(value)


def is_loopback(address: IPAddress) -> bool:
    """Traffic to this address never leaves the host (on Linux, ``0.0.0.0`` and ``::`` as a
    destination mean the local host)."""
    if address.is_loopback or address.is_unspecified:
        return True
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped is not None and (mapped.is_loopback or mapped.is_unspecified)


@dataclass
class AllowedHosts:
    """The parsed allow list; ``resolve`` turns host names into their addresses once, lazily."""

    loopback: bool = True
    networks: tuple[IPNetwork, ...] = ()
    names: frozenset[str] = frozenset()
    _resolved: set[IPAddress] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def parse(cls, entries: Iterable[str]) -> AllowedHosts:
        loopback, networks, names = False, [], set()
        for entry in entries:
            text = entry.strip()
            if not text:
                continue
            if text.lower() == LOOPBACK:
                loopback = True
                continue
            try:
                networks.append(ipaddress.ip_network(host_text(text), strict=False))
                continue
            except ValueError:
                pass
            address = parse_ip(text)
            if address is not None:
                networks.append(ipaddress.ip_network(address))
            elif re.fullmatch(r"[A-Za-z0-9_.\-]+", text):
                names.add(text.lower().rstrip("."))
            else:
                raise ValueError(
                    f"{entry!r} is not a host name, an IP address, a CIDR network or 'loopback'"
                )
        return cls(loopback, tuple(networks), frozenset(names))

    def describe(self) -> str:
        shown = ([LOOPBACK] if self.loopback else []) + [str(n) for n in self.networks]
        return ", ".join(shown + sorted(self.names)) or "nothing"

    def allows_name(self, host: Any) -> bool:
        """May this name be looked up (or connected to by name)?"""
        text = host_text(host).lower()
        if text in LOCAL_NAMES:
            return self.loopback or text.rstrip(".") in self.names or any(
                n.version == 4 and ipaddress.IPv4Address("127.0.0.1") in n for n in self.networks
            )
        return text.rstrip(".") in self.names

    def allows_address(self, host: Any) -> bool:
        """May this address (or name, in a connect call) be reached?"""
        address = parse_ip(host) if host_text(host) else ipaddress.IPv4Address(0)  # "": INADDR_ANY
        if address is None:
            return self.allows_name(host)
        if self.loopback and is_loopback(address):
            return True
        mapped = getattr(address, "ipv4_mapped", None)
        for candidate in (address, mapped) if mapped is not None else (address,):
            if any(candidate in network for network in self.networks if network.version == candidate.version):
                return True
        if self.names:
            return address in self.resolved() or (mapped is not None and mapped in self.resolved())
        return False

    def resolved(self) -> set[IPAddress]:
        if self._resolved is None:
            found: set[IPAddress] = set()
            for name in sorted(self.names):
                try:
                    infos = socket.getaddrinfo(name, None)
                except OSError:
                    continue
                for info in infos:
                    address = parse_ip(info[4][0])
                    if address is not None:
                        found.add(address)
            self._resolved = found
        return self._resolved

    def no_proxy(self) -> str:
        """A ``NO_PROXY`` value that keeps a child process's allowed traffic off the proxy."""
        hosts = ["localhost", "127.0.0.1", "::1"] if self.loopback else []
        hosts += [str(n.network_address) if n.num_addresses == 1 else str(n) for n in self.networks]
        hosts += sorted(self.names)
        return ",".join(dict.fromkeys(hosts))
