"""`pdlint server` in real editors, each configured with the snippets docs/editors.md gives
(read from the page, so the page is what is tested), driven headless as a user would use them.
A test runs only where its editor is installed: `nvim` on PATH (more Neovims can be named in
PDLINT_TEST_NVIM, separated like PATH), `emacs` with eglot."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed")

from .editor import cli_fixed  # noqa: E402

DOC = Path(__file__).parents[3] / "docs" / "editors.md"
DRIVERS = Path(__file__).parent / "editors"
PATIENCE = 240  # seconds for a whole editor session: a hung editor fails, a slow one does not

# A non-BMP character before a finding: its columns differ in UTF-8, UTF-16 and characters.
STEP = '''\
import json

import requests


def handler(pd: "pipedream"):
    label = "😀"; r = requests.post("https://api.example.com/items", data=json.dumps({"a": 1}), timeout=10)
    r.raise_for_status()
    return requests.get("https://api.example.com/items").json()
'''
STEP_DIAGNOSTICS = [
    ("PD103", 6, 'data=json.dumps({"a": 1})'),
    ("PD102", 8, 'requests.get("https://api.example.com/items")'),
    ("PD105", 8, 'requests.get("https://api.example.com/items")'),
]
GUIDE = '''\
# Items 😀

> ```python
> import requests
> r = requests.get("https://x.example")
> r.raise_for_status()
> ```
'''


def doc_block(language: str, containing: str) -> str:
    """The one fenced block of docs/editors.md in `language` that contains `containing`."""
    found = [
        match.group(1)
        for match in re.finditer(rf"^```{language}\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.M | re.S)
        if containing in match.group(1)
    ]
    assert len(found) == 1, f"{len(found)} {language} blocks of {DOC.name} contain {containing!r}"
    return found[0]


def editor_env(tmp_path: Path) -> dict[str, str]:
    """This environment's `pdlint` first on PATH; no user configuration of any editor."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    bin_dir = os.path.dirname(sys.executable)
    return {
        **os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"), "XDG_CACHE_HOME": str(home / ".cache"),
    }


def project(tmp_path: Path, name: str, text: str) -> Path:
    root = tmp_path / "project"
    root.mkdir(exist_ok=True)
    (root / "pyproject.toml").write_text("[tool.pdlint]\n", encoding="utf-8")
    path = root / name
    path.write_text(text, encoding="utf-8")
    return path


def facts(output: str, kind: str) -> list[str]:
    return [line[len(kind) + 1:] for line in output.splitlines() if line.startswith(kind + " ")]


def diagnostics(output: str) -> list[tuple[str, int, str]]:
    found = []
    for line in facts(output, "diagnostic"):
        source, code, number, text = line.split(" ", 3)
        assert source == "pdlint", line
        found.append((code, int(number), text))
    return found


# --- Neovim ---------------------------------------------------------------------------------

def version_of(nvim: str) -> tuple[int, int]:
    first = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=60).stdout.split("\n", 1)[0]
    match = re.search(r"v(\d+)\.(\d+)", first)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


@functools.lru_cache(maxsize=None)
def neovims() -> list[tuple[str, tuple[int, int]]]:
    named = [shutil.which("nvim") or "", *os.environ.get("PDLINT_TEST_NVIM", "").split(os.pathsep)]
    return [(nvim, version_of(nvim)) for nvim in dict.fromkeys(filter(None, named))]


# Each snippet of the page, by what it contains, and the Neovim versions it is given for.
NEOVIM_SNIPPETS = {
    "0.11": ('vim.lsp.config("pdlint"', lambda v: v >= (0, 11)),
    "0.10": ("vim.lsp.start({", lambda v: v >= (0, 10)),
    "0.7": ("vim.lsp.start_client({", lambda v: (0, 7) <= v < (0, 10)),
}


def run_nvim(nvim: str, snippet: str, path: Path, tmp_path: Path, **env: str) -> str:
    init = tmp_path / "init.lua"
    init.write_text(doc_block("lua", snippet) + "\n" + doc_block("lua", '"source.fixAll.pdlint"'), encoding="utf-8")
    result = subprocess.run(
        [nvim, "--headless", "--clean", "-u", str(init), "-c", f"luafile {DRIVERS / 'drive.lua'}"],
        cwd=path.parent, env={**editor_env(tmp_path), "PDLINT_FILE": path.name, **env},
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=PATIENCE,
    )
    return result.stdout + result.stderr


