"""The RDF a data IRI answers with: its description, a concise bounded description (CBD) with the
evidence behind it.

The description of a resource *r* (README, "Serving") is every quad, in every named graph, of:

1. *r*'s own statements: the quads whose subject is *r*, and the triples of the release
   metadata (``metadata.ttl``, default graph) whose subject is *r*; and, recursively, the same
   for every blank node object (CBD, https://www.w3.org/submission/CBD/ ; handcar publishes no
   blank nodes, but a release of other data may);
2. the reifications of *r*'s statements (CBD's rule for reification): every ``rdf:Statement``
   whose ``rdf:subject`` is *r* (handcar's ``fact/…``), with its own quads;
3. the evidence behind each of those: the claim it is ``djo:assertedBy`` (``statement/…``), the
   claim's ``djo:hasEvidence`` anchors (``evidence/…``), their ``oa:hasTarget`` and its
   ``oa:hasSelector``, each with its own quads, so the exact quoted words (``oa:exact``) and
   their position come with every fact. Only these four properties are followed: the article
   text (``oa:hasSource`` → ``text/…``) is a resource of its own, not copied into every answer.

Triples in which *r* is only the object are not part of it (they belong to their subjects'
descriptions); the HTML page lists them as incoming links.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from handcar.namespaces import DJO_NS, OA
from handcar.serve.release import Served

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDF_SUBJECT = ox.NamedNode(RDF + "subject")
EVIDENCE_PATH = (
    ox.NamedNode(DJO_NS + "assertedBy"),
    ox.NamedNode(DJO_NS + "hasEvidence"),
    ox.NamedNode(str(OA.hasTarget)),
    ox.NamedNode(str(OA.hasSelector)),
)
"""The properties followed from a reification to the words it rests on, in this order."""


def describe(served: Served, iri: str) -> list[ox.Quad]:
    """The description of the resource ``iri`` (see the module's docstring), distinct quads."""
    node = ox.NamedNode(iri)
    with served.lock:
        found: dict[ox.Quad, None] = {}
        _own(served, [node], found, metadata=True)
        facts = [q.subject for q in served.store.quads_for_pattern(None, _RDF_SUBJECT, node)]
        _own(served, facts, found)
        layer: list[ox.NamedNode | ox.BlankNode] = list(facts)
        for predicate in EVIDENCE_PATH:
            layer = [
                q.object
                for subject in layer
                for q in served.store.quads_for_pattern(subject, predicate, None)
                if isinstance(q.object, ox.NamedNode | ox.BlankNode)
            ]
            _own(served, layer, found)
    return list(found)


def _own(
    served: Served,
    nodes: Iterable[ox.NamedNode | ox.BlankNode],
    found: dict[ox.Quad, None],
    *,
    metadata: bool = False,
) -> None:
    """Add the quads whose subject is one of ``nodes``, following blank-node objects."""
    pending = list(nodes)
    seen: set[ox.NamedNode | ox.BlankNode] = set()
    while pending:
        subject = pending.pop()
        if subject in seen:
            continue
        seen.add(subject)
        stores = (served.store, served.metadata) if metadata else (served.store,)
        for store in stores:
            for quad in store.quads_for_pattern(subject, None, None):
                found.setdefault(quad)
                if isinstance(quad.object, ox.BlankNode):
                    pending.append(quad.object)


def incoming(served: Served, iri: str, limit: int) -> list[ox.Quad]:
    """Up to ``limit`` quads whose object is ``iri`` (links to it), reifications left out."""
    node = ox.NamedNode(iri)
    links: list[ox.Quad] = []
    with served.lock:
        for quad in served.store.quads_for_pattern(None, None, node):
            if quad.predicate.value.startswith(RDF):
                continue
            links.append(quad)
            if len(links) >= limit:
                break
    return links
