"""Two generated test suites for the same steps: one with pytest_pdhttp's fixtures, one bare.

Each step GETs a mocked URL, writes a JSON file to /tmp and exports its path. The `pd` suite uses
`pd`, `pd_tmp` and `pd_http`; the bare suite does the same with `responses.RequestsMock`,
`tmp_path` and `monkeypatch` (the step's /tmp directory is a module constant it patches) and loads
the step file through importlib as `pd.run` does. An `empty` suite with one trivial test measures
pytest's fixed start-up cost with and without the plugin.
"""

from __future__ import annotations

from pathlib import Path

TESTS_PER_FILE = 10

_INI = "[pytest]\n"  # its own rootdir: no addopts or conftest from the project

_STEP = '''"""Benchmark step {n}: fetch an item, save it to /tmp, export the path."""

import json
import os

import requests

TMP_DIR = "/tmp"
URL = "https://api.example.com/v1/items{n}"


def handler(pd: "pipedream"):
    item_id = pd.steps["trigger"]["event"]["id"]
    response = requests.get(f"{{URL}}/{{item_id}}", timeout=10)
    response.raise_for_status()
    item = response.json()
    path = os.path.join(TMP_DIR, f"item_{{item_id}}.json")
    with open(path, "w") as handle:
        json.dump(item, handle)
    pd.export("path", path)
    return item["name"]
'''

_PD_HEAD = '''import json

STEP = "steps/step_{n:03d}.py"
URL = "https://api.example.com/v1/items{n}"
'''

_PD_TEST = '''

def test_step_{n:03d}_{k:02d}(pd, pd_tmp, pd_http):
    pd_http.get(f"{{URL}}/{k}", json={{"name": "item-{k}", "n": {n}}})

    result = pd.run(STEP, event={{"id": {k}}})

    assert result.return_value == "item-{k}"
    assert result.exports == {{"path": "/tmp/item_{k}.json"}}
    assert json.loads((pd_tmp / "item_{k}.json").read_text()) == {{"name": "item-{k}", "n": {n}}}
'''

_BARE_HEAD = '''import importlib.util
import itertools
import json
from pathlib import Path

import responses

STEP = Path(__file__).parent / "steps" / "step_{n:03d}.py"
URL = "https://api.example.com/v1/items{n}"
_serial = itertools.count()


class FakePd:
    def __init__(self, event):
        self.steps = {{"trigger": {{"event": event}}}}
        self.exports = {{}}

    def export(self, name, value):
        self.exports[name] = value


def run_step(monkeypatch, tmp_path, event):
    spec = importlib.util.spec_from_file_location(f"bare_step_{n:03d}_{{next(_serial)}}", STEP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "TMP_DIR", str(tmp_path))
    pd = FakePd(event)
    return pd, module.handler(pd)
'''

_BARE_TEST = '''

def test_step_{n:03d}_{k:02d}(tmp_path, monkeypatch):
    with responses.RequestsMock() as mock:
        mock.get(f"{{URL}}/{k}", json={{"name": "item-{k}", "n": {n}}})
        pd, value = run_step(monkeypatch, tmp_path, {{"id": {k}}})

    assert value == "item-{k}"
    assert pd.exports == {{"path": str(tmp_path / "item_{k}.json")}}
    assert json.loads((tmp_path / "item_{k}.json").read_text()) == {{"name": "item-{k}", "n": {n}}}
'''


def write_suites(directory: Path, tests: int) -> dict[str, Path]:
    """Write the `pd`, `bare` and `empty` suites under `directory`; return their roots."""
    roots = {name: directory / name for name in ("pd", "bare", "empty")}
    for root in roots.values():
        (root / "steps").mkdir(parents=True, exist_ok=True)
        (root / "pytest.ini").write_text(_INI, encoding="utf-8")
    files = (tests + TESTS_PER_FILE - 1) // TESTS_PER_FILE
    left = tests
    for n in range(files):
        count = min(TESTS_PER_FILE, left)
        left -= count
        for name, head, test in (("pd", _PD_HEAD, _PD_TEST), ("bare", _BARE_HEAD, _BARE_TEST)):
            (roots[name] / "steps" / f"step_{n:03d}.py").write_text(_STEP.format(n=n), encoding="utf-8")
            text = head.format(n=n) + "".join(test.format(n=n, k=k) for k in range(count))
            (roots[name] / f"test_step_{n:03d}.py").write_text(text, encoding="utf-8")
    (roots["empty"] / "test_nothing.py").write_text("def test_nothing():\n    pass\n", encoding="utf-8")
    return roots
