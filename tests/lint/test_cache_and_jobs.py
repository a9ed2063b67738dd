"""Output is the same with any --jobs and with a warm cache; the cache follows content and config."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from pdlint import batch

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
    from pdlint import cache

    digest = cache.content_digest(b"x = 1\n")
    before = cache.cache_key(digest, "python", ["PD101"], "cfg")
    monkeypatch.setattr(cache, "_code_signature", "edited-rule")
    assert cache.cache_key(digest, "python", ["PD101"], "cfg") != before


def _age(corpus: Path, seconds: float = 60) -> None:
    """Make every file look modified `seconds` ago (older than the racy window)."""
    import os
    import time

    for path in corpus.rglob("*"):
        if path.is_file():
            past = time.time() - seconds
            os.utime(path, (past, past))


def _counting_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    real = batch.read_bytes
    monkeypatch.setattr(batch, "read_bytes", lambda path: reads.append(path) or real(path))
    return reads


def test_unchanged_files_are_not_read_again(corpus, capsys, monkeypatch) -> None:
    _age(corpus)
    first = pdlint(capsys, corpus, "--format", "json")
    reads = _counting_reads(monkeypatch)
    warm = pdlint(capsys, corpus, "--format", "json")
    assert reads == [] and warm.out == first.out


def test_an_edit_that_keeps_the_size_is_seen(corpus, capsys, monkeypatch) -> None:
    import os

    target = corpus / "pkg0" / "same_size.py"
    target.write_text('token = "abcdefghijkl1"\n')
    _age(corpus, 120)
    assert [d["code"] for d in pdlint(capsys, corpus, "--format", "json", "pkg0/same_size.py").json()] == ["PD104"]
    target.write_text('x_val = "abcdefghijkl1"\n')  # same length, no secret
    stat = target.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns - 60 * 10**9))  # still "old", but not the recorded time
    assert pdlint(capsys, corpus, "--format", "json", "pkg0/same_size.py").json() == []


def test_files_modified_just_now_are_always_read(corpus, capsys, monkeypatch) -> None:
    import os
    import time
    import types

    from pdlint import cache

    modified = time.time()
    for path in corpus.rglob("*.*"):
        os.utime(path, (modified, modified))
    # the first run records the files one second after they were modified, however long the
    # machine really took (a stat recorded later than the racy window would be trusted)
    monkeypatch.setattr(cache, "time", types.SimpleNamespace(time=lambda: modified + 1))
    pdlint(capsys, corpus, "--format", "json")
    reads = _counting_reads(monkeypatch)
    pdlint(capsys, corpus, "--format", "json", "--jobs", "1")
    assert len(reads) == 60


def _cached_results(root: Path) -> dict:
    (cache_file,) = (root / ".pdlint_cache").glob("findings-*.json")
    return json.loads(cache_file.read_text())["results"]


def _waiting_for_lock(pids: set[int]) -> set[int]:
    """Which of `pids` wait for a whole-file lock (Linux's /proc/locks marks waiters with ->)."""
    with open("/proc/locks", encoding="ascii") as locks:
        return {int(line.split()[5]) for line in locks if " -> " in line} & pids


@pytest.mark.skipif(not Path("/proc/locks").exists() or sys.platform == "win32",
                    reason="needs Linux's /proc/locks to see both processes wait at once")
@pytest.mark.parametrize("split", [True, False], ids=["each-half", "both-whole-tree"])
def test_concurrent_runs_keep_every_entry(tmp_path: Path, split: bool) -> None:
    """pre-commit starts several pdlint processes at once over one tree, each with part of the
    files: each saves the cache merged with what the others saved, so nothing is lost.

    The test holds the cache's lock while both run, so both have read the (empty) cache and
    linted their files before either can save: the two saves are certain to overlap, whatever
    the machine's scheduling."""
    import fcntl
    import subprocess
    import time

    names = []
    for i in range(400):  # distinct contents: one cache entry each
        (tmp_path / f"step_{i:03}.py").write_text(TEMPLATES[i % 4].format(i=i + 1))
        names.append(f"step_{i:03}.py")
    halves = [names[:200], names[200:]] if split else [["."], ["."]]
    (tmp_path / ".pdlint_cache").mkdir()
    with open(tmp_path / ".pdlint_cache" / ".lock", "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "pdlint", "--jobs", "1", "--format", "json", *half],
                cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )
            for half in halves
        ]
        pids = {process.pid for process in processes}
        deadline = time.monotonic() + 600  # a bound on a hang, not a measurement
        while _waiting_for_lock(pids) != pids:  # both blocked on the lock: an event, not a duration
            finished = [p for p in processes if p.poll() is not None]
            assert not finished, finished[0].stderr.read().decode()
            assert time.monotonic() < deadline, f"/proc/locks never showed both {pids} waiting"
            time.sleep(0.05)
    for process in processes:
        _, err = process.communicate(timeout=600)
        assert process.returncode == 1, err
    results = _cached_results(tmp_path)
    assert len(results) == 400
    assert not list((tmp_path / ".pdlint_cache").glob(".findings-*"))  # no temporary file left


def test_a_save_merges_with_what_another_process_saved_meanwhile(tmp_path: Path) -> None:
    from pdlint.cache import Cache

    first, second = Cache(str(tmp_path)), Cache(str(tmp_path))  # both read the same (empty) cache
    first.put("a", [])
    second.put("b", [])
    first.save()
    second.save()
    assert set(_cached_results(tmp_path)) == {"a", "b"}
    assert set(Cache(str(tmp_path)).results) == {"a", "b"} == set(second.results)
