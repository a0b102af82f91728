"""SPARQL over a handcar release, with an embedded store: no server needed.

The release's ``dataset.nq`` (every named graph of ``out/``) is bulk-loaded into an in-memory
Oxigraph store (pyoxigraph). A query sees, as its default graph, either the union of all named
graphs (Oxigraph's ``use_default_graph_as_union``; the default) or one named graph (``graph=``,
by short name such as ``asserted`` or by full IRI). SELECT and ASK give solutions; CONSTRUCT and
DESCRIBE give triples. :func:`render` writes either in the formats ``handcar query`` offers.

SPARQL 1.1 Query: https://www.w3.org/TR/sparql11-query/ ; result formats:
https://www.w3.org/TR/sparql11-results-json/ and https://www.w3.org/TR/sparql11-results-csv-tsv/
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from handcar.namespaces import PREFIXES

RELEASE_FILE = "dataset.nq"
"""The release file an embedded store is loaded from: N-Quads, every named graph."""

GRAPH_SEGMENT = "/graph/"
"""Handcar's graph IRIs are ``{base}graph/{name}``; the short name is what follows."""

SOLUTION_FORMATS = ("table", "csv", "tsv", "json", "xml")
"""Formats for SELECT/ASK results (``xml``: SPARQL XML results)."""
GRAPH_FORMATS = ("table", "turtle", "ntriples", "xml")
"""Formats for CONSTRUCT/DESCRIBE results (``xml``: RDF/XML)."""
FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples")
"""What ``--format`` accepts."""

_RESULTS_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
}


class QueryError(Exception):
    """A query that cannot run: no release, a syntax error, an unknown graph, a wrong format.
    The CLI prints it and exits with status 2."""


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
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
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


def read_query(query: str) -> tuple[str, str]:
    """The SPARQL text of ``query`` and where it came from: a ``.rq`` file, or the text itself."""
    candidate = Path(query)
    looks_like_file = "\n" not in query and len(query) < 4096
    if looks_like_file and candidate.suffix in (".rq", ".sparql"):
        if not candidate.is_file():
            raise QueryError(f"no query file {query}")
        return candidate.read_text(encoding="utf-8"), str(candidate)
    if looks_like_file and candidate.is_file():
        return candidate.read_text(encoding="utf-8"), str(candidate)
    return query, "the query"


def run(
    release: Release, sparql: str, *, graph: str | None = None, origin: str = "the query"
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Evaluate ``sparql`` over the union of the release's named graphs, or over ``graph``.
    handcar's prefixes (``djo:``, ``schema:``, ``rdfs:``, …: :data:`PREFIXES`) are predeclared;
    the query's own ``PREFIX`` declarations take precedence."""
    try:
        if graph is None:
            return release.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        return release.store.query(sparql, prefixes=PREFIXES, default_graph=release.graph(graph))
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error in {origin}: {exc}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"{origin} failed: {exc}") from None


def kind(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> str:
    """``solutions`` (SELECT), ``boolean`` (ASK) or ``triples`` (CONSTRUCT, DESCRIBE)."""
    if isinstance(result, ox.QuerySolutions):
        return "solutions"
    if isinstance(result, ox.QueryBoolean):
        return "boolean"
    return "triples"


def default_format(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> str:
    return "turtle" if kind(result) == "triples" else "table"


def render(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    fmt: str,
    *,
    base: str | None = None,
) -> bytes:
    """The result serialised in ``fmt``: csv, tsv, json or xml for solutions; turtle, ntriples or
    xml (RDF/XML) for triples, sorted, Turtle with the handcar prefixes it uses.
    ``table`` is drawn by the CLI (:func:`shorten` gives its cells)."""
    what = kind(result)
    if what == "triples":
        if fmt not in _RDF_FORMATS:
            raise QueryError(
                f"--format {fmt} is for SELECT/ASK; CONSTRUCT/DESCRIBE give RDF: "
                "use turtle, ntriples or xml"
            )
        triples = sorted(result, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        if fmt == "turtle":
            return ox.serialize(
                triples, format=ox.RdfFormat.TURTLE, prefixes=_used_prefixes(triples)
            )
        return ox.serialize(triples, format=_RDF_FORMATS[fmt])
    if fmt not in _RESULTS_FORMATS:
        raise QueryError(
            f"--format {fmt} is for CONSTRUCT/DESCRIBE; SELECT/ASK give solutions: "
            "use table, csv, tsv, json or xml"
        )
    buffer = io.BytesIO()
    result.serialize(buffer, format=_RESULTS_FORMATS[fmt])
    return buffer.getvalue()


def _used_prefixes(triples: list[ox.Triple]) -> dict[str, str]:
    """handcar's prefixes whose namespace some IRI of ``triples`` starts with."""
    iris = {
        term.value
        for triple in triples
        for term in (triple.subject, triple.predicate, triple.object)
        if isinstance(term, ox.NamedNode)
    }
    iris |= {t.object.datatype.value for t in triples if isinstance(t.object, ox.Literal)}
    return {
        prefix: namespace
        for prefix, namespace in sorted(PREFIXES.items())
        if any(iri.startswith(namespace) for iri in iris)
    }


def shorten(term: ox.NamedNode | ox.BlankNode | ox.Literal | None, base: str | None) -> str:
    """A term as a person reads it in a table: prefixed IRIs (``id:`` for the data's base),
    literals by their lexical form with a language tag after ``@``."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return shorten_iri(term.value, base)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return f"{term.value} @{term.language}" if term.language else term.value
    return str(term)


def shorten_iri(iri: str, base: str | None = None) -> str:
    """``djo:TrainLeg`` for ``https://w3id.org/djo#TrainLeg``; ``id:place/pyongyang`` under
    the data's base; otherwise the IRI in angle brackets."""
    candidates = [("id", base)] if base else []
    candidates += sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
    for prefix, namespace in candidates:
        if namespace and iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"
