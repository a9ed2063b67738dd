"""Findings cached by file content + pdlint version + effective configuration, in `.pdlint_cache/`."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from typing import Any

from . import __version__

CACHE_DIRECTORY = ".pdlint_cache"
MAX_ENTRIES = 50_000


_code_signature: str | None = None


def code_signature() -> str:
    """Changes whenever pdlint's own source changes, so an edited rule never serves old results."""
    global _code_signature
    if _code_signature is None:
        package = os.path.dirname(os.path.abspath(__file__))
        digest = hashlib.blake2b(digest_size=12)
        for directory, _, names in sorted(os.walk(package)):
            for name in sorted(names):
                if name.endswith(".py"):
                    stat = os.stat(os.path.join(directory, name))
                    digest.update(f"{directory}/{name}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
        _code_signature = digest.hexdigest()
    return _code_signature


def cache_key(data: bytes, kind: str, codes: list[str], config_fingerprint: str) -> str:
    digest = hashlib.blake2b(data, digest_size=20)
    digest.update(
        f"\0{__version__}\0{code_signature()}\0{kind}\0{','.join(codes)}\0{config_fingerprint}".encode()
    )
    return digest.hexdigest()


class Cache:
    """One JSON file per pdlint version: key -> findings (as dicts, without the path)."""

    def __init__(self, root: str) -> None:
        self.directory = os.path.join(root, CACHE_DIRECTORY)
        self.path = os.path.join(self.directory, f"findings-{__version__}.json")
        self.entries: dict[str, list[dict[str, Any]]] = {}
        self.dirty = False
        try:
            with open(self.path, encoding="utf-8") as handle:
                loaded = json.load(handle)
            if isinstance(loaded, dict):
                self.entries = loaded
        except (OSError, ValueError):
            pass  # no cache yet, or a damaged one: start afresh

    def get(self, key: str) -> list[dict[str, Any]] | None:
        return self.entries.get(key)

    def put(self, key: str, findings: list[dict[str, Any]]) -> None:
        self.entries[key] = findings
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        if len(self.entries) > MAX_ENTRIES:
            self.entries = dict(list(self.entries.items())[-MAX_ENTRIES:])
        try:
            os.makedirs(self.directory, exist_ok=True)
            ignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(ignore):
                with open(ignore, "w", encoding="utf-8") as handle:
                    handle.write("*\n")
            handle_fd, temporary = tempfile.mkstemp(dir=self.directory, prefix=".findings-")
            with os.fdopen(handle_fd, "w", encoding="utf-8") as handle:
                json.dump(self.entries, handle, separators=(",", ":"))
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only tree still lints; it just is not cached
