"""Where handcar finds what it reads at run time, and where it may cache: the one place for both.

The resources ship inside the package (``handcar/data/``; in the source tree the top-level
``ontology/``, ``shapes/`` and ``queries/`` are symlinks to them) and are found through
:mod:`importlib.resources`, so an installed wheel works outside the source tree.

| resource | packaged | override |
|---|---|---|
| ontology modules (``*.ttl``) | ``handcar/data/ontology/`` | ``$HANDCAR_ONTOLOGY_DIR`` |
| SHACL shapes (``*.ttl``) | ``handcar/data/shapes/`` | ``$HANDCAR_SHAPES_DIR`` |
| competency questions (``*.rq``) | ``handcar/data/queries/`` | ``$HANDCAR_QUERIES_DIR`` |
| QUDT unit table (``qudt-units.tsv``) | ``handcar/data/units/`` | none |
| what the tests verified about the shapes (``shapes.json``) | ``handcar/data/verified/`` | none |
| release templates | ``handcar/publish/templates/`` | none |
| ``handcar serve``'s templates | ``handcar/serve/templates/`` | none |

Each override stands alone: ``$HANDCAR_ONTOLOGY_DIR`` does not move the shapes, so publishing and
validation always read the same shapes. A shapes folder that does not exist is an error.

Cache (pyLODE pages, the release's ontology files, the SHACL-for-SHACL lint pass, the SPARQL
pre-binding verdicts, the built articles of :mod:`handcar.build.cache`):
``$HANDCAR_CACHE_DIR``, else ``$XDG_CACHE_HOME/handcar``, else ``~/.cache/handcar``.
``HANDCAR_NO_CACHE=1`` (or ``true``, ``yes``) or an empty ``HANDCAR_CACHE_DIR=`` turns every
cache off.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from handcar.errors import InputError

ONTOLOGY_DIR_ENV = "HANDCAR_ONTOLOGY_DIR"
SHAPES_DIR_ENV = "HANDCAR_SHAPES_DIR"
QUERIES_DIR_ENV = "HANDCAR_QUERIES_DIR"
CACHE_DIR_ENV = "HANDCAR_CACHE_DIR"
NO_CACHE_ENV = "HANDCAR_NO_CACHE"
_TRUTHY = {"1", "true", "yes"}


def _packaged(package: str, *parts: str) -> Path:
    """A folder inside an installed package, as a file-system path."""
    resource = files(package).joinpath(*parts)
    if not isinstance(resource, Path):
        raise RuntimeError(f"handcar must be installed as files, not zipped ({resource})")
    return resource


def _located(env: str, *parts: str) -> Path:
    override = os.environ.get(env)
    return Path(override) if override else _packaged("handcar", "data", *parts)


def ontology_dir() -> Path:
    """The folder of ontology modules: ``$HANDCAR_ONTOLOGY_DIR`` or the packaged ontology."""
    return _located(ONTOLOGY_DIR_ENV, "ontology")


def queries_dir() -> Path:
    """The competency questions: ``$HANDCAR_QUERIES_DIR`` or the packaged queries."""
    return _located(QUERIES_DIR_ENV, "queries")


def shapes_dir(folder: Path | None = None) -> Path:
    """The shapes folder (``folder``, else ``$HANDCAR_SHAPES_DIR``, else the packaged shapes).

    Raises :class:`InputError` unless it is a folder holding ``*.ttl`` shapes: a release is never
    made without shapes.
    """
    folder = folder or _located(SHAPES_DIR_ENV, "shapes")
    if not folder.is_dir() or not any(folder.glob("*.ttl")):
        problem = "not found" if not folder.is_dir() else "holds no *.ttl shapes"
        hint = f"unset ${SHAPES_DIR_ENV}" if os.environ.get(SHAPES_DIR_ENV) else "reinstall handcar"
        raise InputError(
            folder,
            None,
            f"shapes folder {problem}: point ${SHAPES_DIR_ENV} at a folder of SHACL *.ttl files, "
            f"or {hint}",
        )
    return folder


def units_table() -> Path:
    """The bundled QUDT unit table (:mod:`handcar.units`)."""
    return _packaged("handcar", "data", "units") / "qudt-units.tsv"


def verified_table() -> Path:
    """What the tests verified about the bundled shapes (:mod:`handcar.validate.verified`)."""
    return _packaged("handcar", "data", "verified") / "shapes.json"


def templates_dir() -> Path:
    """The Jinja templates of the release's README."""
    return _packaged("handcar.publish", "templates")


def serve_templates_dir() -> Path:
    """The Jinja templates of ``handcar serve``'s own pages (query form, fallback pages)."""
    return _packaged("handcar.serve", "templates")


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is off (see the module docstring)."""
    if os.environ.get(NO_CACHE_ENV, "").lower() in _TRUTHY:
        return None
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "handcar"
