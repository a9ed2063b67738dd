"""Draw the tuning/heldout split of a batch of corpus files: random, stratified by rule, seeded.

    python tests/lint/corpus/split.py --apply NEW_DIR [--seed N]

Every file name starts with the code of the rule it was written for (`pd113_real_odata.py`). Per
rule, the batch's names are sorted, shuffled with `random.Random(f"{seed}:{rule}")` and the first
40% (rounded half up, at least one when the rule has two files or more) go to `heldout/`, the rest
to `tuning/`. The draw is made once per batch and its seed recorded in README.md; files never move
between parts afterwards. `--dry-run` prints the draw without moving anything.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Sequence

CORPUS_DIR = Path(__file__).resolve().parent
HELDOUT_SHARE = 0.4
SEED = 15015  # the first batch (README.md, "Split")
_RULE_PREFIX = re.compile(r"^(pd1\d\d)_")


def rule_of(name: str) -> str:
    match = _RULE_PREFIX.match(name)
    if not match:
        raise ValueError(f"{name}: a corpus file name starts with its rule, as in pd113_real_odata.py")
    return match[1].upper()


def draw(names: Iterable[str], seed: int) -> dict[str, str]:
    """name -> "tuning" or "heldout"."""
    by_rule: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_rule[rule_of(name)].append(name)
    parts: dict[str, str] = {}
    for rule, members in sorted(by_rule.items()):
        members.sort()
        random.Random(f"{seed}:{rule}").shuffle(members)
        held = int(len(members) * HELDOUT_SHARE + 0.5)
        if len(members) >= 2:
            held = max(held, 1)
        for index, name in enumerate(members):
            parts[name] = "heldout" if index < held else "tuning"
    return parts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apply", metavar="NEW_DIR", type=Path, required=True,
                        help="the directory holding the new batch's files")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.apply.iterdir() if p.is_file())
    parts = draw((p.name for p in files), args.seed)
    for path in files:
        target = CORPUS_DIR / parts[path.name] / path.name
        if target.exists():
            print(f"{target} exists already; nothing moved", file=sys.stderr)
            return 2
    for path in files:
        print(f"{parts[path.name]:8} {path.name}")
        if not args.dry_run:
            target = CORPUS_DIR / parts[path.name]
            target.mkdir(exist_ok=True)
            shutil.move(str(path), target / path.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
