"""No credential found in the linted code reaches anything pdlint writes: any output format (on
stdout or through --output-file), --statistics, --write-baseline, the cache. Only the linted files
themselves hold them, and the fixed lines a fix rewrites: --diff, --fix and the line edits of the
json, json-lines and sarif formats carry the user's own line (docs/ci.md says so), and the cache
keeps those edits as ruff's does, in a directory git ignores that only the user can read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pdlint.cli import EDIT_FORMATS, OUTPUT_FORMATS

from .clirun import pdlint

SECRETS = (
    "sk_live_51HqZxKJd8f7Gh2LmNpQrStUv",
    "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "hunter2-correct-horse",
    "xoxb-2048-4096-AbCdEfGhIjKlMnOp",
)

STEP = f'''\
import requests

API_KEY = "{SECRETS[0]}"
PASSWORD = "{SECRETS[2]}"


def handler(pd):
    r = requests.get(
        "http://admin:{SECRETS[2]}@api.example.com/items",
        headers={{"Authorization": "Bearer {SECRETS[1]}"}},
    )
    print(API_KEY)
    return r.json()
'''

GUIDE = f"""\
# Posting to Slack

```python
import requests

requests.post("https://slack.com/api/chat.postMessage", data={{"token": "{SECRETS[3]}"}})
```
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.pdlint]\n", encoding="utf-8")
    (tmp_path / "steps").mkdir()
    (tmp_path / "steps" / "fetch.py").write_text(STEP, encoding="utf-8")
    (tmp_path / "guide.md").write_text(GUIDE, encoding="utf-8")
    return tmp_path


def written_by_pdlint(root: Path) -> dict[Path, bytes]:
    sources = {root / "steps" / "fetch.py", root / "guide.md"}
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p not in sources}


def without_fixed_lines(text: str) -> str:
    """The report with the content of each line edit taken out (JSON-escaped in all three)."""
    for secret in SECRETS:
        # a fixed line is the only place a secret may stand: as `"content": "...secret..."` (json,
        # json-lines) or `"text": "...secret..."` of an insertedContent (sarif)
        text = re.sub(r'"(content|text)": *"(?:[^"\\]|\\.)*' + re.escape(secret) + r'(?:[^"\\]|\\.)*"', "", text)
    return text


def assert_no_secret(where: str, data: bytes | str, edits: bool = False) -> None:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if edits:
        text = without_fixed_lines(text)
    leaked = [secret for secret in SECRETS if secret in text]
    assert not leaked, f"{where} holds {leaked}"


@pytest.mark.parametrize("output_format", OUTPUT_FORMATS)
def test_no_output_format_repeats_a_secret(capsys, project: Path, output_format: str) -> None:
    shown = pdlint(capsys, project, "--format", output_format, "--statistics", ".")
    assert shown.status == 1, shown.err
    assert "PD104" in shown.out and "PD109" in shown.out
    edits = output_format in EDIT_FORMATS
    assert_no_secret(f"--format {output_format} stdout", shown.out, edits)
    assert_no_secret(f"--format {output_format} stderr", shown.err)
    to_file = pdlint(capsys, project, "--format", output_format, "--output-file", "report.out", ".")
    assert to_file.status == 1 and (project / "report.out").stat().st_size > 0
    for path, data in written_by_pdlint(project).items():
        assert_no_secret(str(path.relative_to(project)), data, edits)


def test_the_baseline_and_the_cache_hold_no_secret(capsys, project: Path) -> None:
    assert pdlint(capsys, project, "--write-baseline", "baseline.json", ".").status == 0
    first = pdlint(capsys, project, ".")  # fills the cache
    again = pdlint(capsys, project, ".")  # read from it
    assert first.status == again.status == 1 and first.out == again.out
    written = written_by_pdlint(project)
    assert project / "baseline.json" in written
    cached = [path for path in written if ".pdlint_cache" in path.parts]
    assert cached, sorted(written)
    assert (project / ".pdlint_cache" / ".gitignore").read_text(encoding="utf-8").strip() == "*"
    assert all(path.stat().st_mode & 0o077 == 0 for path in cached if path.name.startswith("findings"))
    for path, data in written.items():
        assert_no_secret(str(path.relative_to(project)), data)
    assert pdlint(capsys, project, "--baseline", "baseline.json", ".").status == 0
