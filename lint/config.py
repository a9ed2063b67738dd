"""`[tool.pdlint]` in pyproject.toml (or pdlint.toml): discovery, validation, per-file settings."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .codes import is_known_selector

CONFIG_FILES = ("pdlint.toml", "pyproject.toml")
DEFAULT_TIMEOUT = 30


class ConfigError(Exception):
    """A configuration problem; the message names the file, the key and what is allowed."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] | None = None  # None: the default skipped directories
    extend_exclude: tuple[str, ...] = ()
    markdown: bool = True
    timeout_default: int = DEFAULT_TIMEOUT
    secrets_allowlist: tuple[str, ...] = ()
    allow_bare_noqa: bool = False
    source: str | None = None  # the file it was read from
    root: str = field(default_factory=os.getcwd)  # relative globs are relative to this

    def codes_for(self, path: str, all_codes: list[str]) -> list[str]:
        """The rule codes enabled for `path`."""
        enabled = _enabled(tuple(all_codes), self.select, self.extend_select, self.ignore)
        if not self.per_file_ignores:
            return list(enabled)
        ignored: list[str] = []
        relative = self.relative(path)
        for pattern, codes in self.per_file_ignores:
            if _glob_matches(relative, pattern):
                ignored.extend(codes)
        return [code for code in enabled if not _matches(code, ignored)]

    def relative(self, path: str) -> str:
        """`path` relative to the config's root, with `/` separators (as written when outside it)."""
        absolute = os.path.abspath(path)
        root = self.root if self.root.endswith(os.sep) else self.root + os.sep
        if absolute.startswith(root):
            return absolute[len(root):].replace(os.sep, "/")
        return Path(path).as_posix()

    def is_excluded(self, path: str) -> bool:
        patterns = (*(self.exclude or ()), *self.extend_exclude)
        if not patterns:
            return False
        relative = self.relative(path)
        return any(_glob_matches(relative, pattern) for pattern in patterns)

    def settings(self) -> dict[str, object]:
        return {
            "timeout-default": self.timeout_default,
            "secrets-allowlist": [re.compile(p) for p in self.secrets_allowlist],
            "allow-bare-noqa": self.allow_bare_noqa,
        }

    def fingerprint(self) -> str:
        """Changes whenever a setting that affects findings changes (part of the cache key, which
        is hashed)."""
        return json.dumps([self.timeout_default, self.secrets_allowlist, self.allow_bare_noqa, self.markdown])


@lru_cache(maxsize=64)
def _enabled(
    all_codes: tuple[str, ...],
    select: tuple[str, ...] | None,
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
) -> tuple[str, ...]:
    return tuple(
        code for code in all_codes
        if ((select is None or _matches(code, select)) or _matches(code, extend_select))
        and not _matches(code, ignore)
    )


def _matches(code: str, selectors: tuple[str, ...] | list[str]) -> bool:
    return any(code.startswith(selector) for selector in selectors)


