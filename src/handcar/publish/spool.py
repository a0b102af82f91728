"""Release files too large to hold twice: written once, chunk by chunk, to an anonymous
temporary file, with their size and SHA-256 taken on the way.

The release (:func:`handcar.publish.site.release_files`) is ``{path: bytes | Spooled}``: the
line formats (N-Triples, N-Quads) stream their lines here instead of joining them into one
string and then one bytes object, so the build never holds a second full serialisation of the
dataset in memory. A :class:`Spooled` file has a length (its size), a SHA-256, its chunks for
writing and comparing, and its bytes on demand (:func:`payload_bytes`, for tests). The
temporary file has no name (``tempfile.TemporaryFile``), so nothing is left behind whatever
happens to the process.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from handcar.errors import IOFailure

CHUNK = 1 << 20


class Spooled:
    """The bytes of one file, kept on disk."""

    def __init__(self, chunks: Iterable[bytes], name: str = "") -> None:
        """Spool ``chunks``; a failed write (disk full, file too large) is an
        :class:`~handcar.errors.IOFailure` naming the temporary folder and ``name``, the
        release file being spooled."""
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the object)
        digest = hashlib.sha256()
        size = 0
        try:
            for chunk in chunks:
                self._file.write(chunk)
                digest.update(chunk)
                size += len(chunk)
            self._file.flush()
        except OSError as exc:
            self._file.close()
            where = Path(tempfile.gettempdir()) / f"(temporary copy of {name or 'a release file'})"
            raise IOFailure(where, exc) from exc
        self._size, self.sha256 = size, digest.hexdigest()

    def __len__(self) -> int:
        return self._size

    def chunks(self) -> Iterator[bytes]:
        """The bytes, from the start, in chunks of at most :data:`CHUNK` bytes."""
        self._file.seek(0)
        while chunk := self._file.read(CHUNK):
            yield chunk

    def copy_to(self, handle: BinaryIO) -> None:
        self._file.seek(0)
        shutil.copyfileobj(self._file, handle, CHUNK)

    def __bytes__(self) -> bytes:
        return b"".join(self.chunks())

    def close(self) -> None:
        self._file.close()


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
