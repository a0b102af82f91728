"""The competency questions: one SPARQL file per question in queries/, listed in
ontology/README.md, written against the published data's shape and answered on the sample
dataset in tests/ontology/data (the union of its named graphs, no inference)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from djo_helpers import DJO, ONTOLOGY_README, QUERIES_DIR, is_djo
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.plugins.sparql import prepareQuery

QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq"))
NAME = re.compile(r"^cq(\d{2})-[a-z0-9]+(-[a-z0-9]+)*\.rq$")
PREFIX = re.compile(r"^PREFIX\s+(\w*):\s*<([^>]+)>", re.MULTILINE)


def number(path: Path) -> int:
    match = NAME.match(path.name)
    assert match, f"{path.name}: name must be cqNN-<slug>.rq"
    return int(match.group(1))


def run(sample, path: Path) -> list[dict[str, object]]:
    result = sample.query(path.read_text(encoding="utf-8"))
    return [{str(k): row[k] for k in result.vars} for row in result]


def query_file(n: int) -> Path:
    found = [p for p in QUERY_FILES if number(p) == n]
    assert len(found) == 1, f"one query file for CQ{n}"
    return found[0]


def test_at_least_sixteen_questions_numbered_without_gaps():
    numbers = [number(p) for p in QUERY_FILES]
    assert len(numbers) >= 16
    assert numbers == list(range(1, len(numbers) + 1))


def test_readme_lists_the_same_questions():
    readme = ONTOLOGY_README.read_text(encoding="utf-8")
    listed = sorted({int(n) for n in re.findall(r"\*\*CQ(\d+)\*\*", readme)})
    assert listed == [number(p) for p in QUERY_FILES]
    for path in QUERY_FILES:
        assert path.name in readme, f"ontology/README.md does not link {path.name}"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_query_file_shape(path, djo_declared):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    n = number(path)
    assert lines[0].startswith(f"# CQ{n}: ") and lines[0].rstrip().endswith("?"), lines[0]
    assert lines[1].startswith("# Expected: ") and len(lines[1]) > 30, lines[1]
    query = prepareQuery(text)
    assert query.algebra.name == "SelectQuery"
    assert not re.search(r"^\s*GRAPH\b|\sGRAPH\s*[?<]", text, re.MULTILINE), "query the union"
    prefixes = dict(PREFIX.findall(text))
    assert prefixes.get("djo") == DJO
    body = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    used = {URIRef(DJO + local) for local in re.findall(r"\bdjo:(\w+)", body)}
    used |= {URIRef(iri) for iri in re.findall(r"<(https://w3id\.org/djo#\w+)>", body)}
    unknown = sorted(str(t) for t in used if t not in djo_declared)
    assert not unknown, f"{path.name} uses terms the ontology does not declare: {unknown}"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_query_answers_on_the_sample(sample, path):
    assert run(sample, path), f"{path.name} returns nothing on the sample dataset"


# --- expected answers (as the # Expected: lines state them) ---------------------------------------


def texts(rows, key):
    return {str(r[key]) for r in rows if r.get(key) is not None}


def test_cq1_post_and_rank(sample):
    rows = run(sample, query_file(1))
    assert texts(rows, "rankLabel") == {"Third Secretary"}
    assert texts(rows, "organizationLabel") == {"Russia's Embassy in Pyongyang"}
    assert texts(rows, "parentLabel") == {"Russian Foreign Ministry"}


def test_cq2_child_and_age(sample):
    rows = run(sample, query_file(2))
    assert texts(rows, "childLabel") == {"Varya"}
    assert {r["age"].toPython() for r in rows} == {Decimal(3)}
    assert texts(rows, "ageUnit") == {"http://qudt.org/vocab/unit/YR"}


def test_cq5_legs_in_order(sample):
    rows = run(sample, query_file(5))
    assert [int(r["index"]) for r in rows] == [1, 2, 3, 4]
    assert [str(r["mode"])[len(DJO) :] for r in rows] == [
        "TrainLeg",
        "BusLeg",
        "HandcarLeg",
        "BusLeg",
    ]
    assert [r["meetsNext"] for r in rows[:3]] == [Literal(True)] * 3
    assert rows[2]["viaLabel"] == Literal("the bridge across the Tumen River", lang="en")


def test_cq6_durations(sample):
    rows = {int(r["index"]): r for r in run(sample, query_file(6))}
    assert rows[1]["exact"].toPython() == Decimal(32)
    assert rows[2]["exact"].toPython() == Decimal(2)
    assert rows[3]["exact"] is None and rows[4]["exact"] is None


def test_cq7_distance_is_a_bound(sample):
    rows = run(sample, query_file(7))
    bounded = [r for r in rows if r["minExclusive"] is not None]
    assert len(bounded) == 1
    assert bounded[0]["minExclusive"].toPython() == Decimal(1)
    assert bounded[0]["exact"] is None and bounded[0]["maxExclusive"] is None
    assert bounded[0]["qualifier"] == URIRef(DJO + "moreThan")


def test_cq8_border_crossing(sample):
    (row,) = run(sample, query_file(8))
    assert str(row["date"]) == "2021-02-25"
    assert (str(row["fromLabel"]), str(row["toLabel"])) == ("North Korea", "Russia")
    assert str(row["riverLabel"]) == "Tumen River"
    assert int(row["legIndex"]) == 3


def test_cq9_unnamed_places_have_no_name(sample):
    rows = run(sample, query_file(9))
    assert "the bridge across the Tumen River" in texts(rows, "referredToAs")
    assert all(r["hasName"] == Literal(False) for r in rows)


def test_cq12_partial_dates(sample):
    rows = run(sample, query_file(12))
    seasons = {(str(r["season"]), str(r["year"])) for r in rows if r["season"] is not None}
    assert seasons == {(DJO + "spring", "2020")}
    assert "2021-02-25" in texts(rows, "date")


def test_cq13_evidence_offsets_select_the_quote(sample):
    rows = run(sample, query_file(13))
    assert rows and all(r["textMatches"] == Literal(True) for r in rows)
    assert any("more than a kilometer" in str(r["exact"]) for r in rows)
    assert texts(rows, "speakerLabel") == {"Russian Foreign Ministry"}


def test_cq15_conflicts(sample):
    rows = run(sample, query_file(15))
    assert any("километр" in str(r["quote1"]) + str(r["quote2"]) for r in rows)
    assert len({(r["statement1"], r["statement2"]) for r in rows}) >= 2


def test_cq16_pandemic_numbers(sample):
    (row,) = run(sample, query_file(16))
    assert row["cases"].toPython() == Decimal(113000000)
    assert row["deaths"].toPython() == Decimal(2500000)


def test_cq18_evacuation(sample):
    (row,) = run(sample, query_file(18))
    assert row["people"].toPython() == Decimal(13)
    assert row["mode"] == URIRef(DJO + "FlightLeg")


def test_cq19_chain_of_causes(sample):
    rows = run(sample, query_file(19))
    kinds = {str(r["causeType"])[len(DJO) :] for r in rows}
    assert kinds == {"BorderClosure", "Pandemic"}


# --- the sample itself ----------------------------------------------------------------------------

OA = "http://www.w3.org/ns/oa#"
NIF_IS_STRING = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")


def test_sample_selectors_match_the_text(sample):
    graph = sample
    checked = 0
    for target in graph.subjects(URIRef(OA + "hasSource"), None):
        text = str(graph.value(graph.value(target, URIRef(OA + "hasSource")), NIF_IS_STRING))
        exact = start = end = None
        for selector in graph.objects(target, URIRef(OA + "hasSelector")):
            exact = graph.value(selector, URIRef(OA + "exact")) or exact
            start = graph.value(selector, URIRef(OA + "start")) or start
            end = graph.value(selector, URIRef(OA + "end")) or end
        assert text[int(start) : int(end)] == str(exact)
        checked += 1
    assert checked >= 10


def test_sample_uses_only_declared_vocabulary(sample, merged):
    declared = {
        s
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for s in merged.subjects(RDF.type, kind)
    }
    builtin = {RDFS.label, RDFS.comment, OWL.sameAs}
    rdf = str(RDF)
    for _, p, o in sample.triples((None, None, None)):
        assert p in declared or p in builtin or str(p).startswith(rdf), f"undeclared {p}"
        if p == RDF.type and not str(o).startswith(rdf):
            assert o in declared, f"undeclared class {o}"
        if is_djo(o):
            assert o in declared or (o, RDF.type, OWL.NamedIndividual) in merged, o
