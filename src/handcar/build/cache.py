"""Incremental builds: each article's result (:func:`handcar.build.article.build_article`)
cached under a hash of everything that makes it.

The key is the SHA-256 of the article's inputs (the folder as given, ``article.md``,
``annotation.yaml``, ``enrichment.yaml`` or its absence, the base IRI) and of the build's
*salt*: handcar's version and the source of every module of the package, the ontology and the
unit table it reads, the versions of the libraries that parse the inputs or whose objects are
stored (rdflib, ruamel.yaml, PyYAML, markdown-it-py), the Python version and the input limits
(``HANDCAR_MAX_*``). Change any of them and the article is rebuilt; the corpus-wide steps
(identity, readings, shared entities, entailment, canonicalisation) always run.

The folder is the one cache policy's (:func:`handcar.resources.cache_dir`, under
``articles/``); ``HANDCAR_NO_CACHE`` turns it off and ``build --check`` never uses it. An entry
is never trusted blindly: it starts with a signature and the SHA-256 of its payload, and one
that is truncated, corrupt or from another format is ignored (the article is rebuilt and the
entry replaced). Entries are written atomically (:func:`handcar.files.write_to_cache`). Only
successful results are cached: bad input is reported again on every build. Like the rest of
the cache folder, entries are as trusted as the user's own files: they are pickles.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import handcar
from handcar.files import write_to_cache
from handcar.limits import ARTICLE_BYTES, YAML_BYTES, Limit
from handcar.resources import ontology_dir, units_table

SIGNATURE = b"handcar article cache 1\n"
INPUTS: tuple[tuple[str, Limit], ...] = (
    ("article.md", ARTICLE_BYTES),
    ("annotation.yaml", YAML_BYTES),
    ("enrichment.yaml", YAML_BYTES),
)
LIBRARIES = ("rdflib", "ruamel.yaml", "PyYAML", "markdown-it-py")
"""The libraries whose behaviour or objects a cached result depends on."""


@cache
def source_digest() -> bytes:
    """SHA-256 over the path and bytes of every module of the installed handcar package."""
    package = Path(handcar.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.digest()


def library_versions(names: tuple[str, ...]) -> list[str]:
    """"name version" of each installed distribution of ``names`` ("name -" when missing): what
    a cache key holds of the libraries whose output it keeps."""
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} -")
    return found


def salt() -> bytes:
    """What every article's result depends on besides its own inputs (see the module docs)."""
    digest = hashlib.sha256(SIGNATURE)
    digest.update(f"handcar {handcar.__version__}\0".encode())
    digest.update(source_digest())
    for path in [*sorted(ontology_dir().glob("*.ttl")), units_table()]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for line in library_versions(LIBRARIES):
        digest.update(f"{line}\0".encode())
    digest.update(f"python {sys.version_info[:2]}\0".encode())
    limits = sorted((k, v) for k, v in os.environ.items() if k.startswith("HANDCAR_MAX_"))
    digest.update(repr(limits).encode())
    return digest.digest()


@dataclass(frozen=True)
class Stamp:
    """The inputs of one article as they were hashed: a key, and each file's size and mtime."""

    key: str
    files: tuple[tuple[int, int] | None, ...]

    def unchanged(self, folder: Path) -> bool:
        """True if no input changed (size or mtime) since the key was computed."""
        return self.files == tuple(_stat(folder / name) for name, _ in INPUTS)


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_size, st.st_mtime_ns)


class ArticleCache:
    """Per-article results under ``folder`` (``<cache>/articles/``), keyed by input hash."""

    def __init__(self, folder: Path, base: str) -> None:
        self.folder = folder
        self._salt = salt() + base.encode() + b"\0"

    def stamp(self, folder: Path) -> Stamp | None:
        """The key of the article in ``folder``, or None when it cannot be cached: an input
        that is not a regular file or is over its limit (the build reports it)."""
        digest = hashlib.sha256(self._salt)
        digest.update(os.fsencode(folder) + b"\0")
        files = []
        for name, limit in INPUTS:
            path = folder / name
            try:
                st = os.stat(path)
            except FileNotFoundError:
                digest.update(f"{name} absent\0".encode())
                files.append(None)
                continue
            except OSError:
                return None
            if not stat.S_ISREG(st.st_mode) or st.st_size > limit.value():
                return None
            try:
                data = path.read_bytes()
            except OSError:
                return None
            digest.update(f"{name} {len(data)}\0".encode() + data)
            files.append((st.st_size, st.st_mtime_ns))
        return Stamp(digest.hexdigest(), tuple(files))

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.bin"

    def has(self, stamp: Stamp) -> bool:
        """True if an entry is stored under ``stamp``'s key (whole or not: see :meth:`get`)."""
        return self._path(stamp.key).is_file()

    def get(self, stamp: Stamp) -> bytes | None:
        """The payload stored under ``stamp``'s key, if it is there and whole."""
        try:
            entry = self._path(stamp.key).read_bytes()
        except OSError:
            return None
        head = len(SIGNATURE) + 32
        if not entry.startswith(SIGNATURE) or len(entry) < head:
            return None
        payload = entry[head:]
        if hashlib.sha256(payload).digest() != entry[len(SIGNATURE) : head]:
            return None
        return payload

    def put(self, stamp: Stamp, payload: bytes) -> None:
        """Keep ``payload`` under ``stamp``'s key (best effort)."""
        entry = SIGNATURE + hashlib.sha256(payload).digest() + payload
        write_to_cache(self._path(stamp.key), entry)
