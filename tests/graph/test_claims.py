"""build_claims: a checked annotation in, claims with IRIs and the triples they support out."""

from __future__ import annotations

import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef

from handcar.annotation.checked import CheckedAnnotation
from handcar.graph.claims import ArticleClaims, Claim, Declared, build_claims
from handcar.graph.iris import Iris
from handcar.namespaces import DJO, SCHEMA, TIME, UNIT
from handcar.vocabulary import vocabulary

from .conftest import BASE


def iri(path: str) -> URIRef:
    return URIRef(BASE + path)


@pytest.fixture(scope="module")
def claims(checked: CheckedAnnotation, iris: Iris) -> ArticleClaims:
    return build_claims(checked, vocabulary(), iris)


@pytest.fixture(scope="module")
def by_local(claims: ArticleClaims) -> dict[str, Claim]:
    return {claim.local: claim for claim in claims.claims}


def test_one_claim_per_item_in_order(claims: ArticleClaims) -> None:
    assert [c.local for c in claims.claims] == [
        "dune-gazette",
        "walk",
        "train",
        "walk-days",
        "train-hours",
        "thursday",
        "last-spring",
        "journey",
        "closure",
    ]


def test_iris_entities_by_kind_the_rest_scoped_to_the_article(claims: ArticleClaims) -> None:
    assert claims.publisher == iri("org/dune-gazette")
    assert claims.things == {
        "dune-gazette": iri("org/dune-gazette"),
        "walk": iri("event/two-legs.walk"),
        "train": iri("event/two-legs.train"),
    }
    assert (claims.post, claims.photo, claims.meta.language) == (None, None, "en")
    assert not claims.unnamed_publisher


def test_a_claim_names_who_says_it_where_and_its_words(
    claims: ArticleClaims, by_local: dict[str, Claim]
) -> None:
    walk = by_local["walk"]
    assert walk.iri == iri("statement/two-legs.walk")
    assert walk.agent == iri("org/dune-gazette")
    assert walk.source == iri("source/two-legs")  # the article itself
    assert claims.article.text[walk.anchor.start : walk.anchor.end] == "the walk"


def test_things_types_names_and_one_label(
    claims: ArticleClaims, by_local: dict[str, Claim]
) -> None:
    gazette, walk, train = (
        iri("org/dune-gazette"),
        iri("event/two-legs.walk"),
        iri("event/two-legs.train"),
    )
    assert by_local["dune-gazette"].triples == [
        (gazette, RDF.type, DJO.NewsOrganization),
        (gazette, SCHEMA.name, Literal("The Dune Gazette", lang="en")),
        (gazette, RDFS.label, Literal("The Dune Gazette", lang="en")),
    ]
    assert by_local["walk"].triples == [
        (walk, RDF.type, DJO.WalkingLeg),
        (walk, DJO.referredToAs, Literal("the walk", lang="en")),
        (walk, RDFS.label, Literal("the walk", lang="en")),
    ]
    # a label the curator wrote is not the article's claim: it is kept apart, for the curators
    assert by_local["train"].triples == [(train, RDF.type, DJO.TrainLeg)]
    assert claims.labels == [(train, RDFS.label, Literal("the train leg", lang="en"))]


def test_a_duration_quantity(by_local: dict[str, Claim]) -> None:
    days, hours = iri("quantity/two-legs.walk-days"), iri("quantity/two-legs.train-hours")
    assert by_local["walk-days"].triples == [
        (days, RDF.type, DJO.QuantityValue),
        (days, DJO.unit, UNIT.DAY),
        (days, DJO.valueQualifier, DJO.exactly),
        (days, DJO.numericValue, Literal("3.0", datatype=rdflib.XSD.decimal)),
        (days, SCHEMA.unitCode, Literal("DAY")),
        (days, RDF.type, DJO.Duration),
        (days, RDF.type, TIME.Duration),
        (days, TIME.unitType, TIME.unitDay),
        (days, TIME.numericDuration, Literal("3.0", datatype=rdflib.XSD.decimal)),
        (days, DJO.xsdDuration, Literal("P3D", datatype=rdflib.XSD.dayTimeDuration)),
    ]
    assert (
        hours,
        DJO.xsdDuration,
        Literal("PT5H", datatype=rdflib.XSD.dayTimeDuration),
    ) in by_local["train-hours"].triples
    assert (hours, SCHEMA.unitCode, Literal("HUR")) in by_local["train-hours"].triples


