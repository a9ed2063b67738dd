"""The network guard: refuses every way out of the process except the allowed hosts, and remembers
who tried (the running test, or the test that started the thread that tried)."""

from __future__ import annotations

import atexit
import functools
import os
import sys
import socket
import subprocess
import threading
from collections.abc import Callable, Mapping
from typing import Any

from . import audit
from .addresses import host_text, parse_ip
from .proxy import ALL_NAMES, ProxyEnvironment, RefusingProxy, proxy_endpoints
from .scopes import Policy, Scope

OWNER_ATTRIBUTE = "_pytest_pdhttp_scope"
_LOCAL_FAMILIES = frozenset(
    f for f in (getattr(socket, "AF_UNIX", None), getattr(socket, "AF_NETLINK", None)) if f
)
_IP_FAMILIES = frozenset({socket.AF_INET, socket.AF_INET6})


class NetworkBlockedError(ConnectionRefusedError):
    """Raised into the code under test when it tries to reach a host the guard does not allow."""


class NetworkLookupBlockedError(NetworkBlockedError, socket.gaierror):
    """A refused DNS lookup: also a ``socket.gaierror``, as a failed lookup would be."""


class NetworkGuard:
    """Refuses, records and attributes; ``current`` is what the runner thread is doing now."""

    def __init__(self, session_policy: Callable[[], Policy]) -> None:
        self.session = Scope("the test session (outside any test)", session_policy)
        self.current = self.session
        self.runner = threading.current_thread()
        self.late: list[tuple[Scope, str]] = []
        self.reported = False  # the session's end has been reported: nothing more can fail
        self._hostname = socket.gethostname().lower()
        self._previous_listener: audit.Listener | None = None
        self._environment: ProxyEnvironment | None = None
        self._proxy: RefusingProxy | None = None
        self._tokens: dict[str, Scope] = {}
        self.started = False

    # --- switching on and off ------------------------------------------------------------------

    def start(self) -> None:
        outer = audit.state.listener
        self._environment = ProxyEnvironment(
            outer._environment if isinstance(outer, NetworkGuard) else None
        )
        if not self.session.allows_everything():
            self._environment.hide()
        self._proxy = RefusingProxy(self._proxied_attempt)
        self._previous_listener = audit.listen(self)
        _patches.acquire(self)
        ProxyEnvironment.put(self.child_environment(self.session))
        self.started = True

    def stop(self) -> None:
        if not self.started:
            return
        self.started = False
        self.session.closed = True
        previous = self._previous_listener
        if previous is None or isinstance(previous, AfterTheSession):  # the outermost run ends
            after = AfterTheSession(self)
            atexit.register(after.exit)  # runs before the handlers the tests registered
            audit.listen(after)
        else:
            audit.listen(previous)
        _patches.release(self)
        if self._proxy is not None:
            self._proxy.close()
        if self._environment is not None:
            self._environment.restore()
        previous = self._previous_listener
        if isinstance(previous, NetworkGuard):
            ProxyEnvironment.put(previous.child_environment(previous.current))

    # --- scopes ---------------------------------------------------------------------------------

    def enter(self, scope: Scope) -> Scope:
        previous, self.current = self.current, scope
        self._tokens[scope.token] = scope
        return previous

    def leave(self, previous: Scope) -> None:
        self.current = previous

    def follow_policy(self, allow_all: bool) -> None:
        """The proxy variables are back in ``os.environ`` while the network is allowed."""
        if self._environment is not None:
            (self._environment.show if allow_all else self._environment.hide)()

    @property
    def original_proxies(self) -> dict[str, str]:
        return self._environment.saved if self._environment is not None else {}

    def scope_of_thread(self, thread: threading.Thread) -> Scope:
        if thread is self.runner:
            return self.current
        scope = getattr(thread, OWNER_ATTRIBUTE, None)
        return scope if isinstance(scope, Scope) else self.session

    # --- the audit listener ---------------------------------------------------------------------

    def on_event(self, kind: str, args: tuple[Any, ...]) -> None:
        __tracebackhide__ = True
        if kind == "spawn":
            self._spawning(args)
            return
        thread = threading.current_thread()
        scope = self.scope_of_thread(thread)
        attempt = self._refused(kind, args, scope)
        if attempt is None:
            return
        if thread is not self.runner:
            attempt += f" (from thread {thread.name!r})"
        self.refuse(scope, attempt, lookup=kind in ("lookup", "reverse"))

    def refuse(self, scope: Scope, attempt: str, *, lookup: bool = False) -> None:
        __tracebackhide__ = True
        kind = NetworkLookupBlockedError if lookup else NetworkBlockedError
        error = kind(
            f"pytest-pdhttp blocked real network access: {attempt}. Mock it with pd_http, or allow "
            "it with @pytest.mark.pd_http(allow_network=True) or allowed_hosts=[...]"
        )
        self._attribute(scope, attempt, error)
        raise error

    def _attribute(self, scope: Scope, attempt: str, error: BaseException | None) -> None:
        """Into the report of the scope's owner while it runs; else kept for the session's end
        (once that has been reported, said on stderr)."""
        live = not scope.closed and scope.owner is self.current.owner
        if self.reported:
            if scope is not self.session and not live:
                attempt += f", in {scope.owner.label}"
            say_after_the_session(attempt)
        elif live or scope is self.session:
            scope.record(attempt, error)
        else:
            self.late.append((scope, attempt))

    def _refused(self, kind: str, args: tuple[Any, ...], scope: Scope) -> str | None:
        """What the attempt was, if the scope's policy refuses it; None when it may go ahead."""
        if kind in ("connect", "send"):
            sock, address = args[0], args[1]
            family = getattr(sock, "family", None)
            if address is None or family in _LOCAL_FAMILIES:
                return None
            if family not in _IP_FAMILIES:
                return None if self._allows_all(scope) else f"{kind} on a raw socket (family {family})"
            host, port = address[0], address[1]
            action = "connect to" if kind == "connect" else "send to"
            if self._allows_all(scope):
                return None
            if scope.policy().hosts.allows_address(host):
                return self._through_a_proxy(host, port, action)
            return f"{action} {_host_port(host, port)}"
        host = args[0]
        if host is None or host == "" or host == b"":
            return None
        if kind == "reverse" and isinstance(host, tuple):  # getnameinfo((host, port, ...), flags)
            host = host[0]
        numeric = parse_ip(host)
        if kind == "lookup" and numeric is not None:
            return None  # a numeric host resolves without asking anyone
        if self._allows_all(scope):
            return None
        hosts = scope.policy().hosts
        if numeric is not None:
            return None if hosts.allows_address(host) else f"reverse DNS lookup of {host_text(host)!r}"
        if hosts.allows_name(host) or host_text(host).lower() == self._hostname:
            return None
        return f"DNS lookup of {host_text(host)!r}"

    def _allows_all(self, scope: Scope) -> bool:
        if scope.closed:  # a thread outliving its test: only the session's own setting counts
            return self.session.allows_everything()
        return scope.allows_everything()

    def _through_a_proxy(self, host: Any, port: int, action: str) -> str | None:
        """A loopback proxy named in os.environ (set by the test) would carry traffic out."""
        if not any(name in os.environ for name in ALL_NAMES):
            return None
        if (host_text(host).lower(), port) in proxy_endpoints(os.environ):
            return (
                f"{action} {_host_port(host, port)}, a proxy named in the environment "
                "(proxy variables are not followed while the guard is on)"
            )
        return None

    def _proxied_attempt(self, token: str | None, attempt: str) -> None:
        self._attribute(self._tokens.get(token or "", None) or self.current, attempt, None)

    # --- child processes ------------------------------------------------------------------------

    def child_environment(self, scope: Scope, base: Any = None) -> dict[str, str]:
        """What a child started in ``scope`` gets, ``base`` being the environment it is given."""
        assert self._proxy is not None and self._environment is not None
        return self._environment.for_children(
            self._proxy.url(scope.owner.token),
            scope.policy().hosts.no_proxy(),
            os.environ if base is None else base,
        )

    def _spawning(self, args: tuple[Any, ...]) -> None:
        """Before a child starts: the refusing proxy goes into whatever environment it gets (or,
        where the network is allowed, the proxy variables the run started with)."""
        if self._proxy is None:
            return
        env = args[-1] if args else None
        if isinstance(env, Mapping):
            return  # an environment of its own: read before this event, prepared by _with_proxy
        scope = self.scope_of_thread(threading.current_thread())
        if self._allows_all(scope):
            if self._environment is not None:
                self._environment.put_original()
            return
        ProxyEnvironment.put(self.child_environment(scope))

    def environment_for_child(self, env: Any) -> Any:
        """The environment a child given ``env`` (None: this process's) gets."""
        scope = self.scope_of_thread(threading.current_thread())
        if not self._allows_all(scope):
            return _with(env, self.child_environment(scope, env))
        if env is None:  # not the refusing proxy the C environment holds: the run's own
            return _with(None, self.original_proxies)
        return env


