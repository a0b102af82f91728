"""A reader who knows only schema.org and PROV-O (and RDF, RDFS, XSD) finds the durations, the
distance, the dates, the members and who said what, in the graphs as a store loads them: the
named graphs of the release, the ``entailed`` one included, and no reasoner (issue 12, point 5).

Each question names the standard properties it rests on; taking any one of them out of the data
makes it fail, and so does leaving out the ``entailed`` graph (each needs a standard term that
handcar entails from a DJO one).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from rdflib import Graph, URIRef

from handcar.build import BuildResult
from handcar.graph.iris import GRAPHS
from handcar.namespaces import PREFIXES, SCHEMA

PROV = "http://www.w3.org/ns/prov#"


@dataclass(frozen=True)
class Question:
    ask: str
    rests_on: tuple[str, ...]  # schema.org / PROV properties, as prefixed names


QUESTIONS = {
    "the train ride lasted exactly 32 hours": Question(
        """ASK { ?journey schema:subEvent ?leg .
                 ?leg a schema:TravelAction ; schema:fromLocation/schema:name "Pyongyang"@en ;
                      schema:duration ?d .
                 ?d a schema:QuantitativeValue ; schema:value 32.0 ; schema:unitCode "HUR" .
                 FILTER NOT EXISTS { ?d schema:minValue|schema:maxValue ?bound } }""",
        (
            "schema:subEvent",
            "schema:fromLocation",
            "schema:duration",
            "schema:value",
            "schema:unitCode",
        ),
    ),
    "the bus ride lasted exactly 2 hours": Question(
        """ASK { ?journey schema:subEvent ?leg . ?leg schema:duration ?d .
                 ?d schema:value 2.0 ; schema:unitCode "HUR" . }""",
        ("schema:subEvent", "schema:duration", "schema:value", "schema:unitCode"),
    ),
    "the pandemic lasted more than a year, no value given": Question(
        """ASK { ?pandemic a schema:Event ; schema:duration ?d .
                 ?d schema:minValue 1.0 ; schema:unitCode "ANN" .
                 FILTER NOT EXISTS { ?d schema:value ?v } }""",
        ("schema:duration", "schema:minValue", "schema:unitCode"),
    ),
    "the handcar was pushed more than 1 km: a lower bound, no value": Question(
        """ASK { ?journey schema:subEvent ?leg . ?leg a schema:TravelAction ; schema:distance ?q .
                 ?q a schema:QuantitativeValue ; schema:minValue 1.0 ; schema:unitCode "KMT" .
                 FILTER NOT EXISTS { ?q schema:value|schema:maxValue ?v } }""",
        ("schema:subEvent", "schema:distance", "schema:minValue", "schema:unitCode"),
    ),
    "the handcar leg began and ended on Thursday 2021-02-25": Question(
        """ASK { ?leg schema:distance ?q ;
                      schema:startDate "2021-02-25"^^xsd:date ;
                      schema:endDate "2021-02-25"^^xsd:date . }""",
        ("schema:distance", "schema:startDate", "schema:endDate"),
    ),
    "Sorokin and Varya are members of the group that travelled": Question(
        """ASK { ?journey schema:subEvent ?leg ; schema:participant ?party .
                 ?party schema:member ?father , ?daughter .
                 ?father a schema:Person ; schema:name "Vladislav Sorokin"@en .
                 ?daughter a schema:Person ; schema:name "Varya"@en . }""",
        ("schema:subEvent", "schema:participant", "schema:member"),
    ),
    "the legs are PROV activities associated with the travellers": Question(
        """ASK { ?leg a prov:Activity ; prov:wasAssociatedWith ?party ; prov:used ?vehicle .
                 ?party schema:member/schema:name "Varya"@en . }""",
        ("prov:wasAssociatedWith", "prov:used", "schema:member"),
    ),
    "the ministry said 'more than a kilometer' in its statement of 2021-02-25": Question(
        """ASK { ?leg schema:distance ?q . ?q schema:minValue 1.0 .
                 ?fact rdf:subject ?leg ; rdf:object ?q ; prov:wasDerivedFrom ?claim .
                 ?claim prov:wasAttributedTo ?who ; prov:wasDerivedFrom ?statement .
                 ?who schema:name "Russian Foreign Ministry"@en .
                 ?statement schema:datePublished "2021-02-25"^^xsd:date . }""",
        ("schema:distance", "prov:wasDerivedFrom", "prov:wasAttributedTo", "schema:datePublished"),
    ),
    "the train's 32 hours are said by the newspaper and by the ministry": Question(
        """ASK { ?leg schema:duration ?q . ?q schema:value 32.0 .
                 ?f1 rdf:subject ?leg ; rdf:object ?q ; prov:wasDerivedFrom ?c1 .
                 ?f2 rdf:subject ?leg ; rdf:object ?q ; prov:wasDerivedFrom ?c2 .
                 ?c1 prov:wasAttributedTo/schema:name "Russian Foreign Ministry"@en .
                 ?c2 prov:wasAttributedTo ?paper . ?paper a schema:NewsMediaOrganization . }""",
        ("schema:duration", "prov:wasDerivedFrom", "prov:wasAttributedTo"),
    ),
    "the article of 2021-02-26 embeds a post of 2021-02-25": Question(
        """ASK { ?article a schema:NewsArticle ; schema:datePublished "2021-02-26"^^xsd:date ;
                          schema:hasPart ?post .
                 ?post a schema:SocialMediaPosting ;
                       schema:datePublished "2021-02-25"^^xsd:date . }""",
        ("schema:datePublished", "schema:hasPart"),
    ),
}

#: What must never be found: a bound or an approximation read as a value, a season as a day.
NEVER = {
    "no distance has a schema:value": "ASK { ?leg schema:distance/schema:value ?v }",
    "no approximate count has a schema:value": """
        ASK { ?q schema:unitCode "C62" ; schema:value ?v FILTER(?v > 1000) }""",
    'no event is dated in 2020 ("last spring" is a season)': """
        ASK { ?e schema:startDate|schema:endDate ?d FILTER(YEAR(?d) = 2020) }""",
    "no PROV time is invented from a day": """
        ASK { ?x prov:startedAtTime|prov:endedAtTime|prov:generatedAtTime ?t }""",
}


def expand(name: str) -> URIRef:
    prefix, local = name.split(":")
    return URIRef(PREFIXES[prefix] + local)


@pytest.fixture(scope="module")
def store(built: BuildResult) -> Graph:
    """The union of the named graphs, as a store without reasoning answers over it."""
    union = Graph()
    for name in GRAPHS:
        union += built.dataset.graph(built.iris.graph(name))
    return union


def ask(graph: Graph, query: str) -> bool:
    return bool(graph.query(query, initNs=PREFIXES).askAnswer)


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_a_standard_only_reader_finds_it(store: Graph, name: str) -> None:
    question = QUESTIONS[name]
    assert "djo:" not in question.ask and "w3id.org/djo" not in question.ask
    assert all(term.startswith(("schema:", "prov:")) for term in question.rests_on)
    assert ask(store, question.ask), name


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_it_rests_on_the_standard_terms(store: Graph, built: BuildResult, name: str) -> None:
    question = QUESTIONS[name]
    for term in question.rests_on:
        without = Graph()
        for triple in store.triples((None, None, None)):
            if triple[1] != expand(term):
                without.add(triple)
        assert not ask(without, question.ask), f"{name}: still found without {term}"
    stated = Graph()
    for graph in GRAPHS:
        if graph != "entailed":
            stated += built.dataset.graph(built.iris.graph(graph))
    assert not ask(stated, question.ask), f"{name}: found without the entailed graph"


@pytest.mark.parametrize("name", sorted(NEVER))
def test_a_standard_only_reader_is_never_told_more(store: Graph, name: str) -> None:
    assert not ask(store, NEVER[name]), name
    assert (None, SCHEMA.unitCode, None) in store  # the questions are not vacuous
