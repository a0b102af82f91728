"""What ``handcar serve`` answers from: a release folder loaded once, read-only.

- the dataset (``dataset.nq``) in an embedded Oxigraph store, loaded by
  :func:`handcar.query.open_release`, the same store ``handcar query`` uses: ``/sparql`` and
  the descriptions of resources read it;
- the release metadata (``metadata.ttl``: VoID and DCAT) in a store of its own, so that the
  IRIs it mints (the graphs, ``release/…``) are described too, and ``/.well-known/void``;
- the ontology modules (``ontology/*.ttl``) in a store of their own, by ontology IRI: their
  documents and the labels of their terms for the pages.

Every IRI under the data's base that occurs in the dataset or the metadata (as subject, object
or graph name) is a resource the server answers for (:attr:`Served.iris`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from handcar.baseiri import check_base
from handcar.errors import InputError
from handcar.formats import RDF_FORMATS
from handcar.query import FORK_LOCK, Release, open_release

TURTLE = RDF_FORMATS["turtle"]
METADATA_FILE = "metadata.ttl"
ONTOLOGY_FOLDER = "ontology"
SHAPES_FOLDER = "shapes"
_OWL_ONTOLOGY = ox.NamedNode("http://www.w3.org/2002/07/owl#Ontology")
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@dataclass(frozen=True)
class OntologyModule:
    """One ontology module of the release: its IRI, the stem of its files (``djo``) and the
    release's folder they are in: ``ontology`` (DJO's modules), or ``shapes`` for the shapes
    graphs, which are OWL ontologies too (``https://w3id.org/djo/shapes``, whose hash IRIs a
    validation report names: ``…/shapes#Event-during``)."""

    iri: str
    stem: str
    folder: str = ONTOLOGY_FOLDER

    @property
    def documented(self) -> bool:
        """Whether the release has an HTML page of it (pyLODE's, for the ontology's modules)."""
        return self.folder == ONTOLOGY_FOLDER


@dataclass
class Served:
    """A release, loaded: the stores, the data's base and every IRI the server answers for."""

    folder: Path
    release: Release
    metadata: ox.Store
    ontology: ox.Store
    modules: dict[str, OntologyModule]
    """The ontology modules by IRI (``https://w3id.org/djo``)."""
    base: str
    iris: frozenset[str]

    @property
    def store(self) -> ox.Store:
        return self.release.store

    @property
    def lock(self) -> threading.Lock:
        """Held while a thread reads a store: the lock ``/sparql``'s fork takes
        (:data:`handcar.query.FORK_LOCK`), so no read is under way when a query's child forks."""
        return FORK_LOCK


def load(folder: Path, base: str | None = None) -> Served:
    """Load the release in ``folder``. ``base`` must be the base its data IRIs use (read from its
    graph IRIs when not given). Raises :class:`~handcar.query.QueryError` (no release, a broken
    ``dataset.nq``) or :class:`~handcar.errors.InputError`."""
    release = open_release(folder)
    found = release.base
    if found is None:
        raise InputError(folder, None, "the release has no named graphs: nothing to serve")
    if base is not None and check_base(base, "--base") != found:
        raise InputError(
            folder, None,
            f"the release's data IRIs start with {found}, not {base}: rebuild it with "
            f"'handcar build --base {base}', or leave --base out",
        )
    metadata = _store_of([Path(folder) / METADATA_FILE])
    ontology = ox.Store()
    modules: dict[str, OntologyModule] = {}
    for kind in (ONTOLOGY_FOLDER, SHAPES_FOLDER):
        for path in sorted((Path(folder) / kind).glob(f"*.{TURTLE.extension}")):
            module = _store_of([path])
            for quad in module.quads_for_pattern(None, _RDF_TYPE, _OWL_ONTOLOGY):
                if isinstance(quad.subject, ox.NamedNode):
                    modules[quad.subject.value] = OntologyModule(
                        quad.subject.value, path.stem, kind)
            if kind == ONTOLOGY_FOLDER:  # the terms pages and /sparql describe
                ontology.extend(module)
    iris = _iris_under(found, release.store) | _iris_under(found, metadata)
    return Served(Path(folder).resolve(), release, metadata, ontology, modules, found,
                  frozenset(iris))


def _store_of(paths: list[Path]) -> ox.Store:
    store = ox.Store()
    for path in paths:
        if path.is_file():
            store.bulk_load(path=str(path), format=TURTLE.oxigraph)
    return store


def _iris_under(base: str, store: ox.Store) -> set[str]:
    found: set[str] = set()
    for quad in store:
        for term in (quad.subject, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode) and term.value.startswith(base):
                found.add(term.value)
    return found
