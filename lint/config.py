"""`[tool.pdlint]` in pyproject.toml (or pdlint.toml): discovery, validation, per-file settings.

`Options` is the user's configuration, typed and frozen: what the file says, with the command
line's `--select`/`--ignore`/... applied over it (`with_overrides`). What the engine is asked to
produce besides findings (text edits, fingerprints, fixes) is not configuration: see
`pdlint.engine.Flags`."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import stat as stat_module
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .codes import is_known_selector
from .files import DEFAULT_EXCLUDE

CONFIG_FILES = ("pdlint.toml", "pyproject.toml")
DEFAULT_TIMEOUT = 30


class ConfigError(Exception):
    """A configuration problem; the message names the file, the key and what is allowed."""


@dataclass(frozen=True)
class Options:
    """The `[tool.pdlint]` keys (dashes become underscores) and where they were read from."""

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] | None = None  # None: DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    respect_gitignore: bool = True
    markdown: bool = True
    timeout_default: int | float = DEFAULT_TIMEOUT
    secrets_allowlist: tuple[str, ...] = ()
    allow_bare_noqa: bool = False
    report_unused_suppressions: bool = False
    source: str | None = None  # the file it was read from
    root: str = field(default_factory=os.getcwd)  # relative globs are relative to this

    def codes_for(self, path: str, all_codes: list[str] | None = None) -> list[str]:
        """The rule codes enabled for `path` (per-file-ignores applied)."""
        if all_codes is None:
            from .codes import RULE_CODES

            all_codes = list(RULE_CODES)
        enabled = _enabled(tuple(all_codes), self.select, self.extend_select, self.ignore)
        if not self.per_file_ignores:
            return list(enabled)
        ignored = self._per_file_ignored(path)
        return [code for code in enabled if not _matches(code, ignored)]

    def _per_file_ignored(self, path: str) -> list[str]:
        """The codes per-file-ignores ignore in `path`; a pattern starting with `!` applies to
        the files it does not match (as in ruff)."""
        relative = self.relative(path)
        ignored: list[str] = []
        for pattern, codes in self.per_file_ignores:
            negated = pattern.startswith("!")
            if _glob_matches(relative, pattern[1:] if negated else pattern) != negated:
                ignored.extend(codes)
        return ignored

    def relative(self, path: str) -> str:
        """`path` relative to the config's root, with `/` separators (as written when outside it)."""
        return self._relative(path)[0]

    def _relative(self, path: str) -> tuple[str, bool]:
        absolute = os.path.abspath(path)
        root = self.root if self.root.endswith(os.sep) else self.root + os.sep
        if absolute.startswith(root):
            return absolute[len(root):].replace(os.sep, "/"), True
        return Path(path).as_posix(), False

    @property
    def exclusions(self) -> tuple[str, ...]:
        """`exclude` (the defaults unless set) and `extend-exclude`."""
        return (*(DEFAULT_EXCLUDE if self.exclude is None else self.exclude), *self.extend_exclude)

    def is_excluded(self, path: str) -> bool:
        """Whether `path`, or a directory above it below the configuration's directory, matches
        an exclusion (for files named explicitly with `force-exclude`, and `pytest --pdlint`)."""
        patterns = self.exclusions
        if not patterns:
            return False
        relative, inside = self._relative(path)
        if not inside:  # only the name says something about a path outside the project
            relative = os.path.basename(os.path.normpath(path))
        return any(_glob_matches(relative, pattern) for pattern in patterns)

    def excludes_entry(self, path: str) -> bool:
        """Whether a file or directory met walking a directory is excluded itself (the walk does
        not go into an excluded directory): a pattern without `/` is matched against its name,
        one with `/` against its path relative to the configuration's directory."""
        name = os.path.basename(path)
        relative = None
        for pattern in self.exclusions:
            pattern = pattern.rstrip("/")
            if "/" not in pattern:
                if fnmatch.fnmatchcase(name, pattern):
                    return True
                continue
            if relative is None:
                relative = self.relative(path)
            if fnmatch.fnmatchcase(relative, pattern.lstrip("/")):
                return True
        return False

    def for_path(self, path: str) -> "Options":
        """These options as they apply to `path`: its per-file-ignores folded into `ignore`."""
        if not self.per_file_ignores:
            return self
        extra = self._per_file_ignored(path)
        return replace(self, ignore=(*self.ignore, *extra), per_file_ignores=())

    def lints(self, path: str) -> bool:
        """Would pdlint lint `path` under these options (not excluded; a document only with
        `markdown = true`)?"""
        from .sources import is_document

        return not self.is_excluded(path) and (self.markdown or not is_document(path))

    @property
    def secret_patterns(self) -> tuple[re.Pattern[str], ...]:
        """`secrets_allowlist`, compiled once."""
        compiled = self.__dict__.get("_secret_patterns")
        if compiled is None:
            compiled = tuple(re.compile(pattern) for pattern in self.secrets_allowlist)
            object.__setattr__(self, "_secret_patterns", compiled)
        return compiled

    def fingerprint(self) -> str:
        """Changes whenever an option that decides a file's findings (other than which rules run,
        which the cache keys on its own) changes: part of the cache key."""
        return json.dumps([
            self.timeout_default, self.secrets_allowlist, self.allow_bare_noqa, self.markdown,
            self.report_unused_suppressions,
        ])


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
    "force-exclude": "true or false",
    "respect-gitignore": "true or false",
    "markdown": "true or false",
    "timeout-default": "a positive number of seconds",
    "secrets-allowlist": "a list of regular expressions",
    "allow-bare-noqa": "true or false",
    "report-unused-suppressions": "true or false",
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


