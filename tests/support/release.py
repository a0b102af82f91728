"""A release of the seed, built once per test session with the real command
(``python -m handcar build --out DIR``), for tests that query or load ``out/``.

``HANDCAR_TEST_RELEASE=DIR`` uses an existing release folder instead (for example ``out``, to
check the committed release against the stores); it is never written to.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from handcar.query import RELEASE_FILE

REPO_ROOT = Path(__file__).resolve().parents[2]
RELEASE_ENV = "HANDCAR_TEST_RELEASE"


@functools.cache
def built_release() -> Path:
    """The release folder (built on first use, removed when the session ends)."""
    given = os.environ.get(RELEASE_ENV)
    if given:
        folder = Path(given)
        if not (folder / RELEASE_FILE).is_file():
            raise FileNotFoundError(f"{RELEASE_ENV}={given}: no {RELEASE_FILE} there")
        return folder
    root = Path(tempfile.mkdtemp(prefix="handcar-release-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    folder = root / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "handcar", "build", "--out", str(folder), "--quiet"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"handcar build failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    return folder
