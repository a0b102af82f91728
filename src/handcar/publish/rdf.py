"""The release's view of RDF: canonical, sorted pyoxigraph quads, and the prefixes it writes.

Every writer in :mod:`handcar.publish.formats` takes the same input, a :class:`Quads`: the
dataset converted to pyoxigraph terms once (strictly, by :mod:`handcar.rdfterms`), its blank
nodes relabelled by RDFC-1.0 (https://www.w3.org/TR/rdf-canon/) and its quads sorted. Whatever
order rdflib happened to hold the triples in, and whatever blank-node ids a parser invented, the
writers then see one order and one set of labels, so the bytes they produce depend only on the
RDF.

pyoxigraph's :class:`~pyoxigraph.Dataset` keeps every literal's lexical form as given (its
``Store`` does not: it rewrites ``"246.0"^^xsd:decimal`` as ``"246"``), and it refuses IRIs that
are not IRIs, which turns a bad base IRI into one clear :class:`PublishError` instead of files
that no parser reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib.graph import Dataset, Graph

from handcar.namespaces import FOAF, PREFIXES, RDF, SPDX, WD
from handcar.rdfterms import TermError, UnsupportedTerm, named_node, to_oxigraph_quads

if TYPE_CHECKING:
    from handcar.build import BuildResult

RDF_TYPE = str(RDF.type)

EXTRA_PREFIXES: dict[str, str] = {"foaf": str(FOAF), "spdx": str(SPDX), "wd": str(WD)}
"""Prefixes the release writes besides :data:`handcar.namespaces.PREFIXES`: Wikidata entities
(enrichment links) and the FOAF/SPDX terms of the dataset metadata."""

PUBLISHED_PREFIXES: dict[str, str] = dict(sorted({**PREFIXES, **EXTRA_PREFIXES}.items()))
"""Every prefix a release file may use, by name: the JSON-LD context and the Turtle headers."""


class PublishError(ValueError):
    """The data cannot be published as it is (for example an IRI that is not a valid IRI)."""


def valid_iri(value: str, what: str = "IRI") -> str:
    """``value`` if it is an absolute IRI (RFC 3987, as pyoxigraph checks it), else
    :class:`PublishError` naming ``what``."""
    try:
        named_node(value)
    except TermError as exc:
        raise PublishError(f"{what} is {exc}") from None
    if ":" not in value:
        raise PublishError(f"{what} is not an absolute IRI: <{value}>")
    return value


def from_rdflib(source: Dataset | Graph) -> list[ox.Quad]:
    """The quads of an rdflib Dataset (named graphs kept) or Graph (as the default graph) in
    pyoxigraph terms, each once (rdflib holds a quad once), converted strictly
    (:mod:`handcar.rdfterms`); a term that cannot be published is a :class:`PublishError`.
    A list, not a pyoxigraph ``Dataset``: building one costs more than the conversion
    (5.7 µs a quad against a set's 0.2 µs) and only RDFC-1.0 needs it (:meth:`Quads.of`)."""
    try:
        return list(to_oxigraph_quads(source, strict=True))
    except TermError as exc:
        raise PublishError(str(exc)) from None
    except UnsupportedTerm as exc:
        raise PublishError(f"cannot publish {exc.term!r}") from None


def converted(result: BuildResult, *, take: bool = False) -> list[ox.Quad]:
    """The built dataset in pyoxigraph terms (:func:`from_rdflib`), converted once per build
    and kept on ``result`` for whoever needs it next (the writers, the validator's SPARQL
    copy). ``take``: hand it over and forget it (the last user, so that it can be freed)."""
    quads = result.quads if result.quads is not None else from_rdflib(result.dataset)
    result.quads = None if take else quads
    return quads


def _may_hold_blank_nodes(quad: ox.Quad) -> bool:
    """Whether RDFC-1.0 could relabel anything in ``quad``: a blank node, or a quoted triple."""
    return not (isinstance(quad.subject, ox.NamedNode)
                and isinstance(quad.object, ox.NamedNode | ox.Literal)
                and isinstance(quad.graph_name, ox.NamedNode | ox.DefaultGraph))


def _graph_key(quad: ox.Quad) -> str:
    graph = quad.graph_name
    return "" if isinstance(graph, ox.DefaultGraph) else str(graph)


def quad_key(quad: ox.Quad) -> tuple[str, str, bool, str, str]:
    """Sort order of every writer: graph (default graph first), subject, ``rdf:type`` first,
    predicate, object; terms compared in their N-Triples form, by code point."""
    predicate = quad.predicate.value
    return (_graph_key(quad), str(quad.subject), predicate != RDF_TYPE, predicate, str(quad.object))


@dataclass(frozen=True)
class Quads:
    """A canonical snapshot of a dataset: RDFC-1.0 blank-node labels, sorted quads."""

    quads: tuple[ox.Quad, ...]

    @classmethod
    def of(cls, data: ox.Dataset | Iterable[ox.Quad] | Dataset | Graph) -> Quads:
        """The canonical, sorted quads of ``data``, each once (a pyoxigraph Dataset is
        relabelled in place)."""
        if isinstance(data, Dataset | Graph):
            data = from_rdflib(data)
        quads: ox.Dataset | set[ox.Quad] = data if isinstance(data, ox.Dataset) else set(data)
        if any(map(_may_hold_blank_nodes, quads)):  # else RDFC-1.0 changes nothing
            dataset = quads if isinstance(quads, ox.Dataset) else ox.Dataset(quads)
            dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
            quads = dataset
        return cls(tuple(sorted(quads, key=quad_key)))

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.quads)

    def __len__(self) -> int:
        return len(self.quads)

    @cached_property
    def triples(self) -> tuple[ox.Triple, ...]:
        """The union of all graphs: distinct triples, sorted like the quads (by subject,
        ``rdf:type`` first, predicate, object). Each quad's sort key is made once and is also
        what tells two graphs' copies of a triple apart (terms in N-Triples form); the quads
        come sorted graph by graph, runs that the sort merges."""
        first: dict[tuple[str, bool, str, str], ox.Quad] = {}
        for quad in self.quads:
            predicate = quad.predicate.value
            first.setdefault(
                (str(quad.subject), predicate != RDF_TYPE, predicate, str(quad.object)), quad)
        return tuple(first[key].triple for key in sorted(first))

    def graphs(self) -> dict[str, list[ox.Quad]]:
        """Quads by graph ("" for the default graph), in order."""
        by_graph: dict[str, list[ox.Quad]] = {}
        for quad in self.quads:
            by_graph.setdefault(_graph_key(quad), []).append(quad)
        return by_graph

    def select(self, graph_names: Iterable[str]) -> Quads:
        """Only the quads of the named graphs ``graph_names`` (IRIs)."""
        wanted = {f"<{name}>" for name in graph_names}
        return Quads(tuple(q for q in self.quads if _graph_key(q) in wanted))

    def canonical_chunks(self) -> Iterator[bytes]:
        """The canonical N-Quads document of RDFC-1.0 (one line per quad, sorted by code
        point), in chunks: the lines are held once, never joined into one document. Read to
        the end, it leaves its SHA-256 as :attr:`canonical_hash` (the N-Quads file is this
        document: its writing gives the hash)."""
        digest = hashlib.sha256()
        for chunk in chunked(sorted({str(q) + " .\n" for q in self.quads})):
            digest.update(chunk)
            yield chunk
        self.__dict__["canonical_hash"] = digest.hexdigest()  # what the cached_property holds

    @property
    def canonical_nquads(self) -> bytes:
        """The canonical N-Quads document of RDFC-1.0, whole."""
        return b"".join(self.canonical_chunks())

    @cached_property
    def canonical_hash(self) -> str:
        """SHA-256 (hex) of :attr:`canonical_nquads`: the RDFC-1.0 hash of the dataset."""
        digest = hashlib.sha256()
        for chunk in self.canonical_chunks():
            digest.update(chunk)
        return digest.hexdigest()


def chunked(lines: list[str], size: int = 4096) -> Iterator[bytes]:
    """``lines`` as UTF-8, ``size`` lines a chunk."""
    for start in range(0, len(lines), size):
        yield "".join(lines[start : start + size]).encode("utf-8")