class AfterTheSession:
    """The listener once the outermost run has ended: the threads its tests started, and (as the
    interpreter exits) the ``atexit`` handlers they registered, are still refused. No report is
    left to fail, so each refusal is written to stderr."""

    def __init__(self, guard: NetworkGuard) -> None:
        self.guard = guard
        self.exiting = False

    def exit(self) -> None:
        self.exiting = True

    def on_event(self, kind: str, args: tuple[Any, ...]) -> None:
        __tracebackhide__ = True
        if kind == "spawn":
            return
        thread = threading.current_thread()
        scope = getattr(thread, OWNER_ATTRIBUTE, None)
        if not isinstance(scope, Scope):
            if not self.exiting:
                return  # code that runs after pytest.main() returned, in the caller's program
            scope = self.guard.session
        attempt = self.guard._refused(kind, args, scope)
        if attempt is None:
            return
        if thread is not threading.main_thread():
            started = "" if scope is self.guard.session else f", started in {scope.owner.label}"
            attempt += f" (from thread {thread.name!r}{started})"
        say_after_the_session(attempt)
        kind_of = NetworkLookupBlockedError if kind in ("lookup", "reverse") else NetworkBlockedError
        raise kind_of(f"pytest-pdhttp blocked real network access after the test session: {attempt}")


