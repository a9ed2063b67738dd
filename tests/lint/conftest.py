from __future__ import annotations

import os
from pathlib import Path

import pytest

# A fix that cannot be built is a test failure here (a counted problem for users).
os.environ["PDLINT_STRICT_FIXES"] = "1"

def _shared() -> Path:
    """The platform's HTTP guide and what pdlint must report on it live beside the repository (not
    in it, and not in a user's clone): PDHTTP_SHARED, else `shared/` beside the checkout (a git
    worktree may sit a level deeper)."""
    if os.environ.get("PDHTTP_SHARED"):
        return Path(os.environ["PDHTTP_SHARED"])
    for parent in Path(__file__).resolve().parents[2].parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared"
    return Path(__file__).resolve().parents[2].parent / "shared"


SHARED = _shared()
SEED = SHARED / "seeds" / "000_218ed8cfcf7bac9d.txt"
SEED_EXPECT = SHARED / "seeds" / "000_218ed8cfcf7bac9d.expect"


def _needs(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"the platform's HTTP guide is not beside this checkout ({path} not found)")
    return path


@pytest.fixture
def seed_markdown(tmp_path: Path) -> Path:
    copy = tmp_path / "seed.md"
    copy.write_bytes(_needs(SEED).read_bytes())
    return copy


@pytest.fixture
def seed_expect() -> Path:
    return _needs(SEED_EXPECT)
