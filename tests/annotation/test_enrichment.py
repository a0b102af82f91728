"""load_enrichment: facts from outside the article, checked against the annotation's things."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDFS

from handcar.annotation.checked import Ref
from handcar.annotation.enrichment import EnrichmentFact
from handcar.annotation.model import IriValue, LangString
from handcar.namespaces import DJO

from .conftest import ENRICHMENT, Fiction, edit, line_of


def test_the_checked_enrichment(fiction: Fiction) -> None:
    enrichment = fiction.enrich()
    assert [(s.id, s.label, s.url) for s in enrichment.sources] == [
        ("wikidata", "Wikidata", "https://www.wikidata.org/"),
        ("curators", "the curators", None),
    ]
    assert enrichment.facts == (
        EnrichmentFact(
            "ilse-marrow",
            OWL.sameAs,
            IriValue(iri="http://www.wikidata.org/entity/Q4242424242"),
            "wikidata",
        ),
        EnrichmentFact(
            "ilse-marrow", RDFS.label, LangString(value="Ильзе Марроу", lang="ru"), "curators"
        ),
        EnrichmentFact("boat-leg", DJO.traveller, Ref("ilse-marrow"), "curators"),
    )


SAME_AS = (
    '  - [ilse-marrow, owl:sameAs, {iri: "http://www.wikidata.org/entity/Q4242424242"}, wikidata]\n'
)
TRAVELLER = "  - [boat-leg, traveller, ilse-marrow, curators]\n"

ERRORS = [
    (
        "undefined-subject",
        TRAVELLER,
        "  - [boat-trip, traveller, ilse-marrow, curators]\n",
        "boat-trip",
        "reference to undefined entity 'boat-trip'",
    ),
    (
        "not-a-thing",  # quantities, times and statements are not enriched
        TRAVELLER,
        "  - [boat-hours, traveller, ilse-marrow, curators]\n",
        "boat-hours",
        "'boat-hours' is a quantity: enrichment facts are about the annotation's entities and"
        " events",
    ),
    (
        "unknown-source",
        TRAVELLER,
        "  - [boat-leg, traveller, ilse-marrow, almanac]\n",
        "almanac",
        "unknown source 'almanac': declare it under sources",
    ),
    (
        "unknown-property",
        TRAVELLER,
        "  - [boat-leg, passenger, ilse-marrow, curators]\n",
        "passenger",
        "'passenger' is not a property of the ontology",
    ),
    (
        "undefined-object",
        TRAVELLER,
        "  - [boat-leg, traveller, the-keeper, curators]\n",
        "the-keeper",
        "reference to undefined entity 'the-keeper'",
    ),
    (
        "same-as-not-wikidata",
        SAME_AS,
        '  - [ilse-marrow, owl:sameAs, {iri: "https://example.org/ilse"}, wikidata]\n',
        "example.org/ilse",
        "owl:sameAs must point to a Wikidata entity IRI, not https://example.org/ilse",
    ),
    (
        "schema",
        TRAVELLER,
        "  - [boat-leg, traveller, ilse-marrow]\n",
        "[boat-leg, traveller, ilse-marrow]",
        "facts.2.3: Field required",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_each_rule_is_an_error_at_its_line(
    fiction: Fiction, old: str, new: str, needle: str, message: str
) -> None:
    text = edit(old, new, ENRICHMENT)
    error = fiction.enrichment_error(text)
    assert (error.line, error.message) == (line_of(text, needle), message)


def test_every_problem_is_listed_with_the_closest_names(fiction: Fiction) -> None:
    """``handcar check`` lists every problem of an enrichment file (the build stops at the
    first), each misspelt id with the closest declared ones."""
    from handcar.annotation.enrichment import check_enrichment
    from handcar.vocabulary import vocabulary

    text = edit(TRAVELLER, "  - [boat-lag, traveller, ilse-maro, curatorz]\n", ENRICHMENT)
    fiction.enrichment_path.write_text(text, encoding="utf-8")
    checked, problems = check_enrichment(fiction.enrichment_path, fiction.resolve(),
                                         vocabulary())
    assert checked is None
    assert [(p.message, p.hint) for p in problems] == [
        ("reference to undefined entity 'boat-lag'",
         "did you mean boat-leg? name an entity or event of the annotation"),
        ("unknown source 'curatorz': declare it under sources", "did you mean curators?"),
        ("reference to undefined entity 'ilse-maro'",
         "did you mean ilse-marrow? name an entity or event of the annotation"),
    ]


def test_a_fact_is_checked_subject_source_property_object(fiction: Fiction) -> None:
    text = edit(TRAVELLER, "  - [nobody, passenger, nothing, almanac]\n", ENRICHMENT)
    assert fiction.enrichment_error(text).message == "reference to undefined entity 'nobody'"
    text = edit(TRAVELLER, "  - [boat-leg, passenger, nothing, almanac]\n", ENRICHMENT)
    assert fiction.enrichment_error(text).message.startswith("unknown source 'almanac'")
    text = edit(TRAVELLER, "  - [boat-leg, passenger, nothing, curators]\n", ENRICHMENT)
    assert fiction.enrichment_error(text).message == "'passenger' is not a property of the ontology"
