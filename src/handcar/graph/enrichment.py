"""Writes what the curators add to an article into the ``enrichment`` graph.

Two kinds: checked enrichment (:mod:`handcar.annotation.enrichment`: Wikidata links, Russian
labels, general knowledge, each with its source) and the display labels the curators wrote in
the annotation (``label:``), whose source is the annotation itself. Facts go to the
``enrichment`` graph; their provenance (source, the curators as the agent) to ``provenance``.
Nothing here is mixed into ``asserted``, and nothing here is credited to the article.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from handcar.annotation.enrichment import CheckedEnrichment
from handcar.graph.claims import ArticleClaims
from handcar.graph.iris import Iris
from handcar.graph.readings import Reading
from handcar.graph.values import term
from handcar.namespaces import DJO, SCHEMA

CURATORS = "handcar-curators"


def add_enrichment(
    dataset: Dataset,
    iris: Iris,
    article_id: str,
    enrichment: CheckedEnrichment,
    things: dict[str, URIRef],
    one_value: frozenset[URIRef] = frozenset(),
) -> list[Reading]:
    """Write enrichment facts and their provenance; ``things``: entity and event ids → IRIs.
    Return the readings among them: a named thing as the value of a property in ``one_value``
    (``djo:oneValuePerReading``), compared with the articles' readings like any other."""
    graph = dataset.graph(iris.graph("enrichment"))
    prov = dataset.graph(iris.graph("provenance"))
    curators = _curators(prov, iris)
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
    readings = []
    for n, fact in enumerate(enrichment.facts, start=1):
        subject, value = things[fact.subject], term(fact.object, things)
        graph.add((subject, fact.predicate, value))
        node = iris.fact(article_id, "enrichment", n)
        statement = iris.scoped("statement", article_id, "enrichment", fact.source)
        prov.add((node, RDF.type, RDF.Statement))
        prov.add((node, RDF.subject, subject))
        prov.add((node, RDF.predicate, fact.predicate))
        prov.add((node, RDF.object, value))
        prov.add((node, DJO.assertedBy, statement))
        named = isinstance(value, URIRef) and iris.article_of(str(value)) is None
        if fact.predicate in one_value and named and value in things.values():
            readings.append(Reading(str(subject), str(fact.predicate), str(node),
                                    str(statement), None, entity=str(value)))
    return readings


def add_curator_labels(dataset: Dataset, iris: Iris, ac: ArticleClaims) -> set[URIRef]:
    """Write the labels the curators wrote for one article's things, credited to the curators
    and to the annotation they wrote them in; return the facts (``rdf:Statement`` IRIs)."""
    if not ac.labels:
        return set()
    aid = ac.article.id
    graph = dataset.graph(iris.graph("enrichment"))
    prov = dataset.graph(iris.graph("provenance"))
    curators = _curators(prov, iris)
    source = iris.scoped("source", aid, "annotation")
    statement = iris.scoped("statement", aid, "curation", "labels")
    prov.add((source, RDF.type, DJO.Source))
    prov.add(
        (
            source,
            RDFS.label,
            Literal(f"the curators' annotation of “{ac.meta.headline}”", lang="en"),
        )
    )
    prov.add(
        (
            source,
            RDFS.comment,
            Literal(
                f"articles/{aid}/annotation.yaml: labels the curators wrote for things the article"
                " mentions; the article's own words for them are djo:referredToAs",
                lang="en",
            ),
        )
    )
    prov.add((statement, RDF.type, DJO.Statement))
    prov.add((statement, DJO.statedBy, curators))
    prov.add((statement, DJO.statedIn, source))
    prov.add((statement, RDFS.label, Literal("labels written by the curators", lang="en")))
    facts = set()
    for n, (subject, predicate, value) in enumerate(ac.labels, start=1):
        graph.add((subject, predicate, value))
        node = iris.scoped("fact", aid, "curation", "labels", str(n))
        prov.add((node, RDF.type, RDF.Statement))
        prov.add((node, RDF.subject, subject))
        prov.add((node, RDF.predicate, predicate))
        prov.add((node, RDF.object, value))
        prov.add((node, DJO.assertedBy, statement))
        facts.add(node)
    return facts


def _curators(prov: Graph, iris: Iris) -> URIRef:
    """The curators, the agent of everything in the enrichment graph."""
    curators = iris.entity("org", CURATORS)
    prov.add((curators, RDF.type, DJO.Organization))
    prov.add((curators, RDFS.label, Literal("handcar curators", lang="en")))
    return curators