def test_times_day_and_season(by_local: dict[str, Claim]) -> None:
    thursday = iri("time/two-legs.thursday")
    desc = iri("time/two-legs.thursday.description")
    assert by_local["thursday"].triples == [
        (thursday, RDF.type, TIME.DateTimeInterval),
        (thursday, TIME.hasDateTimeDescription, desc),
        (thursday, RDFS.label, Literal("2021-06-03", lang="en")),
        (desc, RDF.type, TIME.DateTimeDescription),
        (desc, TIME.unitType, TIME.unitDay),
        (desc, TIME.year, Literal("2021", datatype=rdflib.XSD.gYear)),
        (desc, TIME.month, Literal("--06", datatype=rdflib.XSD.gMonth)),
        (desc, TIME.day, Literal("---03", datatype=rdflib.XSD.gDay)),
    ]
    spring = iri("time/two-legs.last-spring")
    triples = by_local["last-spring"].triples
    assert (spring, RDFS.label, Literal("spring 2020", lang="en")) in triples
    assert (iri("time/two-legs.last-spring.description"), DJO.season, DJO.spring) in triples


def test_facts_and_what_they_imply(by_local: dict[str, Claim]) -> None:
    walk, train = iri("event/two-legs.walk"), iri("event/two-legs.train")
    walk_interval, train_interval = iri("interval/two-legs.walk"), iri("interval/two-legs.train")
    assert by_local["journey"].triples == [
        (walk, DJO.nextLeg, train),
        (walk, DJO.hasInterval, walk_interval),
        (walk_interval, RDF.type, TIME.ProperInterval),
        (train, DJO.hasInterval, train_interval),
        (train_interval, RDF.type, TIME.ProperInterval),
        (walk, DJO.duration, iri("quantity/two-legs.walk-days")),
        (walk, DJO.hasInterval, walk_interval),
        (walk_interval, RDF.type, TIME.ProperInterval),
        (walk_interval, TIME.hasDuration, iri("quantity/two-legs.walk-days")),
        (train, DJO.during, iri("time/two-legs.thursday")),
        (train, DJO.date, Literal("2021-06-03", datatype=rdflib.XSD.date)),  # known to the day
        (walk, DJO.during, iri("time/two-legs.last-spring")),  # a season: no date implied
        (train, DJO.beganDuring, iri("time/two-legs.thursday")),
        (train, DJO.startDate, Literal("2021-06-03", datatype=rdflib.XSD.date)),  # began on it
        (walk, DJO.endedDuring, iri("time/two-legs.last-spring")),  # a season: no end date
        (train, DJO.legIndex, Literal("2", datatype=rdflib.XSD.positiveInteger)),
        (train, DJO.hashtag, Literal("homeward")),  # a plain string: no datatype written
        (train, DJO.url, Literal("https://example.org/t", datatype=rdflib.XSD.anyURI)),
        (walk, DJO.referredToAs, Literal("Fußweg", lang="de")),
        (walk, DJO.numericValue, Literal("2.5", datatype=rdflib.XSD.decimal)),
        (walk, DJO.date, Literal("2021-06-01", datatype=rdflib.XSD.date)),
        (walk, DJO.about, URIRef("https://example.org/dunes")),
    ]


def test_literals_keep_their_canonical_lexical_form(by_local: dict[str, Claim]) -> None:
    triples = by_local["journey"].triples
    index = next(o for _s, p, o in triples if p == DJO.legIndex)
    assert str(index) == "2"  # 2.0 written as a whole number
    number = next(o for _s, p, o in triples if p == DJO.numericValue)
    assert str(number) == "2.5"
    days = by_local["walk-days"].triples
    duration = next(o for _s, p, o in days if p == DJO.xsdDuration)
    assert str(duration) == "P3D"  # not normalised by rdflib


def test_notes_readings_and_declared_relations(claims: ArticleClaims) -> None:
    (note,) = claims.notes
    assert (note.id, note.reason, note.anchor.exact) == (
        "not-modelled-1",
        "scenery",
        "Last spring the",
    )
    assert claims.declared == [
        Declared(
            iri("quantity/two-legs.walk-days"),
            iri("quantity/two-legs.train-hours"),
            "differentQuestions",
            "fiction",
        )
    ]
    # every value a statement gives for a property of a thing is a reading, with its interval
    walk = next(r for r in claims.readings if r.value == str(iri("quantity/two-legs.walk-days")))
    assert (walk.subject, walk.property) == (str(iri("event/two-legs.walk")), str(DJO.duration))
    assert walk.interval.describe() == "259200 s"
    assert {r.property for r in claims.readings} == {
        str(DJO.duration), str(DJO.during), str(DJO.beganDuring), str(DJO.endedDuring)}
