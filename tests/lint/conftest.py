from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seeds" / "000_218ed8cfcf7bac9d.txt"
SEED_EXPECT = SHARED / "seeds" / "000_218ed8cfcf7bac9d.expect"


@pytest.fixture
def seed_markdown(tmp_path: Path) -> Path:
    if not SEED.exists():
        pytest.skip(f"seed document not found at {SEED}")
    copy = tmp_path / "seed.md"
    copy.write_bytes(SEED.read_bytes())
    return copy
