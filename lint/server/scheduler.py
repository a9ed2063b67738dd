"""At most one pending run per document: a new request replaces the one still waiting."""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable


class Debouncer:
    def __init__(self, run: Callable[[str], Awaitable[None]]) -> None:
        self._run = run
        self._tasks: dict[str, asyncio.Task[None]] = {}

    def schedule(self, key: str, delay: float) -> None:
        """Run for `key` after `delay` seconds, unless scheduled again before (the newer wins).
        A run already under way is cancelled too: its result would be for old text."""
        self.cancel(key)
        self._tasks[key] = asyncio.get_running_loop().create_task(self._later(key, delay))

    def cancel(self, key: str) -> None:
        task = self._tasks.pop(key, None)
        if task is not None:
            task.cancel()

    async def _later(self, key: str, delay: float) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            await self._run(key)
        finally:
            if self._tasks.get(key) is asyncio.current_task():
                del self._tasks[key]

    def pending(self) -> int:
        return len(self._tasks)
