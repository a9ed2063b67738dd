"""Programs this distribution installs, found the way an unactivated venv has them."""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

import pytest


def console_script(name: str) -> str:
    """The console script `name` installed for the running interpreter: beside `sys.executable`
    (a venv's bin/ or Scripts/) or in its scheme's scripts directory. PATH is not consulted, so
    `.venv/bin/python -m pytest` works without activating the venv."""
    directories = [str(Path(sys.executable).parent), sysconfig.get_path("scripts")]
    found = shutil.which(name, path=os.pathsep.join(directories))
    if found is None:
        pytest.skip(f"the {name!r} console script is not installed for {sys.executable}")
    return found
