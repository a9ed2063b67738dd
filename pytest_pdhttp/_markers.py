"""Read `@pytest.mark.pd`, `@pytest.mark.pd_http` and the ini options; refuse unknown keywords."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

import pytest
from responses.registries import FirstMatchRegistry

from ._http.cassette.options import KEYWORDS as CASSETTE_KEYWORDS
from ._http.mock import HttpSettings

PD_KEYWORDS = ("inputs", "steps", "event", "env")
HTTP_SETTINGS = tuple(f.name for f in dataclasses.fields(HttpSettings))
HTTP_KEYWORDS = (*HTTP_SETTINGS, "allowed_hosts", "cassette", "registry", *CASSETTE_KEYWORDS)


def ini_name(keyword: str) -> str:
    return f"pd_http_{keyword}"


def marker_kwargs(node: pytest.Item, name: str, known: tuple[str, ...]) -> dict[str, Any]:
    """Keywords of every ``name`` marker on the test; the closest marker wins per keyword."""
    merged: dict[str, Any] = {}
    for mark in node.iter_markers(name):
        if mark.args:
            pytest.fail(
                f"@pytest.mark.{name} takes keywords only, got {mark.args!r}", pytrace=False
            )
        unknown = sorted(set(mark.kwargs) - set(known))
        if unknown:
            pytest.fail(
                f"@pytest.mark.{name} got unknown keyword(s) {', '.join(unknown)}; "
                f"known: {', '.join(known)}",
                pytrace=False,
            )
        for key, value in mark.kwargs.items():
            merged.setdefault(key, value)
    return merged


def http_settings(node: pytest.Item) -> HttpSettings:
    values = {k: node.config.getini(ini_name(k)) for k in HTTP_SETTINGS}
    marked = marker_kwargs(node, "pd_http", HTTP_KEYWORDS)
    values.update((k, v) for k, v in marked.items() if k in HTTP_SETTINGS)
    for key, value in values.items():
        if not isinstance(value, bool):
            pytest.fail(
                f"@pytest.mark.pd_http({key}=...) takes True or False, got {value!r}", pytrace=False
            )
    return HttpSettings(**values)


def http_cassette(node: pytest.Item) -> str | None:
    """The ``cassette=`` name of the closest ``pd_http`` marker that gives one."""
    name = marker_kwargs(node, "pd_http", HTTP_KEYWORDS).get("cassette")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        pytest.fail(
            f"@pytest.mark.pd_http(cassette=...) takes a cassette name, got {name!r}", pytrace=False
        )
    return name


def http_registry(node: pytest.Item) -> type[FirstMatchRegistry]:
    """The ``registry=`` of the closest ``pd_http`` marker giving one (responses' registries, as
    ``@responses.activate(registry=...)`` takes them), else responses' default."""
    registry = marker_kwargs(node, "pd_http", HTTP_KEYWORDS).get("registry", FirstMatchRegistry)
    if not (isinstance(registry, type) and issubclass(registry, FirstMatchRegistry)):
        pytest.fail(
            "@pytest.mark.pd_http(registry=...) takes a responses registry class such as "
            f"responses.registries.OrderedRegistry, got {registry!r}",
            pytrace=False,
        )
    return registry


def env_items(env: Any) -> list[tuple[str, str | None]]:
    if not isinstance(env, Mapping) or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in env.items()
    ):
        pytest.fail(
            f"@pytest.mark.pd(env=...) maps names to str (or None to unset), got {env!r}",
            pytrace=False,
        )
    return list(env.items())
