"""Mutation testing: break handcar's published dataset in many realistic ways; the shapes must
catch every mutant.

Each mutation changes the built seed dataset (the union of its named graphs) as a builder bug or
a bad curation would: it drops a required property, writes a wrong datatype or class, breaks the
chain of legs, points a fact at a claim that does not exist, shifts an offset, dates an event
after the article... A mutant is *caught* when validation gives a result, at or above the
mutation's severity, that the unmutated dataset does not give. The score is printed (run with
``-s``) and must be 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from validate_harness import PREFIXES as BASE_PREFIXES
from validate_harness import result_key, show

from handcar.ontology import Ontology
from handcar.rdfterms import to_rdflib
from handcar.validate.engine import DataGraph, prepare, run
from handcar.validate.report import Report, Severity
from handcar.validate.shapes import Shapes

A = "moscow-times-2021-02-26-handcar"
B = "https://w3id.org/djo/id/"
PREFIXES = {
    **{k: v for k, v in BASE_PREFIXES.items() if not v.startswith(B)},
    "ev": f"{B}event/{A}.", "qt": f"{B}quantity/{A}.", "tm": f"{B}time/{A}.",
    "iv": f"{B}interval/{A}.", "st": f"{B}statement/{A}.", "evd": f"{B}evidence/{A}.",
    "fact": f"{B}fact/{A}.", "pl": f"{B}place/", "og": f"{B}org/", "gr": f"{B}group/",
    "pe": f"{B}person/", "ve": f"{B}vehicle/", "src": f"{B}source/", "tx": f"{B}text/",
    # what the article describes without a name is its own (issue 13): scoped like events
    "apl": f"{B}place/{A}.", "ave": f"{B}vehicle/{A}.", "asrc": f"{B}source/{A}.",
}
HEADER = "".join(f"@prefix {p}: <{n}> .\n" for p, n in PREFIXES.items())
ARTICLE = f"src:{A}"


def _iri(name: str) -> URIRef:
    prefix, local = name.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def _turtle(text: str) -> list:
    terms: dict = {}
    out = []
    for quad in ox.parse(HEADER + text, format=ox.RdfFormat.TURTLE):
        triple = []
        for term in (quad.subject, quad.predicate, quad.object):
            if term not in terms:
                terms[term] = to_rdflib(term, "mut")
            triple.append(terms[term])
        out.append(tuple(triple))
    return out


@dataclass(frozen=True)
class Mutation:
    id: str
    kind: str
    add: str = ""
    delete: str = ""
    drop: tuple[str, ...] = ()  # "subject predicate": remove every value
    severity: Severity = Severity.VIOLATION


MUTATIONS = [
    Mutation("article-date-dropped", "drop a required property",
             drop=(f"{ARTICLE} schema:datePublished",)),
    Mutation("headline-dropped", "drop a required property", drop=(f"{ARTICLE} schema:headline",)),
    Mutation("leg-index-as-string", "wrong datatype",
             delete='ev:leg-1-train djo:legIndex "1"^^xsd:positiveInteger .',
             add='ev:leg-1-train djo:legIndex "1" .'),
    Mutation("distance-as-integer", "wrong datatype",
             delete='qt:handcar-distance-ministry djo:minExclusive "1.0"^^xsd:decimal .',
             add='qt:handcar-distance-ministry djo:minExclusive "1"^^xsd:integer .'),
    Mutation("origin-is-a-person", "wrong class",
             delete="ev:leg-1-train djo:origin pl:pyongyang .",
             add="ev:leg-1-train djo:origin pe:varya ."),
    Mutation("origin-is-a-person-entailed", "wrong class (with range entailment)",
             delete="ev:leg-1-train djo:origin pl:pyongyang .",
             add="ev:leg-1-train djo:origin pe:varya . pe:varya a djo:Place ."),
    Mutation("bus-leg-by-train", "wrong class",
             delete="ev:leg-2-bus djo:vehicle ave:handcar-bus-to-border .",
             add="ev:leg-2-bus djo:vehicle ave:handcar-train ."),
    Mutation("chain-broken", "break the leg chain", drop=("ev:leg-2-bus djo:nextLeg",)),
    Mutation("legs-disconnected", "break the leg chain",
             delete="ev:leg-4-bus djo:origin apl:handcar-end-russian-side .",
             add="ev:leg-4-bus djo:origin pl:pyongyang ."),
    Mutation("leg-numbers-swapped", "break the leg chain",
             delete='ev:leg-1-train djo:legIndex "1"^^xsd:positiveInteger . '
                    'ev:leg-2-bus djo:legIndex "2"^^xsd:positiveInteger .',
             add='ev:leg-1-train djo:legIndex "2"^^xsd:positiveInteger . '
                 'ev:leg-2-bus djo:legIndex "1"^^xsd:positiveInteger .'),
    Mutation("same-country-both-sides", "same country on both sides",
             delete="ev:border-crossing djo:toCountry pl:russia .",
             add="ev:border-crossing djo:toCountry pl:north-korea ."),
    Mutation("border-of-one-country", "same country on both sides",
             delete="apl:russia-north-korea-border djo:borderBetween pl:russia ."),
    Mutation("crossing-leg-wrong-country", "border crossing against its leg",
             delete="apl:handcar-end-russian-side djo:inCountry pl:russia .",
             add="apl:handcar-end-russian-side djo:inCountry pl:north-korea ."),
    Mutation("offset-shifted", "corrupt an offset",
             delete='evd:legs.position oa:start "1230"^^xsd:nonNegativeInteger .',
             add='evd:legs.position oa:start "1231"^^xsd:nonNegativeInteger .'),
    Mutation("quote-edited", "corrupt a quote", drop=("evd:legs.quote oa:exact",),
             add='evd:legs.quote oa:exact "Their journey began with a 23-hour train ride." .'),
    Mutation("text-edited", "corrupt the published text", drop=(f"tx:{A} nif:isString",),
             add=f'tx:{A} nif:isString "Russian Diplomats Push a Handcar" .'),
    Mutation("fact-claim-dangling", "dangling reference", drop=("fact:legs.1 djo:assertedBy",),
             add="fact:legs.1 djo:assertedBy st:no-such-statement ."),
    Mutation("anchor-target-dangling", "dangling reference", drop=("evd:legs oa:hasTarget",),
             add="evd:legs oa:hasTarget evd:no-such-target ."),
    Mutation("lower-bound-above-upper", "a lower bound above the value",
             add='qt:handcar-distance-ministry djo:maxInclusive "0.5"^^xsd:decimal .'),
    Mutation("value-below-its-bound", "a lower bound above the value",
             add='qt:train-hours djo:minInclusive "40.0"^^xsd:decimal .'),
    Mutation("negative-duration", "durations positive",
             delete='qt:bus-hours djo:numericValue "2.0"^^xsd:decimal ; '
                    'time:numericDuration "2.0"^^xsd:decimal .',
             add='qt:bus-hours djo:numericValue "-2.0"^^xsd:decimal ; '
                 'time:numericDuration "-2.0"^^xsd:decimal .'),
    Mutation("event-in-the-future", "a future date",
             delete='ev:border-crossing djo:date "2021-02-25"^^xsd:date .',
             add='ev:border-crossing djo:date "2021-03-01"^^xsd:date .'),
    Mutation("post-from-the-future", "a future date",
             drop=("asrc:novaya-gazeta-post-2021-02-25 schema:datePublished",),
             add='asrc:novaya-gazeta-post-2021-02-25 schema:datePublished '
                 '"2021-02-27"^^xsd:date .'),
    Mutation("unattributed-statement", "an unattributed statement", drop=("st:legs djo:statedBy",)),
    Mutation("statement-without-source", "a statement derived from no source",
             drop=("st:legs djo:statedIn",)),
    Mutation("fact-without-claim", "a fact without evidence", drop=("fact:legs.1 djo:assertedBy",)),
    Mutation("claim-without-evidence", "a fact without evidence",
             drop=("st:legs djo:hasEvidence", "st:legs djo:reportedIn")),
    Mutation("triple-without-claim", "a fact without evidence",
             add="ev:leg-1-train djo:via apl:tumen-river-bridge ."),
    Mutation("claimed-triple-missing", "a fact without its triple",
             delete="ev:journey djo:hasLeg ev:leg-1-train ."),
    Mutation("wikidata-page", "pattern", drop=("pl:russia owl:sameAs",),
             add="pl:russia owl:sameAs <https://www.wikidata.org/wiki/Q159> ."),
    Mutation("language-tag", "pattern", add='pl:russia rdfs:label "Rossiya"@russian .'),
    Mutation("unnamed-place-named", "ontology restriction",
             add='apl:handcar-end-russian-side schema:name "Khasan"@en .'),
    Mutation("qualifier-mismatch", "controlled values",
             delete="qt:handcar-distance-ministry djo:valueQualifier djo:moreThan .",
             add="qt:handcar-distance-ministry djo:valueQualifier djo:exactly ."),
    Mutation("unknown-unit", "controlled values",
             delete="qt:varya-age djo:unit unit:YR .", add="qt:varya-age djo:unit unit:SEC ."),
    Mutation("two-origins", "cardinality", add="ev:leg-1-train djo:origin pl:vladivostok ."),
    Mutation("person-typed-as-place", "disjoint classes", add="pe:vladislav-sorokin a djo:Place ."),
    Mutation("count-in-kilometres", "wrong unit",
             delete="qt:staff-count djo:unit unit:NUM .",
             add="qt:staff-count djo:unit unit:KiloM ."),
    Mutation("mission-hosts-itself", "property pair",
             delete="og:russian-embassy-pyongyang djo:hostCountry pl:north-korea .",
             add="og:russian-embassy-pyongyang djo:hostCountry pl:russia ."),
    Mutation("journey-starts-elsewhere", "journey and legs disagree", severity=Severity.WARNING,
             delete="ev:journey djo:origin pl:pyongyang .",
             add="ev:journey djo:origin pl:vladivostok ."),
]


def _apply(graph: DataGraph, mutation: Mutation, ontology: Ontology) -> tuple[list, list]:
    removed = _turtle(mutation.delete) if mutation.delete else []
    for pair in mutation.drop:
        subject, predicate = pair.split()
        removed += list(graph.triples((_iri(subject), _iri(predicate), None)))
    for triple in removed:
        assert triple in graph, f"{mutation.id}: {triple} is not in the seed"
        graph.remove(triple)
    added = [t for t in (_turtle(mutation.add) if mutation.add else []) if t not in graph]
    for triple in added:
        graph.add(triple)
    return removed, added + prepare(graph, ontology)


def _keys(report: Report, threshold: Severity) -> set:
    return {result_key(report, r) for r in report.results if r.severity >= threshold}


@pytest.fixture(scope="module")
def baseline(seed: DataGraph, shapes: Shapes, ontology: Ontology) -> Report:
    return run(seed, shapes, ontology, prepared=True)


def test_at_least_25_kinds_of_mutation() -> None:
    assert len({m.id for m in MUTATIONS}) == len(MUTATIONS) >= 25
    assert len({m.kind for m in MUTATIONS}) >= 25


@pytest.mark.slow  # ~40 s: one validation of the seed per mutant
def test_every_mutant_is_caught(seed: DataGraph, shapes: Shapes, ontology: Ontology,
                                baseline: Report) -> None:
    survivors = []
    caught_by: dict[str, set] = {}
    for mutation in MUTATIONS:
        removed, added = _apply(seed, mutation, ontology)
        try:
            report = run(seed, shapes, ontology, prepared=True)
        finally:
            for triple in added:
                seed.remove(triple)
            for triple in removed:
                seed.add(triple)
        new = _keys(report, mutation.severity) - _keys(baseline, mutation.severity)
        caught_by[mutation.id] = new
        if not new:
            survivors.append(mutation.id)
    caught = len(MUTATIONS) - len(survivors)
    print(f"\nmutation score: {caught}/{len(MUTATIONS)} mutants caught "
          f"({100 * caught / len(MUTATIONS):.0f} %), {len({m.kind for m in MUTATIONS})} kinds")
    for mutation in MUTATIONS:
        shapes_hit = sorted({k[4] for k in caught_by[mutation.id]})
        print(f"  {'caught' if caught_by[mutation.id] else 'SURVIVED':8} {mutation.id:32} "
              f"({mutation.kind}) by {', '.join(shapes_hit) or '-'}")
    assert not survivors, f"mutants not caught: {survivors}"


def test_the_seed_is_left_as_it_was(seed: DataGraph, shapes: Shapes, ontology: Ontology,
                                    baseline: Report) -> None:
    after = run(seed, shapes, ontology, prepared=True)
    assert _keys(after, Severity.INFO) == _keys(baseline, Severity.INFO), show(
        _keys(after, Severity.INFO) ^ _keys(baseline, Severity.INFO))
