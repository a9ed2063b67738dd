"""Unified diffs of what a fix changes, in the form `git apply` and `patch -p1` take as is."""

from __future__ import annotations

import difflib
import os

NO_NEWLINE = "\\ No newline at end of file\n"


def patch_path(path: str) -> str:
    """`path` as a diff names it: relative to the working directory when it is below it, with `/`
    separators (the `a/` and `b/` prefixes are added by `unified_diff`)."""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if not relative.startswith(os.pardir):
            path = relative
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path.lstrip("/")


def unified_diff(old: str, new: str, path: str) -> str:
    """The change from `old` to `new` as a unified diff of `a/path` and `b/path`, with git's
    marker after a last line that has no newline. Empty when nothing changed."""
    if old == new:
        return ""
    name = patch_path(path)
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n" + NO_NEWLINE)
    return "".join(out)