def parse_table(table: dict[str, Any], source: str, root: str) -> Options:
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
    for key in ("markdown", "allow-bare-noqa", "report-unused-suppressions", "force-exclude", "respect-gitignore"):
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
    return Options(**values)


def load_file(path: str) -> Options | None:
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
    """The nearest config upward from each path, cached per directory.

    With `watch=True` (a long-running process such as the language server) every lookup checks,
    by `stat`, that the config files it was built from are unchanged (and that none appeared), so
    an edited `pyproject.toml` takes effect without a restart."""

    def __init__(self, explicit: str | None = None, isolated: bool = False, watch: bool = False) -> None:
        self._explicit = None if isolated else explicit
        self._isolated = isolated
        self._watch = watch
        self._by_directory: dict[str, tuple[Options, tuple[tuple[str, object], ...]]] = {}
        self._loaded: dict[tuple[str, object], Options | None] = {}
        self._fixed: Options | None = Options() if isolated else None
        if self._explicit is not None:
            self._fixed = self._explicit_options()

    @classmethod
    def fixed(cls, options: Options) -> "ConfigFinder":
        """A finder that gives `options` for every path."""
        finder = cls(isolated=True)
        finder._fixed = options
        return finder

    def _explicit_options(self) -> Options:
        assert self._explicit is not None
        return self._load(self._explicit, _stat(self._explicit)) or Options(source=self._explicit)

    def for_path(self, path: str) -> Options:
        """The options that apply to files in `path`'s directory (or in `path`, a directory)."""
        if self._fixed is not None:
            if self._watch and self._explicit is not None:
                self._fixed = self._explicit_options()
            return self._fixed
        directory = os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path) or ".")
        return self._lookup(directory)

    def _load(self, path: str, stat: object) -> Options | None:
        key = (path, stat)
        if key not in self._loaded:
            self._loaded[key] = load_file(path)
        return self._loaded[key]

    def _lookup(self, directory: str) -> Options:
        cached = self._by_directory.get(directory)
        if cached is not None and (not self._watch or all(_stat(p) == s for p, s in cached[1])):
            return cached[0]
        seen: list[tuple[str, object]] = []
        current = directory
        while True:
            if current != directory and not self._watch and current in self._by_directory:
                found: Options | None = self._by_directory[current][0]
                break
            found = None
            for name in CONFIG_FILES:
                candidate = os.path.join(current, name)
                stat = _stat(candidate)
                seen.append((candidate, stat))
                if stat is not None:
                    found = self._load(candidate, stat)
                    if found is not None:
                        break
            if found is not None:
                break
            parent = os.path.dirname(current)
            if parent == current:
                found = Options()
                break
            current = parent
        self._by_directory[directory] = (found, tuple(seen))
        return found


def _stat(path: str) -> tuple[int, int, int] | None:
    """What tells a changed config file from the one read (None: no regular file there)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    if not stat_module.S_ISREG(found.st_mode):
        return None
    return found.st_mtime_ns, found.st_size, found.st_ino


def with_overrides(config: Options, **overrides: Any) -> Options:
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
    for key in ("report_unused_suppressions", "force_exclude", "respect_gitignore"):
        if overrides.get(key) is not None:
            changes[key] = bool(overrides[key])
    return replace(config, **changes) if changes else config


Config = Options  # the former name
