"""Smoke test of an installed wheel, run by `.ci/run` with the Python of a fresh virtualenv, in a
scratch directory outside the checkout holding a copy of `examples/`. Uses the standard library
and the installed distribution only; exits non-zero with a message at the first failed check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PDLINT = str(BIN / ("pdlint.exe" if os.name == "nt" else "pdlint"))
SECTIONS = ("## What it does", "## Why is this bad", "## Example", "## Use instead", "## Fix safety")


def run(*argv: str, status: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=600)
    if status is not None and result.returncode != status:
        fail(f"{' '.join(argv)}: exit {result.returncode}, expected {status}\n"
             f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def fail(message: str) -> None:
    sys.exit(f"smoke test failed: {message}")


def check(condition: bool, message: str) -> None:
    if not condition:
        fail(message)
    print(f"ok: {message}")


def main() -> None:
    here = Path.cwd()
    check(not here.is_relative_to(CHECKOUT), f"running outside the checkout ({here})")
    check((here / "examples" / "lint").is_dir(), "a copy of examples/ is here")
    for module in ("pdlint", "pytest_pdhttp"):
        where = run(sys.executable, "-c", f"import {module}; print({module}.__file__)").stdout.strip()
        check(Path(where).is_relative_to(sys.prefix), f"{module} is imported from the wheel ({where})")
    versions = run(sys.executable, "-c", "import pdlint, pytest_pdhttp; print(pdlint.__version__, pytest_pdhttp.__version__)")
    version = run(PDLINT, "--version").stdout.split()[-1]
    check(versions.stdout.split() == [version, version], f"both packages are version {version}")

    # the whole page of a rule, from the package
    page = run(PDLINT, "explain", "PD102").stdout
    expected = (CHECKOUT / "docs" / "rules" / "PD102.md").read_text(encoding="utf-8")
    check(page == expected, "`pdlint explain PD102` prints the whole page (as docs/rules/PD102.md)")
    check(all(section in page for section in SECTIONS), "the page has every section")

    # the examples: findings shown, exit status as documented
    shown = run(PDLINT, "examples/", status=1)
    check("examples/lint/" in shown.stdout and "Found" in shown.stdout, "pdlint examples/ reports the planted findings, exit 1")
    run(PDLINT, "--exit-zero", "examples/", status=0)
    check(True, "pdlint --exit-zero examples/ exits 0")
    sarif = json.loads(run(PDLINT, "--format", "sarif", "examples/", status=1).stdout)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    check(len(rules) > 16 and all(r["help"]["text"].startswith(f"# {r['id']} ") and "## Fix safety" in r["help"]["text"] for r in rules),
          f"SARIF carries every rule's page as help ({len(rules)} rules)")

    # a lint.py of the user's in the working directory changes nothing
    (here / "lint.py").write_text('raise SystemExit("the user\'s lint.py was imported")\n')
    try:
        again = run(PDLINT, "examples/", status=1)
        as_module = run(sys.executable, "-m", "pdlint", "examples/", status=1)
        check(again.stdout == as_module.stdout == shown.stdout, "a lint.py in the working directory changes nothing")
        tested = run(sys.executable, "-m", "pytest", "--pdlint", "-m", "pdlint", "-p", "no:cacheprovider",
                     "-q", "examples/lint", status=1)
        check("INTERNALERROR" not in tested.stdout and " failed" in tested.stdout,
              "pytest --pdlint runs with a lint.py in the working directory")
    finally:
        (here / "lint.py").unlink()

    # the example steps' tests, with the plugin loaded from the wheel
    tests = run(sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-W", "error", "examples/tests")
    summary = tests.stdout.strip().splitlines()[-1]
    check(" passed" in summary and "failed" not in summary, f"the example steps' tests pass: {summary}")
    check(f"pdhttp-{version}" in tests.stdout, "pytest loaded the plugin from the wheel (plugins: pdhttp)")
    print("smoke test passed")


if __name__ == "__main__":
    main()
