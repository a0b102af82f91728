"""Documentation of the DJO terms and of the two modules: labels in English and Russian, an English
definition and rdfs:isDefinedBy on every term; the header fields of both ontologies."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from djo_helpers import ALIGN_ONTOLOGY, DJO_ONTOLOGY, XSD, is_djo
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, VANN

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
DATE = Literal("2026-11-25", datatype=XSD.date)


def literals(graph, subject, predicate, lang=None):
    return [
        o
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and (lang is None or o.language == lang)
    ]


@pytest.fixture(scope="module")
def terms(ontology):
    core = ontology.core
    found = {
        s
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
        for s in core.subjects(RDF.type, kind)
        if is_djo(s)
    }
    assert len(found) > 140
    return sorted(found)


def test_every_term_has_one_english_and_one_russian_label(ontology, terms):
    problems = []
    for term in terms:
        en = literals(ontology.core, term, RDFS.label, "en")
        ru = literals(ontology.core, term, RDFS.label, "ru")
        others = [
            label
            for label in literals(ontology.core, term, RDFS.label)
            if label.language not in ("en", "ru")
        ]
        if len(en) != 1 or len(ru) != 1 or others:
            problems.append(f"{term}: en={en} ru={ru} other={others}")
            continue
        if not str(en[0]).strip() or str(en[0]) != str(en[0]).strip() or CYRILLIC.search(en[0]):
            problems.append(f"{term}: odd English label {en[0]!r}")
        if not CYRILLIC.search(ru[0]) or str(ru[0]) != str(ru[0]).strip():
            problems.append(f"{term}: Russian label without Cyrillic {ru[0]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_labels_are_unique_per_language(ontology, terms, lang):
    counts = Counter(
        str(label).lower()
        for term in terms
        for label in literals(ontology.core, term, RDFS.label, lang)
    )
    duplicates = {label: n for label, n in counts.items() if n > 1}
    assert not duplicates, f"{lang} labels shared by several terms: {duplicates}"


def test_every_term_has_an_english_definition(ontology, terms):
    problems = []
    for term in terms:
        definitions = literals(ontology.core, term, SKOS.definition)
        if len(definitions) != 1 or definitions[0].language != "en":
            problems.append(f"{term}: definitions {definitions}")
            continue
        text = str(definitions[0])
        if not (text[0].isupper() and text.rstrip().endswith((".", ")"))) or len(text) < 15:
            problems.append(f"{term}: definition should be a sentence: {text!r}")
    assert not problems, "\n".join(problems)


def test_every_term_is_defined_by_djo(ontology, terms):
    missing = [
        str(t) for t in terms if set(ontology.core.objects(t, RDFS.isDefinedBy)) != {DJO_ONTOLOGY}
    ]
    assert not missing, f"rdfs:isDefinedBy <https://w3id.org/djo> missing on {missing}"


def test_examples_and_comments_are_english(ontology, terms):
    for term in terms:
        for p in (SKOS.example, RDFS.comment):
            for value in ontology.core.objects(term, p):
                assert isinstance(value, Literal) and value.language == "en", (term, p, value)


def test_controlled_values_are_complete(ontology):
    core = ontology.core
    djo = "https://w3id.org/djo#"
    qualifiers = {
        str(s)[len(djo) :] for s in core.subjects(RDF.type, URIRef(djo + "ValueQualifier"))
    }
    seasons = {str(s)[len(djo) :] for s in core.subjects(RDF.type, URIRef(djo + "Season"))}
    assert qualifiers == {"exactly", "approximately", "moreThan", "lessThan", "atLeast", "atMost"}
    assert seasons == {"spring", "summer", "autumn", "winter"}


def test_article_case_is_cited(ontology):
    """The examples name the article's own case, as the brief for DJO asks."""
    text = " ".join(
        str(o) for p in (SKOS.example, RDFS.comment) for o in ontology.core.objects(None, p)
    )
    for phrase in (
        "Third Secretary",
        "Tumen River",
        "more than a kilometer",
        "Vladivostok",
        "Varya",
    ):
        assert phrase in text, f"no example mentions {phrase!r}"


def test_core_header(ontology):
    core = ontology.core
    onto = DJO_ONTOLOGY
    assert literals(core, onto, DCTERMS.title, "en")
    assert literals(core, onto, DCTERMS.description, "en")
    assert set(core.objects(onto, DCTERMS.creator)) == {Literal("handcar developers")}
    assert set(core.objects(onto, DCTERMS.license)) == {LICENSE}
    assert set(core.objects(onto, DCTERMS.created)) == {DATE}
    assert set(core.objects(onto, DCTERMS.modified)) == {DATE}
    assert set(core.objects(onto, OWL.versionIRI)) == {URIRef("https://w3id.org/djo/0.1.0")}
    assert set(core.objects(onto, OWL.versionInfo)) == {Literal("0.1.0")}
    assert set(core.objects(onto, VANN.preferredNamespacePrefix)) == {Literal("djo")}
    assert set(core.objects(onto, VANN.preferredNamespaceUri)) == {Literal("https://w3id.org/djo#")}


def test_align_header(ontology):
    align = ontology.align
    onto = ALIGN_ONTOLOGY
    assert literals(align, onto, DCTERMS.title, "en")
    assert literals(align, onto, DCTERMS.description, "en")
    assert set(align.objects(onto, DCTERMS.creator)) == {Literal("handcar developers")}
    assert set(align.objects(onto, DCTERMS.license)) == {LICENSE}
    assert set(align.objects(onto, OWL.versionIRI)) == {URIRef("https://w3id.org/djo/align/0.1.0")}
    assert set(align.objects(onto, OWL.versionInfo)) == {Literal("0.1.0")}