def say_after_the_session(attempt: str) -> None:
    try:
        print(f"pytest-pdhttp: refused after the test session: {attempt}", file=sys.stderr)
    except (OSError, ValueError):
        pass  # no stderr left


def _host_port(host: Any, port: Any) -> str:
    text = host_text(host)
    return f"[{text}]:{port}" if ":" in text else f"{text}:{port}"


class _Patches:
    """Process-wide patches shared by nested guards (pytester runs pytest inside pytest): thread
    ownership, and the environment ``subprocess`` children get."""

    def __init__(self) -> None:
        self._guards: list[NetworkGuard] = []
        self.originals: tuple[Any, Any] | None = None
        self.socket_methods: dict[str, Any] = {}
        self.socket_own: dict[str, Any] = {}
        self.os_originals: dict[str, Any] = {}

    @property
    def active(self) -> NetworkGuard | None:
        return self._guards[-1] if self._guards else None

    def acquire(self, guard: NetworkGuard) -> None:
        if not self._guards:
            self.originals = (threading.Thread.start, subprocess.Popen.__init__)
            threading.Thread.start = _start  # type: ignore[method-assign]
            subprocess.Popen.__init__ = _popen_init  # type: ignore[method-assign]
            self.socket_methods = {name: getattr(socket.socket, name) for name in _NAME_CHECKS}
            self.socket_own = {n: vars(socket.socket)[n] for n in _NAME_CHECKS if n in vars(socket.socket)}
            for name, wrapper in _NAME_CHECKS.items():
                setattr(socket.socket, name, wrapper)
            self.os_originals = {n: getattr(os, n) for n in _ENV_TAKING if hasattr(os, n)}
            for name in self.os_originals:
                setattr(os, name, _given_environment(name))
        self._guards.append(guard)

    def release(self, guard: NetworkGuard) -> None:
        if guard in self._guards:
            self._guards.remove(guard)
        if not self._guards and self.originals is not None:
            threading.Thread.start, subprocess.Popen.__init__ = self.originals  # type: ignore[method-assign]
            self.originals = None
            for name in _NAME_CHECKS:
                if name in self.socket_own:
                    setattr(socket.socket, name, self.socket_own[name])
                else:
                    delattr(socket.socket, name)  # back to _socket.socket's own method
            for name, original in self.os_originals.items():
                setattr(os, name, original)


