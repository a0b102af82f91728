"""A handcar release in an embedded store: ``dataset.nq`` bulk-loaded into in-memory Oxigraph.

A query sees, as its default graph, either the union of all named graphs (Oxigraph's
``use_default_graph_as_union``; the default), the dataset of its own ``FROM``/``FROM NAMED``
(graphs of the store), or one named graph, named by its short name (``asserted``) or its full
IRI (:meth:`Release.graph`), which replaces ``FROM``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from handcar.formats import RDF_FORMATS
from handcar.query.errors import QueryError

NQUADS = RDF_FORMATS["nquads"]
RELEASE_FILE = NQUADS.dataset_file
"""The release file an embedded store is loaded from: N-Quads, every named graph."""

GRAPH_SEGMENT = "/graph/"
"""Handcar's graph IRIs are ``{base}graph/{name}``; the short name is what follows."""


@dataclass(frozen=True)
class Release:
    """A release folder loaded into an embedded store, with its named graphs by short name."""

    folder: Path
    store: ox.Store
    graphs: dict[str, ox.NamedNode]

    @property
    def base(self) -> str | None:
        """The data's base IRI (``…/id/``), read off the graph IRIs; None when there are none."""
        for iri in self.graphs.values():
            return iri.value[: iri.value.rindex(GRAPH_SEGMENT) + 1]
        return None

    def graph(self, name: str) -> ox.NamedNode:
        """The named graph ``name``: a short name (``asserted``) or a full IRI."""
        if name in self.graphs:
            return self.graphs[name]
        for iri in self.graphs.values():
            if iri.value == name:
                return iri
        known = ", ".join(self.graphs) or "none"
        raise QueryError(f"no graph {name!r} in {self.folder}/{RELEASE_FILE} (graphs: {known})")


def open_release(folder: Path) -> Release:
    """Load ``folder/dataset.nq`` into an in-memory store (Oxigraph's bulk loader)."""
    path = Path(folder) / RELEASE_FILE
    if not Path(folder).is_dir():
        raise QueryError(
            f"no release folder {folder}: run 'handcar build' first (or give --out DIR)"
        )
    if not path.is_file():
        raise QueryError(f"no {path}: the release is incomplete; run 'handcar build'")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=NQUADS.oxigraph)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"cannot load {path}: {exc}") from None
    return Release(Path(folder), store, release_graphs(store))


def release_graphs(store: ox.Store) -> dict[str, ox.NamedNode]:
    """The store's named graphs by short name (``asserted`` for ``…/graph/asserted``), sorted."""
    graphs: dict[str, ox.NamedNode] = {}
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        if isinstance(graph, ox.NamedNode):
            value = graph.value
            short = value.rsplit(GRAPH_SEGMENT, 1)[1] if GRAPH_SEGMENT in value else value
            graphs[short] = graph
    return graphs
