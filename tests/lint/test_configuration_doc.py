"""docs/configuration.md documents every [tool.pdlint] key, and its examples are valid."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from pdlint.config import _KEYS, Options, parse_table
from pdlint.files import DEFAULT_EXCLUDE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DOC = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_every_key_has_a_section_and_a_row(doc: str) -> None:
    sections = re.findall(r"^### `([a-z-]+)`$", doc, flags=re.M)
    rows = re.findall(r"^\| \[`([a-z-]+)`\]", doc, flags=re.M)
    assert sorted(sections) == sorted(_KEYS) == sorted(rows)


def test_every_example_is_a_valid_configuration(doc: str, tmp_path: Path) -> None:
    blocks = re.findall(r"```toml\n(.*?)```", doc, flags=re.S)
    assert len(blocks) >= len(_KEYS)
    for block in blocks:
        table = tomllib.loads(block)["tool"]["pdlint"]
        parse_table(table, "docs/configuration.md", str(tmp_path))


def test_the_defaults_are_the_ones_written(doc: str) -> None:
    defaults = Options()
    table = dict(re.findall(r"^\| \[`([a-z-]+)`\]\(#[a-z-]+\) \| [^|]+ \| ([^|]+) \|$", doc, flags=re.M))
    for key, written in table.items():
        value = getattr(defaults, key.replace("-", "_"))
        if isinstance(value, bool):
            assert written.strip() == f"`{str(value).lower()}`", key
        elif key == "timeout-default":
            assert written.strip() == f"`{value}`"
    listed = re.search(r"the default exclusions, (.*?)\. Setting it", doc, flags=re.S).group(1)
    assert re.findall(r"`([^`]+)`", listed) == list(DEFAULT_EXCLUDE)
    assert defaults.exclusions == DEFAULT_EXCLUDE
