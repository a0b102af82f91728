"""Materialises what the ontology's class and property axioms entail (RDFS rules 2, 3, 7, 9).

A store without reasoning still finds a Third Secretary as ``schema:Person`` and a leg's origin
as ``schema:fromLocation``: for every typed node and every property use, the super-classes and
super-properties (DJO's own and the aligned standard ones) are written to the ``entailed``
graph. Only triples not already stated elsewhere are added. The test suite checks this against
owlrl's full RDFS closure.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from handcar.vocabulary import Vocabulary


def entailed_triples(
    triples: Iterable[tuple[Node, Node, Node]], vocab: Vocabulary
) -> set[tuple[Node, Node, Node]]:
    """The types (from super-classes, domains, ranges) and super-property triples entailed."""
    stated = set(triples)
    out: set[tuple[Node, Node, Node]] = set()
    rdf_type = RDF.type  # looked up once: a namespace attribute costs a call each time
    for s, p, o in stated:
        if p == rdf_type and isinstance(o, URIRef):
            for sup in vocab.superclasses.get(o, ()):
                out.add((s, rdf_type, sup))
        elif isinstance(p, URIRef):
            for sup in vocab.superproperties.get(p, ()):
                out.add((s, sup, o))
            for cls in vocab.domain_classes.get(p, ()):
                out.add((s, rdf_type, cls))
            if isinstance(o, URIRef):
                for cls in vocab.range_classes.get(p, ()):
                    out.add((o, rdf_type, cls))
    return out - stated


def add_entailed(target: Graph, sources: Iterable[Graph], vocab: Vocabulary) -> None:
    """Fill ``target`` with what ``sources`` entail under the ontology."""
    everything = [t for graph in sources for t in graph]
    target.addN((s, p, o, target) for s, p, o in entailed_triples(everything, vocab))
