"""A copy of the project's model and data in a folder, and a fresh Python process run on it:
how the registry and region tests show that an addition made as rows alone works."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(folder: Path) -> Path:
    """simulator/ and data/ copied into ``folder`` (which is returned), without caches."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "simulator", folder / "simulator", ignore=ignore)
    shutil.copytree(ROOT / "data", folder / "data", ignore=ignore)
    return folder


def run_in(copy: Path, probe: str) -> subprocess.CompletedProcess[str]:
    """``probe`` (Python source) run by a fresh interpreter that imports the copy's code."""
    env = {**os.environ, "PYTHONPATH": str(copy)}
    return subprocess.run(
        [sys.executable, "-c", probe], cwd=copy, env=env, capture_output=True, text=True
    )
