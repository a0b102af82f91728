"""Writing one file safely: the new bytes go aside in the same folder and replace the old in one
step (``os.replace``), so a reader, a crash or a full disk sees the old file or the new, never a
part. Failures raise :class:`~handcar.errors.IOFailure` (exit 3); the aside file is removed."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from handcar.errors import IOFailure


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text is UTF-8) to ``path`` through a temporary file beside it.

    A symlink is followed (its target is replaced, the link kept). Special files
    (``/dev/stdout``, ``/dev/null``, a FIFO) cannot be replaced; they are written in place."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = Path(os.path.realpath(path))  # through a symlink to its file: the link stays
    try:
        if path.exists() and not path.is_file():
            with path.open("wb") as handle:
                handle.write(data)
            return
        tmp = _aside(path, data, path.stat().st_mode & 0o7777 if path.exists() else None)
    except OSError as exc:
        raise IOFailure(path, exc) from None
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise IOFailure(path, exc) from None


def create_atomically(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text is UTF-8) to ``path``, which must not exist: through a temporary
    file beside it, linked to ``path`` in one step that fails if anything is there (raises
    ``FileExistsError``); nothing is ever replaced."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        tmp = _aside(path, data)
    except OSError as exc:
        raise IOFailure(path, exc) from None
    try:
        os.link(tmp, path)  # FileExistsError if anything is at path: it stays as it was
    except FileExistsError:
        raise
    except OSError as exc:
        raise IOFailure(path, exc) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _aside(path: Path, data: bytes, mode: int | None = None) -> str:
    """A temporary file beside ``path`` holding ``data``, on disk, with ``mode`` (default: a
    new file's under the umask); removed again if writing it fails."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.",
                               suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def write_to_cache(path: Path, content: str | bytes) -> None:
    """Keep ``content`` at ``path`` in the cache folder, atomically, making the folder if needed;
    best effort: an unwritable cache only costs time, so a failure is ignored."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, content)  # a concurrent run reads a whole entry or none
    except OSError:
        pass