_patches = _Patches()
_ORIGINAL_START = threading.Thread.start
_ORIGINAL_POPEN_INIT = subprocess.Popen.__init__


@functools.wraps(_ORIGINAL_START)
def _start(thread: threading.Thread) -> None:
    guard = _patches.active
    if guard is not None:
        setattr(thread, OWNER_ATTRIBUTE, guard.scope_of_thread(threading.current_thread()))
    original = _patches.originals[0] if _patches.originals else _ORIGINAL_START
    original(thread)


_ENV_POSITION = 10  # Popen(args, bufsize, executable, stdin, stdout, stderr, preexec_fn,
# close_fds, shell, cwd, env, ...)


@functools.wraps(_ORIGINAL_POPEN_INIT)
def _popen_init(popen: subprocess.Popen, *args: Any, **kwargs: Any) -> None:
    guard = _patches.active
    if guard is not None:
        args, kwargs = _with_child_environment(guard, args, kwargs, _ENV_POSITION)
    original = _patches.originals[1] if _patches.originals else _ORIGINAL_POPEN_INIT
    original(popen, *args, **kwargs)


def _with_child_environment(
    guard: NetworkGuard, args: tuple[Any, ...], kwargs: dict[str, Any], position: int
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The call's arguments with its ``env`` (at ``position`` or a keyword) made the child's."""
    if len(args) > position:
        env = guard.environment_for_child(args[position])
        return (*args[:position], env, *args[position + 1 :]), kwargs
    return args, {**kwargs, "env": guard.environment_for_child(kwargs.get("env"))}


# os.execve, os.posix_spawn[p] read the environment they are given before raising their audit
# event (and os.spawnve, os.execvpe go through os.execve): the child's is made before the call
_ENV_TAKING = ("execve", "posix_spawn", "posix_spawnp")


def _given_environment(name: str) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        guard = _patches.active
        if guard is not None and (len(args) > 2 or "env" in kwargs):
            args, kwargs = _with_child_environment(guard, args, kwargs, 2)
        return _patches.os_originals[name](*args, **kwargs)

    return functools.wraps(getattr(os, name))(call)


def _with(env: Any, values: dict[str, str]) -> dict[Any, Any]:
    base = os.environ if env is None else env
    if any(isinstance(key, bytes) for key in base):
        return {**base, **{k.encode(): v.encode() for k, v in values.items()}}
    return {**base, **values}


# ``connect`` and ``sendto`` given a host *name* resolve it in C before the audit event is raised:
# the Python socket class checks the name first (``_socket.socket`` itself cannot be patched).
def _check_name(sock: socket.socket, address: Any, kind: str) -> None:
    __tracebackhide__ = True
    guard = _patches.active
    if guard is None or not isinstance(address, tuple) or not address:
        return
    host = address[0]
    if isinstance(host, (str, bytes)) and host_text(host) and parse_ip(host) is None:
        if getattr(sock, "family", None) in _IP_FAMILIES:
            guard.on_event(kind, (sock, address))


def _connect(sock: socket.socket, address: Any) -> None:
    __tracebackhide__ = True
    _check_name(sock, address, "connect")
    return _original("connect")(sock, address)


def _connect_ex(sock: socket.socket, address: Any) -> int:
    __tracebackhide__ = True
    _check_name(sock, address, "connect")
    return _original("connect_ex")(sock, address)  # type: ignore[no-any-return]


def _sendto(sock: socket.socket, data: Any, *flags_and_address: Any) -> int:
    __tracebackhide__ = True
    if flags_and_address:
        _check_name(sock, flags_and_address[-1], "send")
    return _original("sendto")(sock, data, *flags_and_address)  # type: ignore[no-any-return]


def _sendmsg(sock: socket.socket, buffers: Any, *rest: Any) -> int:
    __tracebackhide__ = True
    if len(rest) >= 3:
        _check_name(sock, rest[2], "send")
    return _original("sendmsg")(sock, buffers, *rest)  # type: ignore[no-any-return]


def _original(name: str) -> Any:
    return _patches.socket_methods.get(name) or getattr(socket._socket.socket, name)  # type: ignore[attr-defined]

_NAME_CHECKS = {"connect": _connect, "connect_ex": _connect_ex, "sendto": _sendto, "sendmsg": _sendmsg}
