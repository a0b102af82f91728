"""Builds a release in a temporary folder, then swaps it for ``out/`` in one step.

**What may be replaced.** ``out/`` must be missing, an empty folder, or an earlier handcar
release: a folder holding the marker file :data:`MARKER` (fixed content, written into every
release). Anything else is refused with :class:`~handcar.errors.UsageError` before anything is
written: a file, a path under a file, a folder of other things, the current folder or one of its
ancestors, and any folder given in ``protect`` (the articles), one that contains it or one
inside it. Paths are compared after resolving symlinks.

**The swap.** The new release is written next to ``out/`` (same file system), checked, and
exchanged with the old one by a single ``renameat2(RENAME_EXCHANGE)`` where the kernel offers
it (Linux), else by two renames (``out/`` is then missing for an instant, but never
half-written). If anything fails before the swap — a write error, the check, an exception,
Ctrl-C — ``out/`` is untouched and the staging folder is removed; an operating-system error
becomes :class:`~handcar.errors.IOFailure` (exit 3).

**A rejected release** (the check raises :class:`Rejected`) is kept for inspection as
``.out.rejected/`` next to ``out/``, replacing only an earlier folder of that name that carries
the marker; the exception's :attr:`Rejected.kept` says where it went.

**Leftovers.** A build that is killed outright (SIGKILL, power cut) can leave a staging folder
``.out.new-*`` behind; the next release removes it if it carries the marker (written first into
every staging folder) or is empty, and leaves anything else alone. Releases into the same folder
take an exclusive lock, so two builds never swap at once and a leftover is never another build's
work in progress; the lock is an ``flock`` on the folder that holds ``out/``, so there is no lock
file. The new folder gets the usual permissions (``0777 & ~umask``), not ``mkdtemp``'s ``0700``.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import glob
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from handcar.errors import IOFailure, UsageError
from handcar.publish.spool import Payload, Spooled

RENAME_EXCHANGE = 2
AT_FDCWD = -100

MARKER = "handcar-release.txt"
"""The file that makes a folder a handcar release, which ``handcar build`` may replace."""
MARKER_SIGNATURE = b"handcar release\n"
MARKER_BYTES = MARKER_SIGNATURE + (
    b"\n"
    b"This folder was written by `handcar build`. handcar replaces a folder given as --out\n"
    b"only when it holds this file (or is empty or missing); do not copy this file into a\n"
    b"folder of your own.\n"
)
"""The marker's fixed content; a folder is recognised by the first line alone."""


class Rejected(Exception):
    """Raised by a release check that refuses the staged release; it is kept, not published."""

    kept: Path | None = None
    """Where the staged release was kept (None: it could not be kept)."""

    def moved(self, staging: Path, kept: Path) -> None:
        """Called once the staged release has moved from ``staging`` to ``kept``."""
        self.kept = kept


def is_release(folder: Path) -> bool:
    """True when ``folder`` holds the marker (a regular file starting with its signature)."""
    marker = folder / MARKER
    try:
        if marker.is_symlink() or not marker.is_file():
            return False
        with open(marker, "rb") as handle:
            return handle.read(len(MARKER_SIGNATURE)) == MARKER_SIGNATURE
    except OSError:
        return False


def rejected_folder(out: Path) -> Path:
    """Where a rejected release for ``out`` is kept: ``.out.rejected`` next to it."""
    return out.parent / f".{out.name}.rejected"


def check_target(out: Path, protect: Sequence[Path] = ()) -> Path:
    """``out`` resolved, if a release may replace it; else :class:`UsageError` saying why."""
    given = out
    try:
        out = out.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise UsageError(f"--out {given}: cannot be resolved ({exc}); give a folder path") from None
    shown = f"--out {given}" + (f" ({out})" if str(given) != str(out) else "")
    cwd = Path.cwd().resolve()
    if out == cwd:
        raise UsageError(
            f"{shown}: is the current folder, and a release replaces the whole "
            "folder; give a folder of its own, such as --out out"
        )
    if cwd.is_relative_to(out):
        raise UsageError(
            f"{shown}: contains the current folder, and a release replaces the "
            "whole folder; give a folder of its own, such as --out out"
        )
    for kept in protect:
        kept_real = kept.resolve()
        if out == kept_real or kept_real.is_relative_to(out):
            raise UsageError(
                f"{shown}: {'is' if out == kept_real else 'contains'} the articles "
                f"folder ({kept}), which the release would replace; give a folder "
                "outside it, such as --out out"
            )
        if out.is_relative_to(kept_real):
            raise UsageError(
                f"{shown}: is inside the articles folder ({kept}); give a folder "
                "outside it, such as --out out"
            )
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(
                    f"{shown}: {parent} is a file, so there can be no folder under "
                    "it; give a folder path"
                )
            break
    if out.exists() and not out.is_dir():
        raise UsageError(
            f"{shown}: is a file, not a folder; give a new or empty folder, or "
            "the folder of an earlier release"
        )
    if out.is_dir() and not is_release(out) and _has_entries(out):
        raise UsageError(
            f"{shown}: a folder that is neither empty nor an earlier handcar "
            f"release (it has no {MARKER}), and handcar replaces only its own releases; "
            "give a new or empty folder, or remove this one yourself"
        )
    return out


