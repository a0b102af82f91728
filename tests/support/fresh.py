"""Run a small program in a fresh interpreter (nothing imported before it), for tests of what
importing or running handcar brings in."""

from __future__ import annotations

import subprocess
import sys


def printed_by(program: str) -> str:
    """What ``program`` prints, stripped, run by this Python in a new process."""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout.strip()
