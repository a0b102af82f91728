"""Request paths ↔ IRIs, and files of the release that a request may read.

The server mirrors the *path* of the IRIs it answers for, whatever host it runs on: the data IRI
``https://w3id.org/djo/id/place/pyongyang`` is ``/djo/id/place/pyongyang`` on
``http://127.0.0.1:8000``, the ontology ``https://w3id.org/djo`` (and so every term
``https://w3id.org/djo#Term``) is ``/djo``, the JSON-LD context
``https://w3id.org/djo/context.jsonld`` is ``/djo/context.jsonld``. A proxy or a w3id.org
redirect rule that keeps the path is all it takes to put the server behind the real IRIs.

Files are only ever read through :func:`release_file`: a relative path of plain segments (no
``..``, ``.``, empty segment, backslash or NUL) whose real path, symlinks resolved, is a regular
file inside the release folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from urllib.parse import urlsplit

from handcar.namespaces import DJO_NS

ONTOLOGY_IRI = DJO_NS.rstrip("#")
"""The ontology's IRI: the document the hash IRIs ``https://w3id.org/djo#…`` belong to."""
CONTEXT_FILE = "context.jsonld"
"""The release's JSON-LD context, served at its IRI
(:data:`handcar.publish.formats.CONTEXT_URL`)."""


def path_of(iri: str) -> str:
    """The server path of an IRI: its path (with its fragment, for links)."""
    parts = urlsplit(iri)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


class PathMap:
    """Maps request paths to the IRIs on the hosts of the data's base and of the ontology."""

    def __init__(self, base: str) -> None:
        self.base = base
        self._origins = {_origin(base), _origin(ONTOLOGY_IRI)}

    def iris(self, path: str) -> list[str]:
        """The IRIs a request path may denote (one per origin served)."""
        return [origin + path for origin in sorted(self._origins)]

    def local(self, iri: str) -> str | None:
        """The server path for ``iri`` when the server answers for it, else None."""
        if _origin(iri) in self._origins:
            return path_of(iri)
        return None


def _origin(iri: str) -> str:
    parts = urlsplit(iri)
    return f"{parts.scheme}://{parts.netloc}"


def release_file(folder: Path, relative: str) -> Path | None:
    """The file ``relative`` of the release in ``folder``, or None when it is not one.

    Refused (None): an absolute path, a segment ``..``, ``.`` or empty, a backslash or NUL, a
    path whose real location (symlinks resolved) is outside the release folder, anything that
    is not a regular file (a folder, a FIFO, a device)."""
    if not relative or relative.startswith("/") or "\\" in relative or "\x00" in relative:
        return None
    if any(part in ("", ".", "..") for part in relative.split("/")):
        return None
    root = folder.resolve()
    try:
        real = (root / relative).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not real.is_relative_to(root):
        return None
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return None
    return real if stat.S_ISREG(mode) else None
