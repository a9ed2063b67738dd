"""One process-wide audit hook that hands socket and process events to the active guard.

CPython raises these audit events inside ``_socket`` itself, so they catch what patching
``socket.socket`` cannot: ``_socket.socket().connect``, ``sendmsg`` with an address, every DNS
function, and ``connect`` with a host name (whose lookup happens in C). An exception raised by
the hook aborts the call before anything leaves the process. A hook cannot be removed: it is
added once, and with no active guard (or for the hundreds of unrelated events a test raises:
``open``, ``import``, ``compile``...) it costs one dictionary lookup.
"""

from __future__ import annotations

import sys
from typing import Any, Protocol


class Listener(Protocol):
    def on_event(self, kind: str, args: tuple[Any, ...]) -> None:
        """Check one event of a known ``kind``; raise to abort the call."""


# audit event -> what the guard checks
EVENT_KINDS = {
    "socket.connect": "connect",
    "socket.sendto": "send",
    "socket.sendmsg": "send",
    "socket.getaddrinfo": "lookup",
    "socket.gethostbyname": "lookup",
    "socket.gethostbyaddr": "reverse",
    "socket.getnameinfo": "reverse",
    "subprocess.Popen": "spawn",
    "os.system": "spawn",
    "os.exec": "spawn",
    "os.posix_spawn": "spawn",
    "os.spawn": "spawn",
    "os.fork": "spawn",
    "os.forkpty": "spawn",
}


class _State:
    listener: Listener | None = None
    hook_added = False


state = _State()


def _make_hook() -> Any:
    kind_of = EVENT_KINDS.get

    def hook(event: str, args: tuple[Any, ...]) -> None:
        __tracebackhide__ = True
        kind = kind_of(event)
        if kind is not None:
            listener = state.listener
            if listener is not None:
                listener.on_event(kind, args)

    return hook


def listen(listener: Listener | None) -> Listener | None:
    """Make ``listener`` the one that receives events (None: nobody); returns the previous one."""
    if not state.hook_added:
        sys.addaudithook(_make_hook())
        state.hook_added = True
    previous, state.listener = state.listener, listener
    return previous
