"""Release files too large to hold in memory all at once: written once to an anonymous
temporary file, with their size and SHA-256 taken on the way.

The release (:func:`handcar.publish.site.release_files`) is ``{path: bytes | Spooled}``: the
line formats (N-Triples, N-Quads) stream their lines here instead of joining them into one
string and then one bytes object, and the site's pages (a few hundred bytes to kilobytes each,
but as many as the data has IRIs) are added to a shared :class:`Spool` as they are rendered, so
the build never holds a second copy of the release in memory. A :class:`Spooled` file is a
stretch of one temporary file: a length (its size), a SHA-256, its chunks for writing and
comparing, and its bytes on demand (:func:`payload_bytes`, for tests). The temporary files have
no name (``tempfile.TemporaryFile``), so nothing is left behind whatever happens to the process.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from handcar.errors import IOFailure

CHUNK = 1 << 20


class Spool:
    """One anonymous temporary file that holds many files, one after another. Written by one
    process at a time: a forked worker may add to a spool its parent made (the file is shared,
    the parent's record of its end is not: the parent takes the files back with :meth:`at`)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the object)
        self._end = 0

    def add(self, chunks: Iterable[bytes], name: str = "") -> Spooled:
        """Append ``chunks`` as one file; a failed write (disk full, file too large) is an
        :class:`~handcar.errors.IOFailure` naming the temporary folder and ``name``, the
        release file being spooled."""
        digest = hashlib.sha256()
        start = self._end
        fd = self._file.fileno()
        try:
            for chunk in chunks:
                view = memoryview(chunk)
                while view:
                    written = os.pwrite(fd, view, self._end)
                    view = view[written:]
                    self._end += written
                digest.update(chunk)
        except OSError as exc:
            where = Path(tempfile.gettempdir()) / f"(temporary copy of {name or 'a release file'})"
            raise IOFailure(where, exc) from exc
        return Spooled(self, start, self._end - start, digest.hexdigest())

    def at(self, start: int, size: int, sha256: str) -> Spooled:
        """The file of ``size`` bytes at ``start`` (written by a worker, which reported where)."""
        self._end = max(self._end, start + size)
        return Spooled(self, start, size, sha256)

    def read(self, start: int, size: int) -> bytes:
        return os.pread(self._file.fileno(), size, start)

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True, eq=False)
class Spooled:
    """The bytes of one file, kept on disk: ``size`` bytes at ``start`` in ``spool``."""

    spool: Spool
    start: int
    size: int
    sha256: str

    def __len__(self) -> int:
        return self.size

    def chunks(self) -> Iterator[bytes]:
        """The bytes, from the start, in chunks of at most :data:`CHUNK` bytes."""
        done = 0
        while done < self.size:
            chunk = self.spool.read(self.start + done, min(CHUNK, self.size - done))
            if not chunk:  # pragma: no cover - the file is never truncated
                raise OSError(f"spooled file ended after {done} of {self.size} bytes")
            done += len(chunk)
            yield chunk

    def copy_to(self, handle: BinaryIO) -> None:
        for chunk in self.chunks():
            handle.write(chunk)

    def __bytes__(self) -> bytes:
        return b"".join(self.chunks())


Payload = bytes | Spooled
"""A release file's content."""


def sha256_hex(payload: Payload) -> str:
    """The SHA-256 (hex) of a release file's content."""
    if isinstance(payload, Spooled):
        return payload.sha256
    return hashlib.sha256(payload).hexdigest()


def payload_bytes(payload: Payload) -> bytes:
    """The content as one bytes object."""
    return payload if isinstance(payload, bytes) else bytes(payload)


def same_as_file(payload: Payload, path: str) -> bool:
    """True if the file at ``path`` holds exactly ``payload`` (compared chunk by chunk)."""
    with open(path, "rb") as handle:
        if isinstance(payload, bytes):
            return handle.read(len(payload) + 1) == payload
        for chunk in payload.chunks():
            if handle.read(len(chunk)) != chunk:
                return False
        return handle.read(1) == b""
