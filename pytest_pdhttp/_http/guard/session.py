"""The guard in a pytest run: on from the first conftest import to the end of the session.

Every stretch of the run gets a scope (collection of each module, each test from setup to
teardown, each module-, class- or session-scoped fixture while it is set up), so an attempt is
reported where it happened: a collection error, a failed setup, call or teardown, or, for a thread
that outlives its test, an error of the test that started it at the end of the session.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from ... import _strict as strict
from ..._markers import HTTP_KEYWORDS, marker_kwargs
from .addresses import AllowedHosts
from .core import NetworkGuard
from .scopes import Policy, Scope, report

ALLOW_NETWORK_INI = "pd_http_allow_network"
ALLOWED_HOSTS_INI = "pd_http_allowed_hosts"
GUARD = pytest.StashKey["GuardPlugin"]()
SCOPE = pytest.StashKey[Scope]()
PLUGIN_NAME = "pytest-pdhttp-network-guard"


def add_ini(parser: pytest.Parser) -> None:
    parser.addini(
        ALLOWED_HOSTS_INI,
        "pd_http: hosts the network guard lets through: 'loopback' (default), IP addresses, CIDR "
        "networks, host names",
        type="args",
        default=["loopback"],
    )


def start(config: pytest.Config) -> None:
    """Switch the guard on for this run (once; the first hook that can do it does)."""
    if GUARD in config.stash:
        return
    session_policy = _session_policy(config)
    guard = NetworkGuard(lambda: session_policy)
    plugin = GuardPlugin(config, guard, session_policy)
    config.stash[GUARD] = plugin
    config.pluginmanager.register(plugin, PLUGIN_NAME)
    guard.start()
    config.add_cleanup(guard.stop)


def scope_of(item: pytest.Item) -> Scope | None:
    return item.stash.get(SCOPE, None)


def follow_proxies(item: pytest.Item) -> None:
    """The test may reach the network after all (it records a cassette): its requests go the
    way they would without the plugin, through the proxy variables the run was given."""
    plugin = item.config.stash.get(GUARD, None)
    if plugin is not None:
        plugin.guard.follow_policy(True)  # until the test's teardown


def _session_policy(config: pytest.Config) -> Policy:
    allow = config.getini(ALLOW_NETWORK_INI)
    try:
        hosts = AllowedHosts.parse(config.getini(ALLOWED_HOSTS_INI))
    except ValueError as exc:
        raise pytest.UsageError(f"{ALLOWED_HOSTS_INI}: {exc}") from None
    return Policy(allow_all=bool(allow), hosts=hosts)


def node_policy(node: pytest.Item | pytest.Collector, default: Policy) -> Policy:
    """The session policy, changed by the closest ``pd_http`` markers of ``node``."""
    marked = marker_kwargs(node, "pd_http", HTTP_KEYWORDS)  # type: ignore[arg-type]
    allow = marked.get("allow_network", default.allow_all)
    if not isinstance(allow, bool):
        pytest.fail(
            f"@pytest.mark.pd_http(allow_network=...) takes True or False, got {allow!r}",
            pytrace=False,
        )
    hosts = default.hosts
    if "allowed_hosts" in marked:
        entries = marked["allowed_hosts"]
        if isinstance(entries, str) or not all(isinstance(e, str) for e in entries or ()):
            pytest.fail(
                "@pytest.mark.pd_http(allowed_hosts=...) takes a list of host names, addresses, "
                f"networks or 'loopback', got {entries!r}",
                pytrace=False,
            )
        problem = None
        try:
            hosts = AllowedHosts.parse(entries)
        except ValueError as exc:
            problem = str(exc)
        if problem is not None:
            pytest.fail(f"@pytest.mark.pd_http(allowed_hosts=...): {problem}", pytrace=False)
    return Policy(allow_all=allow, hosts=hosts)


class GuardPlugin:
    """Hooks that move the guard from scope to scope and report what it refused."""

    def __init__(self, config: pytest.Config, guard: NetworkGuard, session_policy: Policy) -> None:
        self.config = config
        self.guard = guard
        self.session_policy = session_policy

    # --- collection ------------------------------------------------------------------------------

    @pytest.hookimpl(wrapper=True)
    def pytest_make_collect_report(
        self, collector: pytest.Collector
    ) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
        scope = Scope(
            f"collection of {collector.nodeid or 'the session'}",
            lambda: self.session_policy,
            nodeid=collector.nodeid,
        )
        previous = self.guard.enter(scope)
        try:
            collected = yield
        finally:
            self.guard.leave(previous)
            scope.closed = True
        attempts = scope.new_attempts()  # (a failed import shows the refusal in its traceback)
        if attempts and collected.passed:
            collected.outcome = "failed"
            collected.longrepr = report(attempts) + (
                "\n(import time and collection follow the ini options: pd_http_allow_network, "
                "pd_http_allowed_hosts)"
            )
        return collected

    # --- tests ----------------------------------------------------------------------------------

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Generator[None, None, None]:
        __tracebackhide__ = True  # a fixture's error is shown where it was raised
        if item.get_closest_marker("pd_http") is None:
            policy = self.session_policy
            source = lambda: policy  # noqa: E731
        else:
            policy = node_policy(item, self.session_policy)  # a bad marker fails the setup now
            source = lambda: policy  # noqa: E731
        scope = Scope(item.nodeid, source, nodeid=item.nodeid, location=item.location)
        item.stash[SCOPE] = scope
        strict.register(item, scope)
        self.guard.enter(scope)
        if policy.allow_all != self.session_policy.allow_all:
            self.guard.follow_policy(policy.allow_all)
        try:
            result = yield
        except BaseException as exc:
            _note(item, scope, exc)
            raise
        strict.fail_if_any(scope.problems())
        return result

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item: pytest.Item) -> Generator[None, None, None]:
        __tracebackhide__ = True  # a fixture's error is shown where it was raised
        scope = item.stash.get(SCOPE, None)
        try:
            result = yield
        except BaseException as exc:
            if scope is not None:
                _note(item, scope, exc)
            raise
        finally:
            if scope is not None:
                scope.closed = True
                self.guard.leave(self.guard.session)
                self.guard.follow_policy(self.session_policy.allow_all)
        if scope is not None:
            strict.fail_if_any(scope.problems())
        return result

    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(
        self, fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest
    ) -> Generator[None, object, object]:
        __tracebackhide__ = True
        if fixturedef.scope == "function":
            return (yield)
        node = request.node
        current = self.guard.current
        scope = Scope(
            f"{fixturedef.scope}-scoped fixture {fixturedef.argname!r}",
            lambda: node_policy(node, self.session_policy),
            owner=current.owner,
        )
        previous = self.guard.enter(scope)
        try:
            return (yield)
        finally:
            self.guard.leave(previous)

    # --- the end --------------------------------------------------------------------------------

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """Report what was refused outside any test: threads that outlived their test, child
        processes still running, the session's own fixtures and hooks."""
        by_owner: dict[Scope, list[str]] = {}
        for scope, attempt in self.guard.late:
            owner = scope.owner
            text = attempt if scope is owner else f"{attempt}, in {scope.label}"
            by_owner.setdefault(owner, []).append(text)
        self.guard.late.clear()
        self.guard.reported = True  # later attempts (a hook, a thread) go to stderr
        session_attempts = self.guard.session.new_attempts()
        if session_attempts:
            by_owner.setdefault(self.guard.session, []).extend(session_attempts)
        if not by_owner:
            return
        for owner, attempts in by_owner.items():
            message = report(attempts) + (
                "\n(refused after the test that started it had finished; reported here at the "
                "end of the session)"
                if owner is not self.guard.session
                else "\n(refused outside any test: in a hook, a conftest or a thread the tests did "
                "not start)"
            )
            self.config.hook.pytest_runtest_logreport(report=_late_report(owner, message))
        if session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _note(item: pytest.Item, scope: Scope, exc: BaseException) -> None:
    """A failed setup or teardown: the refused attempts its error does not show become a note."""
    if isinstance(exc, pytest.skip.Exception):
        return
    in_chain = strict.chain(exc)
    strict.note(exc, scope.problems(test_failed=True, shown=lambda e: id(e) in in_chain))


def _late_report(owner: Scope, message: str) -> pytest.TestReport:
    location = owner.location or ("", None, owner.label)
    return pytest.TestReport(
        nodeid=owner.nodeid or "pytest-pdhttp network guard",
        location=location,
        keywords={},
        outcome="failed",
        longrepr=message,
        when="teardown",
    )
