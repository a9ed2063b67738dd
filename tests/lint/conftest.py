from __future__ import annotations

from pathlib import Path

import pytest

def _shared() -> Path:
    """`shared/` beside the checkout (a git worktree may sit a level deeper)."""
    for parent in Path(__file__).resolve().parents[2].parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared"
    return Path(__file__).resolve().parents[2].parent / "shared"


SHARED = _shared()
SEED = SHARED / "seeds" / "000_218ed8cfcf7bac9d.txt"
SEED_EXPECT = SHARED / "seeds" / "000_218ed8cfcf7bac9d.expect"


@pytest.fixture
def seed_markdown(tmp_path: Path) -> Path:
    if not SEED.exists():
        pytest.skip(f"seed document not found at {SEED}")
    copy = tmp_path / "seed.md"
    copy.write_bytes(SEED.read_bytes())
    return copy