def _glob_matches(relative: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatchcase(relative, pattern):
        return True
    parts = relative.split("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in parts)
    # a directory pattern covers everything below it
    return any(fnmatch.fnmatchcase("/".join(parts[:i]), pattern) for i in range(1, len(parts)))


# --- reading and validating -----------------------------------------------------------------------
_KEYS = {
    "select": "a list of rule codes or prefixes",
    "ignore": "a list of rule codes or prefixes",
    "extend-select": "a list of rule codes or prefixes",
    "per-file-ignores": "a table of glob = [codes]",
    "exclude": "a list of glob patterns",
    "extend-exclude": "a list of glob patterns",
    "markdown": "true or false",
    "timeout-default": "a positive number of seconds",
    "secrets-allowlist": "a list of regular expressions",
    "allow-bare-noqa": "true or false",
}


def _error(source: str, key: str, problem: str) -> ConfigError:
    return ConfigError(f"{source}: [tool.pdlint] {key}: {problem} (expected {_KEYS[key]})")


def _strings(source: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _error(source, key, f"got {value!r}")
    return tuple(value)


def _code_list(source: str, key: str, value: Any) -> tuple[str, ...]:
    codes = tuple(code.strip().upper() for code in _strings(source, key, value))
    for code in codes:
        if not is_known_selector(code):
            raise _error(source, key, f"unknown rule code or prefix {code!r}")
    return codes


def parse_table(table: dict[str, Any], source: str, root: str) -> Config:
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(
            f"{source}: [tool.pdlint] unknown key {unknown[0]!r} (allowed: {', '.join(_KEYS)})"
        )
    values: dict[str, Any] = {"source": source, "root": root}
    for key in ("select", "ignore", "extend-select"):
        if key in table:
            values[key.replace("-", "_")] = _code_list(source, key, table[key])
    for key in ("exclude", "extend-exclude"):
        if key in table:
            values[key.replace("-", "_")] = _strings(source, key, table[key])
    if "per-file-ignores" in table:
        raw = table["per-file-ignores"]
        if not isinstance(raw, dict):
            raise _error(source, "per-file-ignores", f"got {raw!r}")
        values["per_file_ignores"] = tuple(
            (pattern, _code_list(source, "per-file-ignores", codes)) for pattern, codes in raw.items()
        )
    for key in ("markdown", "allow-bare-noqa"):
        if key in table:
            if not isinstance(table[key], bool):
                raise _error(source, key, f"got {table[key]!r}")
            values[key.replace("-", "_")] = table[key]
    if "timeout-default" in table:
        timeout = table["timeout-default"]
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or timeout <= 0:
            raise _error(source, "timeout-default", f"got {timeout!r}")
        values["timeout_default"] = timeout
    if "secrets-allowlist" in table:
        patterns = _strings(source, "secrets-allowlist", table["secrets-allowlist"])
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                raise _error(source, "secrets-allowlist", f"bad pattern {pattern!r}: {error}") from None
        values["secrets_allowlist"] = patterns
    return Config(**values)


def load_file(path: str) -> Config | None:
    """The config in `path`; None for a pyproject.toml without a [tool.pdlint] table."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    name = os.path.basename(path)
    table = data.get("tool", {}).get("pdlint") if isinstance(data.get("tool"), dict) else None
    if table is None and name != "pyproject.toml":
        table = {k: v for k, v in data.items() if k != "tool"}
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.pdlint] must be a table")
    return parse_table(table, path, os.path.dirname(os.path.abspath(path)))


class ConfigFinder:
    """The nearest config upward from each path, cached per directory."""

    def __init__(self, explicit: str | None = None, isolated: bool = False) -> None:
        self._fixed: Config | None = None
        if isolated:
            self._fixed = Config()
        elif explicit is not None:
            self._fixed = load_file(explicit) or Config(source=explicit)
        self._by_directory: dict[str, Config] = {}

    def for_path(self, path: str) -> Config:
        if self._fixed is not None:
            return self._fixed
        directory = os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path) or ".")
        return self._lookup(directory)

    def _lookup(self, directory: str) -> Config:
        found = self._by_directory.get(directory)
        if found is not None:
            return found
        config = None
        for name in CONFIG_FILES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                config = load_file(candidate)
                if config is not None:
                    break
        if config is None:
            parent = os.path.dirname(directory)
            config = Config() if parent == directory else self._lookup(parent)
        self._by_directory[directory] = config
        return config


def with_overrides(config: Config, **overrides: Any) -> Config:
    """CLI flags over the file's values: select replaces, ignore and extend-select add."""
    changes: dict[str, Any] = {}
    if overrides.get("select") is not None:
        changes["select"] = tuple(overrides["select"])
    if overrides.get("ignore"):
        changes["ignore"] = (*config.ignore, *overrides["ignore"])
    if overrides.get("extend_select"):
        changes["extend_select"] = (*config.extend_select, *overrides["extend_select"])
    if overrides.get("timeout_default") is not None:
        changes["timeout_default"] = overrides["timeout_default"]
    return replace(config, **changes) if changes else config
