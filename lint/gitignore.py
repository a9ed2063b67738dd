"""Which files under a directory git does not ignore, asked of git itself.

`git ls-files --cached --others --exclude-standard` lists the tracked files and the untracked ones
that no `.gitignore`, `.git/info/exclude` or `core.excludesFile` pattern matches — git's own rules,
so pdlint agrees with `git status` (a tracked file is linted even when a pattern matches it, as
git keeps tracking it). Outside a git work tree, or without git, nothing is filtered.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field


@dataclass
class Visible:
    """What git shows below one directory, by path relative to it (`/`-separated)."""

    files: set[str] = field(default_factory=set)
    directories: set[str] = field(default_factory=set)  # every directory holding a shown file
    whole: set[str] = field(default_factory=set)  # shown as a whole: submodules, nested repositories

    def shows_file(self, relative: str) -> bool:
        return relative in self.files

    def enters(self, relative: str) -> bool:
        """Whether a walk goes into this directory (something below it is shown)."""
        return relative in self.directories

    def shows_all_of(self, relative: str) -> bool:
        return relative in self.whole


def in_work_tree(directory: str) -> bool:
    """Whether a `.git` (directory or file) is at or above `directory` (cheap: no process)."""
    current = os.path.abspath(directory)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return True
        parent = os.path.dirname(current)
        if parent == current:
            return False
        current = parent


def visible(directory: str) -> Visible | None:
    """What git does not ignore below `directory`; None when git cannot say (not a work tree,
    no git)."""
    if not in_work_tree(directory):
        return None
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=directory, capture_output=True, timeout=120, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if listed.returncode != 0:
        return None
    shown = Visible()
    for raw in listed.stdout.split(b"\0"):
        if not raw:
            continue
        name = os.fsdecode(raw)
        if name.endswith("/"):  # an untracked nested repository, listed as a whole
            name = name.rstrip("/")
            shown.whole.add(name)
        else:
            shown.files.add(name)
        parts = name.split("/")
        for end in range(1, len(parts)):
            shown.directories.add("/".join(parts[:end]))
    for name in list(shown.files):  # a submodule is one entry of the index: a directory on disk
        if name not in shown.directories and os.path.isdir(os.path.join(directory, name)):
            shown.whole.add(name)
    shown.directories |= shown.whole
    return shown
