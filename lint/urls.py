"""What the literal start of a URL says about where a request goes: the scheme, the host, and
whether that host is this machine (loopback) or a link-local service of it (cloud metadata)."""

from __future__ import annotations

import re

_IPV4_LOOPBACK = re.compile(r"^127(?:\.\d{1,3}){3}$")
# 169.254.0.0/16: the instance metadata and credential services of AWS (169.254.169.254,
# ECS's 169.254.170.2), GCP and Azure. They speak only HTTP and answer only the host itself.
_IPV4_LINK_LOCAL = re.compile(r"^169\.254(?:\.\d{1,3}){2}$")
LINK_LOCAL_NAMES = frozenset({"metadata.google.internal", "metadata", "[fd00:ec2::254]"})


def http_host(prefix: str) -> tuple[str, bool] | None:
    """For a URL prefix starting with `http://`: (host, complete). `complete` is False when the
    literal text stops inside the host (`f"http://api{n}..."`). None for any other scheme."""
    stripped = prefix.lstrip()
    if stripped[:7].lower() != "http://":
        return None
    rest = stripped[7:]
    end = len(rest)
    for stop in "/?#":
        index = rest.find(stop)
        if index != -1:
            end = min(end, index)
    authority, complete = rest[:end], end < len(rest)
    if "@" in authority:
        authority = authority.rsplit("@", 1)[1]
    if authority.startswith("["):
        close = authority.find("]")
        if close == -1:
            return authority.lower(), False
        return authority[: close + 1].lower(), True
    if ":" in authority:
        return authority.split(":", 1)[0].lower(), True
    return authority.lower(), complete


def is_loopback(host: str) -> bool:
    host = host.lower().rstrip(".")
    return (
        host == "localhost"
        or host.endswith(".localhost")
        or _IPV4_LOOPBACK.match(host) is not None
        or host in {"[::1]", "::1", "[0:0:0:0:0:0:0:1]"}
    )


def is_link_local(host: str) -> bool:
    """A service of the machine itself reached over the link-local network (cloud metadata)."""
    host = host.lower().rstrip(".")
    return _IPV4_LINK_LOCAL.match(host) is not None or host in LINK_LOCAL_NAMES


def stays_on_host(host: str) -> bool:
    """Traffic to this host never crosses a network someone else can listen on."""
    return is_loopback(host) or is_link_local(host)


def could_stay_on_host(partial_host: str) -> bool:
    """Could a host whose literal text stops here still turn out to be loopback or link-local?"""
    partial = partial_host.lower()
    if not partial:
        return True
    return (
        stays_on_host(partial)
        or "localhost".startswith(partial)
        or "127.".startswith(partial)
        or "169.254.".startswith(partial)
        or partial.startswith(("127.", "169.254.", "["))
        or partial.endswith(".")  # `f"http://{name}.localhost"` and the like
    )
