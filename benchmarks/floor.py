"""The libcst floor: what any libcst-based linter pays before its rules do anything.

For every file: read it, `libcst.parse_module`, resolve `PositionProvider` through a
`MetadataWrapper` and walk every node with a no-op `CSTVisitor` (the wrapper's own visit, which
dispatches `visit_<Node>`/`leave_<Node>` lookups like any visitor). Markdown files get the same for
each fenced Python snippet, so the floor covers the same files pdlint lints.

With `--parse-only` it only parses (`libcst.parse_module`): the least any fix built on libcst
costs, the base of the issue-14 targets for output with edits and for `--fix`.

Run as its own process, like the tools it is compared with:

    python benchmarks/floor.py [--jobs N] [--parse-only] PATH...

`--jobs 1` works in this process; `--jobs N` uses a ProcessPoolExecutor of N workers with the
same chunking as pdlint. It prints one summary line (files, snippets, nodes, parse errors).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor

import libcst
from libcst.metadata import MetadataWrapper, PositionProvider

SUFFIXES = (".py", ".pyi", ".md", ".markdown", ".mdx")
SKIPPED = {".git", ".hg", ".svn", ".venv", "venv", ".tox", "__pycache__", "node_modules", ".pdlint_cache"}
FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[ \t]*(python3?|py|pycon)\b[^\n]*\n(.*?)^\1\2[ \t]*$", re.M | re.S)


class NoOp(libcst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self) -> None:
        super().__init__()
        self.nodes = 0

    def on_visit(self, node: libcst.CSTNode) -> bool:
        self.nodes += 1
        return super().on_visit(node)


def snippets(path: str, data: bytes) -> list[bytes | str]:
    if not path.lower().endswith((".md", ".markdown", ".mdx")):
        return [data]
    text = data.decode("utf-8", "replace")
    found: list[bytes | str] = []
    for match in FENCE.finditer(text):
        indent, body = match.group(1), match.group(4)
        lines = [line[len(indent):] if line.startswith(indent) else line for line in body.splitlines(True)]
        if match.group(3) == "pycon":
            lines = [line[4:] for line in lines if line.startswith((">>> ", "... "))]
        found.append("".join(lines))
    return found


PARSE_ONLY = False


def walk_one(path: str) -> tuple[int, int, int]:
    """(snippets, nodes, parse errors) for one file."""
    with open(path, "rb") as handle:
        data = handle.read()
    count = nodes = errors = 0
    for source in snippets(path, data):
        count += 1
        try:
            module = libcst.parse_module(source)
        except libcst.ParserSyntaxError:
            errors += 1
            continue
        if PARSE_ONLY:
            nodes += len(module.body)
            continue
        visitor = NoOp()
        MetadataWrapper(module, unsafe_skip_copy=True).visit(visitor)
        nodes += visitor.nodes
    return count, nodes, errors


def discover(paths: list[str]) -> list[str]:
    files: list[str] = []
    for path in paths:
        if os.path.isfile(path):
            files.append(path)
            continue
        for root, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED)
            files += [os.path.join(root, name) for name in sorted(names) if name.lower().endswith(SUFFIXES)]
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", "-j", type=int, default=1)
    parser.add_argument("--parse-only", action="store_true",
                        help="only libcst.parse_module (what a fix costs at least); nodes = top-level statements")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    global PARSE_ONLY
    PARSE_ONLY = args.parse_only
    files = discover(args.paths)
    workers = max(1, min(args.jobs, len(files)))
    if workers == 1:
        results = list(map(walk_one, files))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            chunk = max(1, min(32, len(files) // (workers * 4)))
            results = list(pool.map(walk_one, files, chunksize=chunk))
    count = sum(r[0] for r in results)
    nodes = sum(r[1] for r in results)
    errors = sum(r[2] for r in results)
    kind = "statements" if args.parse_only else "nodes"
    print(f"floor: {len(files)} files, {count} snippets, {nodes} {kind}, {errors} parse errors, {workers} process(es)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