@pytest.mark.parametrize("snippet", list(NEOVIM_SNIPPETS))
def test_neovim_step(snippet: str, tmp_path: Path) -> None:
    """Diagnostics and their ranges, hover, "Fix PD103" and "Disable PD105" picked from
    vim.lsp.buf.code_action() at the start of the line, fix-all on :write."""
    marker, applies = NEOVIM_SNIPPETS[snippet]
    chosen = [nvim for nvim, version in neovims() if applies(version)]
    if not chosen:
        pytest.skip(f"no Neovim for the snippet for Neovim {snippet} (nvim on PATH or in PDLINT_TEST_NVIM)")
    for nvim in chosen:
        path = project(tmp_path, "step.py", STEP)
        expected = path.with_name("expected.py")
        expected.write_text(STEP.replace(".json()\n", ".json()  # noqa: PD105\n"), encoding="utf-8")
        output = run_nvim(nvim, marker, path, tmp_path, PDLINT_FIX="PD103", PDLINT_DISABLE="PD105")
        assert facts(output, "published") == ["true"], output
        assert diagnostics(output) == STEP_DIAGNOSTICS, output
        assert facts(output, "hover") == ["**PD103** `data-instead-of-json`"], output
        assert facts(output, "picked") == ["Fix PD103 true", "Disable PD105 true"], output
        assert facts(output, "modified after write") == ["false"], output
        assert path.read_text(encoding="utf-8") == cli_fixed(expected), output


def test_neovim_markdown(tmp_path: Path) -> None:
    """A fence in a blockquote: the range after a non-BMP character, the noqa inside the quote."""
    chosen = [(nvim, version) for nvim, version in neovims() if version >= (0, 7)]
    if not chosen:
        pytest.skip("no Neovim 0.7 or later (nvim on PATH or in PDLINT_TEST_NVIM)")
    for nvim, version in chosen:
        snippet = next(marker for marker, applies in NEOVIM_SNIPPETS.values() if applies(version))
        path = project(tmp_path, "guide.md", GUIDE)
        output = run_nvim(nvim, snippet, path, tmp_path, PDLINT_DISABLE="PD105")
        assert diagnostics(output) == [("PD105", 4, 'requests.get("https://x.example")')], output
        assert facts(output, "picked") == ["Disable PD105 true"], output
        assert path.read_text(encoding="utf-8") == GUIDE.replace('x.example")\n', 'x.example")  # noqa: PD105\n')


# --- Emacs (eglot) --------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def emacs_with(*features: str) -> str | None:
    emacs = shutil.which("emacs")
    if emacs is None:
        return None
    load = " ".join(f"(require '{feature})" for feature in features)
    found = subprocess.run([emacs, "--batch", "--eval", f"(progn (package-initialize) {load})"],
                           capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    return emacs if found.returncode == 0 else None


def run_emacs(emacs: str, path: Path, tmp_path: Path, **env: str) -> str:
    config = tmp_path / "pdlint-eglot.el"
    config.write_text(
        "(package-initialize)\n" + doc_block("elisp", "eglot-server-programs") + doc_block("elisp", "pdlint-fix-all"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [emacs, "--batch", "-l", str(config), "-l", str(DRIVERS / "drive.el")],
        cwd=path.parent, env={**editor_env(tmp_path), "PDLINT_FILE": path.name, **env},
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=PATIENCE,
    )
    return result.stdout + result.stderr


def test_emacs_eglot_step(tmp_path: Path) -> None:
    emacs = emacs_with("eglot")
    if emacs is None:
        pytest.skip("needs emacs with eglot")
    path = project(tmp_path, "step.py", STEP)
    expected = path.with_name("expected.py")
    expected.write_text(STEP.replace(".json()\n", ".json()  # noqa: PD105\n"), encoding="utf-8")
    output = run_emacs(emacs, path, tmp_path, PDLINT_FIX="PD103", PDLINT_DISABLE="PD105", PDLINT_FIXALL="1")
    assert facts(output, "published") == ["t"], output
    assert sorted(diagnostics(output), key=lambda d: (d[1], d[0])) == sorted(STEP_DIAGNOSTICS, key=lambda d: (d[1], d[0]))
    assert facts(output, "hover") == ["**PD103** `data-instead-of-json`"], output
    assert facts(output, "picked") == ["Fix PD103 t", "Disable PD105 t"], output
    assert facts(output, "fixed all") == ["nil"], output  # nothing safe left: no action, no error
    assert path.read_text(encoding="utf-8") == cli_fixed(expected), output


def test_emacs_eglot_fix_all_and_markdown(tmp_path: Path) -> None:
    emacs = emacs_with("eglot", "markdown-mode")
    if emacs is None:
        pytest.skip("needs emacs with eglot and markdown-mode")
    step = project(tmp_path, "step.py", STEP)
    expected = cli_fixed(step)
    output = run_emacs(emacs, step, tmp_path, PDLINT_FIXALL="1")
    assert facts(output, "fixed all") == ["t"], output
    assert step.read_text(encoding="utf-8") == expected, output
    guide = project(tmp_path, "guide.md", GUIDE)
    output = run_emacs(emacs, guide, tmp_path, PDLINT_DISABLE="PD105")
    assert diagnostics(output) == [("PD105", 4, 'requests.get("https://x.example")')], output
    assert facts(output, "picked") == ["Disable PD105 t"], output
    assert guide.read_text(encoding="utf-8") == GUIDE.replace('x.example")\n', 'x.example")  # noqa: PD105\n')
