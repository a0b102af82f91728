"""add_enrichment: checked enrichment into its own graph, with its provenance, never asserted."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, Dataset, Literal, URIRef

from handcar.annotation.checked import Ref
from handcar.annotation.enrichment import CheckedEnrichment, EnrichmentFact, EnrichmentSource
from handcar.annotation.model import IriValue, LangString
from handcar.graph.dataset import new_dataset
from handcar.graph.enrichment import add_enrichment
from handcar.graph.iris import Iris
from handcar.namespaces import DJO, SCHEMA

from .conftest import BASE

# fiction: made-up sources and facts about the made-up things of conftest.py
WALK, GAZETTE = URIRef(BASE + "event/two-legs.walk"), URIRef(BASE + "org/dune-gazette")
ENRICHMENT = CheckedEnrichment(
    sources=(
        EnrichmentSource(id="atlas", label="An Atlas", url="https://example.org/atlas"),
        EnrichmentSource(id="curators", label="the curators", note="made up"),
    ),
    facts=(
        EnrichmentFact("dune-gazette", OWL.sameAs, IriValue(iri="http://example.org/q"), "atlas"),
        EnrichmentFact("walk", RDFS.label, LangString(value="Marsch", lang="de"), "curators"),
        EnrichmentFact("walk", DJO.participant, Ref("dune-gazette"), "curators"),
    ),
)


@pytest.fixture(scope="module")
def dataset(iris: Iris) -> Dataset:
    dataset = new_dataset()
    things = {"walk": WALK, "dune-gazette": GAZETTE}
    add_enrichment(dataset, iris, "two-legs", ENRICHMENT, things)
    return dataset


def graph(dataset: Dataset, name: str) -> set[tuple]:
    return set(dataset.graph(URIRef(BASE + "graph/" + name)))


def test_facts_go_to_the_enrichment_graph_only(dataset: Dataset) -> None:
    assert graph(dataset, "enrichment") == {
        (GAZETTE, OWL.sameAs, URIRef("http://example.org/q")),
        (WALK, RDFS.label, Literal("Marsch", lang="de")),
        (WALK, DJO.participant, GAZETTE),
    }
    assert graph(dataset, "asserted") == set()


def test_each_fact_is_asserted_by_its_source_statement(dataset: Dataset) -> None:
    prov = graph(dataset, "provenance")
    fact = URIRef(BASE + "fact/two-legs.enrichment.3")
    assert {t for t in prov if t[0] == fact} == {
        (fact, RDF.type, RDF.Statement),
        (fact, RDF.subject, WALK),
        (fact, RDF.predicate, DJO.participant),
        (fact, RDF.object, GAZETTE),
        (fact, DJO.assertedBy, URIRef(BASE + "statement/two-legs.enrichment.curators")),
    }


def test_sources_and_the_curators(dataset: Dataset) -> None:
    prov = graph(dataset, "provenance")
    atlas = URIRef(BASE + "source/atlas")
    curators = URIRef(BASE + "org/handcar-curators")
    statement = URIRef(BASE + "statement/two-legs.enrichment.atlas")
    assert {
        (atlas, RDF.type, DJO.Source),
        (atlas, RDFS.label, Literal("An Atlas", lang="en")),
        (atlas, SCHEMA.url, Literal("https://example.org/atlas", datatype=rdflib.XSD.anyURI)),
        (statement, RDF.type, DJO.Statement),
        (statement, DJO.statedBy, curators),
        (statement, DJO.statedIn, atlas),
        (statement, RDFS.label, Literal("enrichment from An Atlas", lang="en")),
        (curators, RDF.type, DJO.Organization),
        (URIRef(BASE + "source/curators"), RDFS.comment, Literal("made up", lang="en")),
    } <= prov