def _has_entries(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(True for _ in entries)
    except OSError as exc:
        raise IOFailure(folder, exc) from exc


def write_tree(folder: Path, files: Mapping[str, Payload]) -> None:
    """Write ``files`` (relative path → content) under ``folder``: each folder once, then the
    files in path order. (Several threads writing gained nothing here: creating files in one
    folder is serial in the file system.)"""
    targets = []
    for name, data in sorted(files.items()):
        relative = Path(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"release path escapes the release folder: {name!r}")
        targets.append((folder / relative, data))
    for parent in sorted({path.parent for path, _ in targets}):
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IOFailure(exc.filename or parent, exc) from exc
    for path, data in targets:
        _write_file(path, data)


def _write(path: Path, data: Payload) -> None:
    """Write one file, making its folder; an OS failure names the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IOFailure(exc.filename or path, exc) from exc
    _write_file(path, data)


def _write_file(path: Path, data: Payload) -> None:
    """Write one file into an existing folder; an OS failure names the file (a failed
    ``write`` does not)."""
    try:
        if isinstance(data, Spooled):
            with open(path, "wb") as handle:
                data.copy_to(handle)
        else:
            path.write_bytes(data)
    except OSError as exc:
        raise IOFailure(exc.filename or path, exc) from exc


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold an exclusive ``flock`` on the folder that contains ``out`` (no lock file needed)."""
    fd = os.open(out.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _marked(folder: Path) -> bool:
    """A real folder (not a symlink) that carries the marker."""
    return not folder.is_symlink() and folder.is_dir() and is_release(folder)


def _ours(folder: Path) -> bool:
    """A real folder that handcar made: it carries the marker or is empty."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    return is_release(folder) or not _has_entries(folder)


def _remove_leftovers(out: Path) -> None:
    for stale in out.parent.glob(f".{glob.escape(out.name)}.new-*"):
        if _ours(stale):
            shutil.rmtree(stale, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def release(
    out: Path,
    files: Mapping[str, Payload],
    check: Callable[[Path], None],
    *,
    protect: Sequence[Path] = (),
) -> None:
    """Write ``files`` (plus the marker) to a fresh folder, run ``check`` on it, then make it
    ``out``. Raises :class:`UsageError` for an ``out`` that may not be replaced,
    :class:`IOFailure` when the system fails a write, and whatever ``check`` raises."""
    out = check_target(out, protect)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _locked(out):
            out = check_target(out, protect)  # again, now that no other build can change it
            _remove_leftovers(out)
            _stage_and_swap(out, {**files, MARKER: MARKER_BYTES}, check)
    except IOFailure:
        raise
    except OSError as exc:
        raise IOFailure(exc.filename or out, exc) from exc


def _stage_and_swap(
    out: Path, files: Mapping[str, Payload], check: Callable[[Path], None]
) -> None:
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        os.chmod(staging, 0o777 & ~_umask())
        _write(staging / MARKER, MARKER_BYTES)  # first: a leftover is recognisably ours
        write_tree(staging, files)
        try:
            check(staging)
        except Rejected as exc:
            kept = _keep_rejected(staging, out)
            if kept is not None:
                exc.moved(staging, kept)
            raise
        _swap(staging, out)
        _remove_rejected(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _keep_rejected(staging: Path, out: Path) -> Path | None:
    """Move the rejected ``staging`` to ``.out.rejected`` (None if that is not possible)."""
    target = rejected_folder(out)
    try:
        if target.exists() or target.is_symlink():
            if not _marked(target):
                return None  # not handcar's: leave it alone
            shutil.rmtree(target)
        os.rename(staging, target)
    except OSError:
        return None
    return target


def _remove_rejected(out: Path) -> None:
    """After a successful release, an earlier rejected one is out of date."""
    target = rejected_folder(out)
    if _marked(target):
        shutil.rmtree(target, ignore_errors=True)


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
    try:
        os.rename(new, out)
    except BaseException:
        os.rename(old, out)  # put the old release back
        raise
    os.rename(old, new)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0
