"""What the annotation format gained for issue 13 point 5, through the real build: any QUDT unit,
parts of a day, ISO weeks, parts of a year, roles in an event and the platform of a post.

Input: the made-up wire report of the SHACL fixtures
(``tests/validate/fixtures/mini/articles/example-2022-03-04-wire``, fiction, published Friday
4 March 2022), built with the other mini article.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Dataset

from handcar.build import build_dataset
from handcar.namespaces import PREFIXES

MINI = Path(__file__).parents[1] / "validate" / "fixtures" / "mini" / "articles"
W = "https://w3id.org/djo/id/"
PREFIX = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items()) + (
    "PREFIX qk: <http://qudt.org/vocab/quantitykind/>\n"
    f"PREFIX t: <{W}time/example-2022-03-04-wire.>\n"
)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(MINI).dataset


def ask(dataset: Dataset, pattern: str, graph: str | None = None) -> bool:
    """ASK ``pattern`` within one graph (``graph``, else any); ``id:kind/slug`` is a data IRI."""
    pattern = re.sub(r"\bid:([a-z]+/[A-Za-z0-9.-]*[A-Za-z0-9])", rf"<{W}\1>", pattern)
    name = f"<{W}graph/{graph}>" if graph else "?graph"
    where = f"GRAPH {name} {{ {pattern} }}"
    return bool(dataset.query(f"{PREFIX}ASK {{ {where} }}").askAnswer)


def test_half_a_mile_stays_in_miles_and_qudt_describes_the_mile(dataset: Dataset) -> None:
    q = "<https://w3id.org/djo/id/quantity/example-2022-03-04-wire.half-mile>"
    assert ask(dataset, f'{q} djo:unit unit:MI ; djo:approximateValue 0.5 ; '
                        f'schema:unitCode "SMI" .', "asserted")
    assert ask(dataset, 'unit:MI a qudt:Unit ; qudt:hasQuantityKind qk:Length ; '
                        'qudt:conversionMultiplier 1609.344 ; qudt:uneceCommonCode "SMI" .',
               "enrichment")
    assert not ask(dataset, "unit:MI ?p ?o .", "asserted")  # QUDT's words, not the article's
    # the unit's description has its source and a reified fact per triple
    assert ask(dataset, "?f rdf:subject unit:MI ; rdf:predicate qudt:hasQuantityKind ; "
                        "rdf:object qk:Length ; djo:assertedBy ?s . "
                        "?s djo:statedIn id:source/qudt-units .", "provenance")


def test_a_duration_in_weeks_has_its_owl_time_unit(dataset: Dataset) -> None:
    q = "<https://w3id.org/djo/id/quantity/example-2022-03-04-wire.two-weeks>"
    assert ask(dataset, f"{q} a djo:Duration ; djo:unit unit:WK ; time:unitType time:unitWeek ; "
                        'djo:approximateValue 2.0 ; schema:unitCode "WEE" .')
    assert not ask(dataset, f"{q} time:numericDuration ?n .")  # about two weeks: not exact


def test_wednesday_morning_is_the_day_and_a_part_of_it(dataset: Dataset) -> None:
    assert ask(dataset, 't:wednesday-morning.description time:unitType time:unitDay ; '
                        'time:day "---02"^^xsd:gDay ; djo:partOfDay djo:morning .')
    assert ask(dataset, '<https://w3id.org/djo/id/event/example-2022-03-04-wire.push> '
                        'djo:date "2022-03-02"^^xsd:date .')
    assert not ask(dataset, "t:wednesday-morning.description time:hour ?h .")


def test_this_week_is_an_iso_week_with_its_first_and_last_day(dataset: Dataset) -> None:
    assert ask(dataset, 't:this-week.description time:unitType time:unitWeek ; '
                        'time:week "9"^^xsd:nonNegativeInteger ; time:year "2022"^^xsd:gYear .')
    assert ask(dataset, 't:this-week time:hasBeginning/time:inXSDDate "2022-02-28"^^xsd:date ; '
                        'time:hasEnd/time:inXSDDate "2022-03-06"^^xsd:date .')
    assert not ask(dataset, '<https://w3id.org/djo/id/event/example-2022-03-04-wire.arrival> '
                            'djo:date ?day .')  # a week is not a day


def test_early_2022_is_the_year_and_its_early_part(dataset: Dataset) -> None:
    assert ask(dataset, 't:early-2022.description time:unitType time:unitYear ; '
                        'time:year "2022"^^xsd:gYear ; djo:periodPart djo:earlyPart .')
    assert not ask(dataset, "t:early-2022.description time:month ?m .")
    assert ask(dataset, 't:early-2022 rdfs:label "early 2022"@en .')


# what the report describes without a name is its own (issue 13): scoped IRIs
WIRE = "https://w3id.org/djo/id/{}/example-2022-03-04-wire.{}"
PUSHERS = f"<{WIRE.format('group', 'two-pushers')}>"
PUSHING = f"<{WIRE.format('concept', 'pushing')}>"
POST = f"<{WIRE.format('source', 'officials-post')}>"


def test_two_people_doing_the_pushing(dataset: Dataset) -> None:
    assert ask(dataset, f"""
        <https://w3id.org/djo/id/event/example-2022-03-04-wire.push>
            djo:hasParticipation ?p ; djo:participant {PUSHERS} .
        ?p a djo:Participation ; djo:participationAgent {PUSHERS} ;
           djo:inRole {PUSHING} .
        {PUSHING} a djo:EventRole .""", "asserted")
    assert ask(dataset, f"?p prov:agent {PUSHERS} ; prov:hadRole {PUSHING} .",
               "entailed")
    # the participation rests on its words
    assert ask(dataset, f"""?f rdf:predicate djo:inRole ; djo:assertedBy ?s .
        ?s djo:hasEvidence ?e ; djo:statedIn {POST} .""", "provenance")


def test_posted_on_telegram(dataset: Dataset) -> None:
    assert ask(dataset, f"{POST} djo:postedOn id:org/telegram . "
                        "id:org/telegram a djo:Platform .", "asserted")
    assert ask(dataset, f"{POST} schema:provider id:org/telegram .", "entailed")
    assert not ask(dataset, f"{POST} schema:publisher|schema:author "
                            "id:org/telegram .")
