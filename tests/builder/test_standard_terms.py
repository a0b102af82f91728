"""With RDFS inference over the ontology, standard-only queries find the core facts.

Also: what handcar materialises in the ``entailed`` graph is exactly what owlrl's RDFS closure
gives for rdf:type and the properties in use (restricted to IRIs), so stores without reasoning
see the same answers.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from handcar.build import BuildResult
from handcar.namespaces import PREFIXES
from handcar.ontology import ontology_graph
from support.reasoning import rdfs_closure


@pytest.fixture(scope="module")
def inferred(built: BuildResult) -> Graph:
    graphs = [built.dataset.graph(built.iris.graph(n)) for n in ("asserted", "text", "provenance")]
    return rdfs_closure(ontology_graph(), *graphs)


STANDARD_ONLY = {
    "a Third Secretary is a schema:Person": """
        ASK { ?p a schema:Person , prov:Person ; schema:name "Vladislav Sorokin"@en }""",
    "the train leg leaves from Pyongyang": """
        ASK { ?leg a schema:Event , prov:Activity ; schema:fromLocation ?from .
              ?from a schema:Place ; schema:name "Pyongyang"@en }""",
    "a 32-hour duration in OWL-Time": """
        ASK { ?leg schema:fromLocation ?x . ?interval time:hasDuration ?d .
              ?d a time:Duration ; time:numericDuration 32.0 ; time:unitType time:unitHour }""",
    "the ministry is a government organisation": """
        ASK { ?m a schema:GovernmentOrganization , org:FormalOrganization ;
                 schema:name "Russian Foreign Ministry"@en }""",
    "the distance's lower bound is a schema:minValue": """
        ASK { ?q a schema:QuantitativeValue , qudt:QuantityValue ; schema:minValue 1.0 ;
                 qudt:hasUnit unit:KiloM }""",
    "the article is a schema:NewsArticle and prov:Entity": """
        ASK { ?a a schema:NewsArticle , prov:Entity ;
                 schema:headline ?h . FILTER(STRSTARTS(?h, "Russian Diplomats Push")) }""",
    "evidence is a Web Annotation with a quote": """
        ASK { ?e a oa:Annotation ;
                 oa:hasTarget/oa:hasSelector/oa:exact "Third Secretary Vladislav Sorokin" }""",
    "claims are attributed in PROV-O": """
        ASK { ?c prov:wasAttributedTo ?who ; prov:wasDerivedFrom ?src .
              ?who schema:name "Russian Foreign Ministry"@en }""",
    "the bridge spans the Tumen River as a schema:Bridge": """
        ASK { ?b a schema:Bridge .
              ?r a schema:RiverBodyOfWater ; schema:name "Tumen River"@en }""",
}

EMBASSY_UNIT_OF_MINISTRY = """
    ASK { ?e a org:OrganizationalUnit ; org:unitOf ?m .
          ?m schema:name "Russian Foreign Ministry"@en }"""


@pytest.mark.parametrize("question", sorted(STANDARD_ONLY))
def test_standard_only_query_finds_the_fact(inferred: Graph, question: str) -> None:
    assert inferred.query(STANDARD_ONLY[question], initNs=PREFIXES).askAnswer, question


def test_embassy_unit_of_ministry_comes_from_enrichment_only(
    inferred: Graph, built: BuildResult
) -> None:
    """The article never says whose unit the embassy is: the curators' enrichment does."""
    assert not inferred.query(EMBASSY_UNIT_OF_MINISTRY, initNs=PREFIXES).askAnswer
    with_enrichment = inferred + built.dataset.graph(built.iris.graph("enrichment"))
    closed = rdfs_closure(ontology_graph(), with_enrichment)
    assert closed.query(EMBASSY_UNIT_OF_MINISTRY, initNs=PREFIXES).askAnswer


def test_entailed_graph_is_sound_and_covers_types(inferred: Graph, built: BuildResult) -> None:
    entailed = built.dataset.graph(built.iris.graph("entailed"))
    assert len(entailed) > 100
    for triple in entailed:
        assert triple in inferred, triple
    stated = Graph()
    for name in ("asserted", "text", "provenance", "entailed"):
        stated += built.dataset.graph(built.iris.graph(name))
    data_nodes = {s for s in stated.subjects() if str(s).startswith(built.iris.base)}
    for s, _p, o in inferred.triples((None, RDF.type, None)):
        if (
            s in data_nodes
            and isinstance(o, URIRef)
            and not str(o).startswith(
                (
                    "http://www.w3.org/2000/01/rdf-schema#",
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                )
            )
        ):
            assert (s, RDF.type, o) in stated, (s, o)


def test_literal_helpers_are_canonical(built: BuildResult) -> None:
    values = {
        str(o)
        for o in built.dataset.graph(built.iris.graph("asserted")).objects()
        if isinstance(o, Literal) and o.datatype and str(o.datatype).endswith("#decimal")
    }
    assert "32.0" in values and "2500000.0" in values and "2.5" not in values


def test_entailed_graph_covers_every_super_property(inferred: Graph, built: BuildResult) -> None:
    """Nothing missing for properties either: every triple owlrl's RDFS closure gives about a
    data node, with any property but rdf:type (checked above) and RDF/RDFS's own, is published
    (in the entailed graph when no other graph has it). owlrl rewrites some literals (``3`` as
    ``3.0``, a language tag added), so a literal counts as published when the same property
    of the same node has a literal of the same text or value."""
    stated = Graph()
    for name in ("asserted", "text", "provenance", "entailed"):
        stated += built.dataset.graph(built.iris.graph(name))
    data_nodes = {s for s in stated.subjects() if str(s).startswith(built.iris.base)}
    own = ("http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")

    def published(s, p, o) -> bool:
        if (s, p, o) in stated:
            return True
        return isinstance(o, Literal) and any(
            isinstance(x, Literal) and (str(x) == str(o) or x.eq(o)) for x in stated.objects(s, p)
        )

    checked = [(s, p, o) for s, p, o in inferred if s in data_nodes and not str(p).startswith(own)]
    assert len(checked) > 1000
    assert [t for t in checked if not published(*t)] == []
