"""What a release carries: the README's commands are the ones CI runs, one version for both
packages, the metadata a maintainer signs off (license, classifiers), an sdist with the tests."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pdlint
import pytest_pdhttp
from pdlint.codes import ALL_CODES

ROOT = Path(__file__).resolve().parents[1]


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, flags=re.S)]


def test_the_readme_has_two_commands_and_ci_runs_exactly_them() -> None:
    first, second = quick_start_commands()
    assert "\n" not in first and "pip install -e '.[test]'" in first and "pdlint --exit-zero examples/" in first
    assert second == "pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert first in ci and second in ci
    assert ci.index(first) < ci.index(second)


def test_the_readme_explains_exit_statuses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for row in ("| `0` |", "| `1` |", "| `2` |"):
        assert row in readme


def test_one_version_for_both_packages() -> None:
    version = importlib.metadata.version("pytest-pdhttp")
    assert pdlint.__version__ == pytest_pdhttp.__version__ == version


def test_metadata_a_maintainer_signs_off() -> None:
    metadata = importlib.metadata.metadata("pytest-pdhttp")
    assert metadata["License-Expression"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    classifiers = set(metadata.get_all("Classifier"))
    assert {
        "Framework :: Pytest", "Environment :: Console",
        "Topic :: Software Development :: Quality Assurance", "Topic :: Software Development :: Testing",
    } <= classifiers
    supported = {c.rsplit(" :: ", 1)[1] for c in classifiers if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)}
    assert min(supported, key=lambda v: tuple(map(int, v.split(".")))) == metadata["Requires-Python"].removeprefix(">=")


def test_the_sdist_takes_what_its_tests_need() -> None:
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8").split()
    for part in ("tests", "docs", "examples", "benchmarks", ".ci", "lint", "pytest_pdhttp"):
        assert part in manifest, part
    for name in ("LICENSE", "README.md", ".pre-commit-hooks.yaml"):
        assert name in manifest, name


def test_every_page_the_packages_point_users_to_exists() -> None:
    """After a wheel install there is no docs/: messages and help name pages by their URL, and
    every URL of this repository that the packages hold names a file of the checkout."""
    repository = "https://github.com/pytest-pdhttp/pytest-pdhttp/blob/main/"
    shipped = [p for package in ("lint", "pytest_pdhttp") for p in sorted((ROOT / package).rglob("*.py"))]
    pointed = 0
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        for url in re.findall(re.escape(repository) + r"[^\s\"')#]+", text):
            target = url.removeprefix(repository)
            if "{code}" in target:
                targets = [target.format(code=code) for code in ALL_CODES]  # every code has a page
            else:
                targets = [target]
            for relative in targets:
                assert (ROOT / relative).is_file(), f"{path.relative_to(ROOT)} points to {relative}"
                pointed += 1
        # a bare repository path means nothing to a user of the wheel
        assert not re.search(r"\(see docs/|see `docs/", text), path
    assert pointed > 20
