"""One test's cassette: what to replay, whether to record, and writing it at the end."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..redact import Redactor
from . import files
from .options import CassetteOptions, resolve
from .record import Recorder
from .replay import LiveRequests, register

__tracebackhide__ = True  # pytest shows the test's and the hook's lines, not this module's


class Cassette:
    """``none``  replays only (a missing cassette is an error); ``once`` replays an existing cassette
    and records a missing one; ``new_episodes`` replays what is there and records what is not;
    ``all`` records everything again.
    """

    def __init__(
        self,
        name: str,
        directory: Path,
        options: CassetteOptions,
        secrets: Callable[[], set[str]],
        shown_path: Callable[[Path], str],
    ) -> None:
        self.options = options
        self.path = files.locate(directory, name, recording=options.record_mode != "none")
        self._secrets = secrets
        mode, exists = options.record_mode, self.path.is_file()
        if not exists and mode == "none":
            raise files.missing(self.path, name)
        self.recording = mode in ("all", "new_episodes") or (mode == "once" and not exists)
        replaying = mode == "new_episodes" or (mode in ("none", "once") and exists)
        self.old = files.load(self.path) if replaying and exists else []
        self.recorder = Recorder(options, secrets) if self.recording else None
        self._origin = shown_path(self.path)
        self._existed = exists

    @classmethod
    def for_test(
        cls,
        name: str,
        directory: Path,
        cli_mode: str | None,
        marker: Mapping[str, Any],
        fixture: Any,
        ini_drop: list[str],
        ini_keep: list[str],
        secrets: Callable[[], set[str]],
        shown_path: Callable[[Path], str],
    ) -> Cassette:
        options = resolve(cli_mode, marker, fixture, ini_drop, ini_keep)
        return cls(name, directory, options, secrets, shown_path)

    def redactor(self) -> Redactor:
        return Redactor(self._secrets())

    def real_send(self, send: Callable[..., Any]) -> Callable[..., Any] | None:
        """The transport ``pd_http`` passes unmatched requests to (recording only)."""
        return None if self.recorder is None else self.recorder.wrap(send)

    def attach(self, mock: Any) -> None:
        live = LiveRequests(self.options, self.redactor)
        register(mock, self.old, live, self._origin, optional=self.recording)
        if self.recording:
            mock.add_passthru(re.compile(r".*"))

    def close(self) -> None:
        """Write what was recorded (even when the test failed: the traffic happened)."""
        if self.recorder is None:
            return
        new = self.recorder.finished()
        if self.options.record_mode == "new_episodes":
            if not new and self._existed:
                return
            files.dump(self.path, self.old + new)
        else:
            files.dump(self.path, new)
