"""The competency questions: one SPARQL file per question in queries/, listed in
ontology/README.md, well formed, and using only terms DJO declares. Their answers on the real
build are tested in tests/queries/ and tests/stores/; the sample dataset in tests/ontology/data
is checked here for its own consistency."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from djo_helpers import DJO, ONTOLOGY_README, QUERIES_DIR, is_djo
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.plugins.sparql import prepareQuery

QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq"))
NAME = re.compile(r"^cq(\d{2})-[a-z0-9]+(-[a-z0-9]+)*\.rq$")
PREFIX = re.compile(r"^PREFIX\s+(\w*):\s*<([^>]+)>", re.MULTILINE)


def number(path: Path) -> int:
    match = NAME.match(path.name)
    assert match, f"{path.name}: name must be cqNN-<slug>.rq"
    return int(match.group(1))


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
    assert prefixes.get("djo", DJO) == DJO
    body = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    used = {URIRef(DJO + local) for local in re.findall(r"\bdjo:(\w+)", body)}
    used |= {URIRef(iri) for iri in re.findall(r"<(https://w3id\.org/djo#\w+)>", body)}
    unknown = sorted(str(t) for t in used if t not in djo_declared)
    assert not unknown, f"{path.name} uses terms the ontology does not declare: {unknown}"


STANDARD_ONLY = [p for p in QUERY_FILES if "-standard-" in p.name]
STANDARD_NAMESPACES = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://www.w3.org/2000/01/rdf-schema#",
    "http://www.w3.org/2001/XMLSchema#",
    "https://schema.org/",
    "http://www.w3.org/ns/prov#",
}


def test_some_questions_are_asked_in_standard_terms_only():
    assert len(STANDARD_ONLY) >= 4


@pytest.mark.parametrize("path", STANDARD_ONLY, ids=lambda p: p.name)
def test_standard_only_questions_use_no_djo_term(path):
    """A reader who knows schema.org and PROV (and RDF, RDFS, XSD) can ask these."""
    text = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert set(dict(PREFIX.findall(text)).values()) <= STANDARD_NAMESPACES
    assert "djo:" not in body and "w3id.org/djo" not in body
    query = prepareQuery(text)
    iris = {str(t) for t in _terms(query.algebra) if isinstance(t, URIRef)}
    assert iris and all(any(i.startswith(ns) for ns in STANDARD_NAMESPACES) for i in iris), iris


def _terms(node):
    """Every rdflib term in a query's algebra."""
    if isinstance(node, URIRef):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _terms(value)
    elif isinstance(node, list | tuple | set):
        for value in node:
            yield from _terms(value)


# The answers are checked on the real build, not on the sample: queries/expected/ holds them,
# tests/queries/test_competency_questions.py checks them against the article, and tests/stores/
# gets the same answers back from rdflib, pyoxigraph, Virtuoso, Jena TDB2 and the Oxigraph server.


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
