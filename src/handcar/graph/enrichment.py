"""Writes checked enrichment (:mod:`handcar.annotation.enrichment`) into its own graph.

Facts go to the ``enrichment`` graph; their provenance (source, who added them) to
``provenance``. Nothing here is mixed into ``asserted``.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Literal, URIRef

from handcar.annotation.enrichment import CheckedEnrichment
from handcar.graph.iris import Iris
from handcar.graph.values import term
from handcar.namespaces import DJO, SCHEMA

CURATORS = "handcar-curators"


def add_enrichment(
    dataset: Dataset,
    iris: Iris,
    article_id: str,
    enrichment: CheckedEnrichment,
    things: dict[str, URIRef],
) -> None:
    """Write enrichment facts and their provenance; ``things``: entity and event ids → IRIs."""
    graph = dataset.graph(iris.graph("enrichment"))
    prov = dataset.graph(iris.graph("provenance"))
    curators = iris.entity("org", CURATORS)
    prov.add((curators, RDF.type, DJO.Organization))
    prov.add((curators, RDFS.label, Literal("handcar curators", lang="en")))
    for source in enrichment.sources:
        node = iris.entity("source", source.id)
        statement = iris.scoped("statement", article_id, "enrichment", source.id)
        prov.add((node, RDF.type, DJO.Source))
        prov.add((node, RDFS.label, Literal(source.label, lang="en")))
        if source.url:
            prov.add((node, SCHEMA.url, Literal(source.url, datatype=XSD.anyURI)))
        if source.note:
            prov.add((node, RDFS.comment, Literal(source.note, lang="en")))
        prov.add((statement, RDF.type, DJO.Statement))
        prov.add((statement, DJO.statedBy, curators))
        prov.add((statement, DJO.statedIn, node))
        prov.add((statement, RDFS.label, Literal(f"enrichment from {source.label}", lang="en")))
    for n, fact in enumerate(enrichment.facts, start=1):
        subject, value = things[fact.subject], term(fact.object, things)
        graph.add((subject, fact.predicate, value))
        node = iris.scoped("fact", article_id, "enrichment", str(n))
        prov.add((node, RDF.type, RDF.Statement))
        prov.add((node, RDF.subject, subject))
        prov.add((node, RDF.predicate, fact.predicate))
        prov.add((node, RDF.object, value))
        prov.add(
            (node, DJO.assertedBy, iris.scoped("statement", article_id, "enrichment", fact.source))
        )
