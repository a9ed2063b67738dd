"""Output is the same with any --jobs and with a warm cache; the cache follows content and config."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from lint import batch

from .clirun import pdlint

TEMPLATES = [
    'import requests\ndef handler(pd):\n    r = requests.get("https://a.io/{i}")\n    return r.json()\n',
    'import json, requests\ndef handler(pd):\n    requests.post("https://b.io", data=json.dumps({{"i": {i}}}), timeout=5)\n',
    'def handler(pd):\n    token = "tok{i}abcdef"\n    return open("/tmp/{i}.txt").read()\n',
    'import requests\ndef handler(pd):\n    r = requests.get("https://c.io", timeout={i})\n    r.raise_for_status()\n    return r.json()\n',
    "```python\nr = requests.get('https://d.io/{i}', verify=False)\n```\n",
    "def broken({i}:\n",
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    rng = random.Random(7)
    for i in range(60):
        template = rng.choice(TEMPLATES)
        suffix = ".md" if template.startswith("```") else ".py"
        folder = tmp_path / f"pkg{i % 4}"
        folder.mkdir(exist_ok=True)
        (folder / f"step_{i}{suffix}").write_text(template.format(i=i + 1))
    return tmp_path


def test_same_output_with_one_or_two_jobs_and_warm_cache(corpus, capsys) -> None:
    one = pdlint(capsys, corpus, "--no-cache", "--format", "json", "--jobs", "1")
    two = pdlint(capsys, corpus, "--no-cache", "--format", "json", "--jobs", "2")
    cold = pdlint(capsys, corpus, "--format", "json", "--jobs", "2")
    warm = pdlint(capsys, corpus, "--format", "json", "--jobs", "2")
    assert one.json() and {d["code"] for d in one.json()} >= {"PD001", "PD102", "PD104", "PD108"}
    assert one.out == two.out == cold.out == warm.out
    assert one.status == two.status == cold.status == warm.status == 1
    assert (corpus / ".pdlint_cache").is_dir()


def test_warm_cache_lints_nothing(corpus, capsys, monkeypatch) -> None:
    pdlint(capsys, corpus, "--format", "json")
    calls = []
    monkeypatch.setattr(batch, "_lint_job", lambda *a: calls.append(a) or None)
    warm = pdlint(capsys, corpus, "--format", "json", "--jobs", "1")
    assert calls == [] and warm.json()


def test_cache_follows_content_and_config(corpus, capsys) -> None:
    pdlint(capsys, corpus, "--format", "json")
    target = corpus / "pkg0" / "step_0.py"
    target.write_text('token = "changed12345"\n')
    after = pdlint(capsys, corpus, "--format", "json", "pkg0/step_0.py")
    assert [(d["line"], d["code"]) for d in after.json()] == [(1, "PD104")]
    (corpus / "pdlint.toml").write_text('ignore = ["PD104"]\n')
    assert pdlint(capsys, corpus, "--format", "json", "pkg0/step_0.py").json() == []


def test_no_cache_writes_nothing(corpus, capsys) -> None:
    pdlint(capsys, corpus, "--no-cache")
    assert not (corpus / ".pdlint_cache").exists()


def test_damaged_cache_is_ignored(corpus, capsys) -> None:
    first = pdlint(capsys, corpus, "--format", "json").out
    for cached in (corpus / ".pdlint_cache").glob("findings-*.json"):
        cached.write_text("{damaged")
    assert pdlint(capsys, corpus, "--format", "json").out == first


def test_fix_with_warm_cache_still_fixes(corpus, capsys) -> None:
    pdlint(capsys, corpus, "--format", "json")
    step = corpus / "fixme.py"
    step.write_text('import json, requests\nr = requests.post("https://b.io", data=json.dumps(x), timeout=5)\nr.raise_for_status()\n')
    pdlint(capsys, corpus, "fixme.py")
    pdlint(capsys, corpus, "--fix", "fixme.py")
    assert "json=x" in step.read_text()


def test_cache_key_changes_with_pdlint_source(monkeypatch) -> None:
    from lint import cache

    before = cache.cache_key(b"x = 1\n", "python", ["PD101"], "cfg")
    monkeypatch.setattr(cache, "_code_signature", "edited-rule")
    assert cache.cache_key(b"x = 1\n", "python", ["PD101"], "cfg") != before
