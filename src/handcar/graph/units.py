"""Writes what QUDT says of each unit the quantities use into the enrichment graph.

An article says "half a mile"; that a mile is a length of 1609.344 m is QUDT's knowledge, not
the article's, so it goes to the ``enrichment`` graph with its own source (the QUDT units
vocabulary, through the bundled table of :mod:`handcar.units`) and provenance: one
``rdf:Statement`` per triple, asserted by one statement of the curators stated in that source.
The shapes read the quantity kind from here (a distance needs a unit of ``Length``).
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Dataset, Literal, Namespace, URIRef
from rdflib.term import Node

from handcar.graph.enrichment import CURATORS
from handcar.graph.iris import Iris
from handcar.graph.values import decimal_literal
from handcar.namespaces import DJO, QUDT, SCHEMA
from handcar.units import unit

QUANTITY_KIND = Namespace("http://qudt.org/vocab/quantitykind/")
DIMENSION_VECTOR = Namespace("http://qudt.org/vocab/dimensionvector/")
SOURCE = "qudt-units"  # the slug of the source and of its statement
SOURCE_LABEL = "QUDT units vocabulary, release v3.5.0 (QUDT.org, CC BY 4.0)"
SOURCE_URL = "https://qudt.org/"


def unit_triples(code: str) -> list[tuple[URIRef, URIRef, Node]]:
    """What the bundled table says of unit ``code``, as QUDT triples."""
    found = unit(code)
    node = found.iri
    out: list[tuple[URIRef, URIRef, Node]] = [
        (node, RDF.type, QUDT.Unit),
        (node, RDFS.label, Literal(found.label, lang="en")),
        (node, QUDT.hasDimensionVector, DIMENSION_VECTOR[found.dimension]),
    ]
    if found.symbol:
        out.append((node, QUDT.symbol, Literal(found.symbol)))
    out += [(node, QUDT.hasQuantityKind, QUANTITY_KIND[k]) for k in sorted(found.quantity_kinds)]
    if found.multiplier is not None:
        out.append((node, QUDT.conversionMultiplier, decimal_literal(found.multiplier)))
    if found.offset:
        out.append((node, QUDT.conversionOffset, decimal_literal(found.offset)))
    out += [(node, QUDT.uneceCommonCode, Literal(c)) for c in found.unece_codes]
    return out


def add_units(dataset: Dataset, iris: Iris, codes: Iterable[str]) -> None:
    """Describe each unit of ``codes`` in the enrichment graph, with provenance."""
    codes = sorted(set(codes))
    if not codes:
        return
    graph = dataset.graph(iris.graph("enrichment"))
    prov = dataset.graph(iris.graph("provenance"))
    curators, source = iris.entity("org", CURATORS), iris.entity("source", SOURCE)
    statement = iris.entity("statement", SOURCE)
    prov.add((curators, RDF.type, DJO.Organization))
    prov.add((curators, RDFS.label, Literal("handcar curators", lang="en")))
    prov.add((source, RDF.type, DJO.Source))
    prov.add((source, RDFS.label, Literal(SOURCE_LABEL, lang="en")))
    prov.add((source, SCHEMA.url, Literal(SOURCE_URL, datatype=XSD.anyURI)))
    prov.add((statement, RDF.type, DJO.Statement))
    prov.add((statement, DJO.statedBy, curators))
    prov.add((statement, DJO.statedIn, source))
    prov.add((statement, RDFS.label, Literal("units as QUDT describes them", lang="en")))
    for code in codes:
        for n, triple in enumerate(unit_triples(code), start=1):
            graph.add(triple)
            fact = iris.entity("fact", f"{SOURCE}.{code}.{n}")
            prov.add((fact, RDF.type, RDF.Statement))
            prov.add((fact, RDF.subject, triple[0]))
            prov.add((fact, RDF.predicate, triple[1]))
            prov.add((fact, RDF.object, triple[2]))
            prov.add((fact, DJO.assertedBy, statement))
