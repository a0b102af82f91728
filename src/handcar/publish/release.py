"""Builds a release in a temporary folder, then swaps it for ``out/`` in one step.

The new release is written next to ``out/`` (same file system), checked, and exchanged with
the old one by a single ``renameat2(RENAME_EXCHANGE)`` where the kernel offers it (Linux),
else by two renames (``out/`` is then missing for an instant, but never half-written). If
anything fails before the swap — a write error, the check, an exception, Ctrl-C — ``out/`` is
untouched, and the staging folder is removed.

A build that is killed outright (SIGKILL, power cut) can leave a staging folder
``.out.new-*`` behind; the next release removes it. Releases into the same folder take an
exclusive lock, so two builds never swap at once and a
leftover is never another build's work in progress; the lock is an ``flock`` on the folder
that holds ``out/``, so there is no lock file. The new folder gets the usual permissions
(``0777 & ~umask``), not ``mkdtemp``'s private ``0700``.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

RENAME_EXCHANGE = 2
AT_FDCWD = -100


def write_tree(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` (relative path → bytes) under ``folder``."""
    for name, data in sorted(files.items()):
        relative = Path(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"release path escapes the release folder: {name!r}")
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on the folder that contains ``out`` (no lock file needed)."""
    fd = os.open(out.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _remove_leftovers(out: Path) -> None:
    for stale in out.parent.glob(f".{out.name}.new-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def release(out: Path, files: dict[str, bytes], check: Callable[[Path], None]) -> None:
    """Write ``files`` to a fresh folder, run ``check`` on it, then make it ``out``."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        _remove_leftovers(out)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        try:
            os.chmod(staging, 0o777 & ~_umask())
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
