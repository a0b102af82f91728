"""Builds a release in a temporary folder, then swaps it for ``out/`` in one step.

The new release is written next to ``out/`` (same file system), checked, and exchanged with
the old one by a single ``renameat2(RENAME_EXCHANGE)`` where the kernel offers it (Linux),
else by two renames. If anything fails before the swap, ``out/`` is untouched.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100


def write_tree(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative path → bytes) under ``folder``."""
    for name, data in sorted(files.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def release(out: Path, files: dict[str, bytes], check: Callable[[Path], None]) -> None:
    """Write ``files`` to a fresh folder, run ``check`` on it, then make it ``out``."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        write_tree(staging, files)
        check(staging)
        _swap(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, out: Path) -> None:
    """Make ``new`` be ``out``; afterwards ``new`` holds the old release (or nothing)."""
    if not out.exists():
        os.rename(new, out)
        new.mkdir()
        return
    if _exchange(new, out):
        return
    old = new.with_name(new.name + ".old")
    os.rename(out, old)
    os.rename(new, out)
    os.rename(old, new)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0
