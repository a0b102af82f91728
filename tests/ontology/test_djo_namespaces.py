"""handcar.namespaces against the ontology: no drift between the closed DJO namespace and the terms
ontology/djo.ttl declares, every term the builder relies on present, prefixes consistent."""

from __future__ import annotations

import pytest
from djo_helpers import ALIGN_TTL, DJO, DJO_TTL, ONTOLOGY_DIR, is_djo
from rdflib import Graph, URIRef

from handcar import namespaces
from handcar.namespaces import DJO as DJO_NS
from handcar.namespaces import PREFIXES
from handcar.ontology import load_ontology, ontology_graph
from handcar.resources import ontology_dir

# The terms the builder and the seed annotation rely on: renaming or dropping one breaks the build.
CONTRACT = [
    "Agent",
    "Person",
    "EmbassyStaffMember",
    "Diplomat",
    "FamilyMember",
    "Organization",
    "ForeignMinistry",
    "DiplomaticMission",
    "NewsOrganization",
    "TravelGroup",
    "Post",
    "DiplomaticRank",
    "Place",
    "Country",
    "City",
    "Port",
    "RailwayStation",
    "BusStation",
    "Bridge",
    "River",
    "BorderCrossingPoint",
    "InternationalBorder",
    "EmbassyPremises",
    "UnnamedPlace",
    "Event",
    "Journey",
    "Evacuation",
    "Leg",
    "TrainLeg",
    "BusLeg",
    "HandcarLeg",
    "WalkingLeg",
    "FlightLeg",
    "BorderCrossing",
    "Meeting",
    "BorderClosure",
    "MissionClosure",
    "Pandemic",
    "Vehicle",
    "Train",
    "Bus",
    "RailHandcar",
    "Aircraft",
    "Luggage",
    "QuantityValue",
    "Duration",
    "ValueQualifier",
    "Season",
    "Source",
    "NewsArticle",
    "SocialMediaPost",
    "Video",
    "Photograph",
    "OfficialStatement",
    "ArticleText",
    "Statement",
    "EvidenceAnchor",
    "exactly",
    "approximately",
    "moreThan",
    "lessThan",
    "atLeast",
    "atMost",
    "spring",
    "summer",
    "autumn",
    "winter",
    "memberOfMission",
    "holdsPost",
    "heldBy",
    "postIn",
    "hasRank",
    "unitOf",
    "sendingState",
    "hostCountry",
    "hasPremises",
    "hasChild",
    "hasParent",
    "relativeOf",
    "hasMember",
    "hasSubgroup",
    "locatedIn",
    "inCountry",
    "borderBetween",
    "onBorder",
    "spans",
    "partOfCrossingPoint",
    "basedIn",
    "hasLeg",
    "legOf",
    "nextLeg",
    "traveller",
    "origin",
    "destination",
    "vehicle",
    "via",
    "carries",
    "distance",
    "duration",
    "hasInterval",
    "atPlace",
    "participant",
    "crossedBy",
    "fromCountry",
    "toCountry",
    "atCrossingPoint",
    "crossesBorder",
    "duringLeg",
    "includesCrossing",
    "hasCause",
    "affectedCountry",
    "valueQualifier",
    "unit",
    "memberCount",
    "age",
    "caseCount",
    "deathCount",
    "season",
    "statedBy",
    "statedIn",
    "reportedIn",
    "hasEvidence",
    "assertedBy",
    "embeds",
    "shares",
    "publishedBy",
    "author",
    "creditedTo",
    "hasText",
    "about",
    "numericValue",
    "approximateValue",
    "minExclusive",
    "minInclusive",
    "lowerBound",
    "maxExclusive",
    "maxInclusive",
    "upperBound",
    "legIndex",
    "date",
    "xsdDuration",
    "referredToAs",
    "hashtag",
    "caption",
    "url",
    "headline",
    "datePublished",
    "inLanguage",
    "reason",
]
#: terms added while building the seed (beyond the first term list)
ADDED = {
    "NotModelled",
    # how readings relate (issue 12, point 2: src/handcar/graph/readings.py)
    "ReadingComparison",
    "ReadingRelation",
    "comparedReading",
    "morePreciseValue",
    "readingRelation",
    "sameReadingAs",
    "compatibleWith",
    "morePreciseThan",
    "contradicts",
    "otherReadingOf",
    "sameReading",
    "compatibleReadings",
    "morePreciseReading",
    "contradictoryReadings",
    "differentQuestions",
    # the properties whose readings are compared (issue 13, point 2)
    "oneValuePerReading",
    # used by the builder and the seed annotation (src/handcar/graph, articles/*/annotation.yaml)
    "Group",
    "familyOf",
    "reportedCaseCount",
    "during",
    "publishedDuring",
    "sourceFile",
    # the publisher of an article that names none (issue 13, point 5)
    "UnnamedAgent",
    # parts of a day, of a year or month; roles in an event; platforms (issue 13, point 5)
    "PartOfDay", "partOfDay", "morning", "afternoon", "evening",
    "PeriodPart", "periodPart", "earlyPart", "midPart", "latePart",
    "Participation", "EventRole", "hasParticipation", "participationAgent", "inRole",
    "Platform", "postedOn",
    # one event, many reports: the curators' identity links (issue 13, point 1)
    "identifiedWith",
    # an event dated by its start or its end only ("left on Sunday", "arrived on Monday")
    "beganDuring", "endedDuring",
    # ... and the day of that start or end, for schema.org readers (schema:startDate/endDate)
    "startDate", "endDate",
    # two more modes of travel, met annotating a made-up convoy report: by road and on water
    "CarLeg", "BoatLeg", "Car", "Boat",
}


def namespace_terms() -> set[str]:
    """The terms annotated on the DJO class itself (what rdflib's DefinedNamespace accepts)."""
    return {name for name in vars(DJO_NS).get("__annotations__", {}) if not name.startswith("_")}


def ontology_terms(djo_declared: set[URIRef]) -> set[str]:
    return {str(t)[len(DJO) :] for t in djo_declared}


def test_namespace_matches_ontology_both_ways(djo_declared):
    in_code = namespace_terms()
    in_ontology = ontology_terms(djo_declared)
    assert not in_code - in_ontology, f"in handcar.namespaces.DJO only: {in_code - in_ontology}"
    assert not in_ontology - in_code, f"in ontology/djo.ttl only: {in_ontology - in_code}"


def test_contract_terms_are_all_present(djo_declared):
    missing = set(CONTRACT) - ontology_terms(djo_declared)
    assert not missing, f"terms the builder relies on are missing from the ontology: {missing}"
    assert len(CONTRACT) == len(set(CONTRACT))


def test_additions_are_known(djo_declared):
    assert ontology_terms(djo_declared) - set(CONTRACT) == ADDED


def test_djo_namespace_is_closed():
    assert DJO_NS.Person == URIRef(DJO + "Person")
    assert DJO_NS.minExclusive == URIRef(DJO + "minExclusive")
    assert DJO_NS["hasLeg"] == URIRef(DJO + "hasLeg")
    with pytest.raises(AttributeError):
        _ = DJO_NS.Persn
    with pytest.raises(AttributeError):
        _ = DJO_NS["notATerm"]


def test_every_namespace_term_resolves():
    for name in namespace_terms():
        assert getattr(DJO_NS, name) == URIRef(DJO + name)


def test_prefixes_cover_the_vocabularies():
    expected = {
        "djo": DJO,
        "schema": "https://schema.org/",
        "prov": "http://www.w3.org/ns/prov#",
        "org": "http://www.w3.org/ns/org#",
        "time": "http://www.w3.org/2006/time#",
        "geo": "http://www.opengis.net/ont/geosparql#",
        "qudt": "http://qudt.org/schema/qudt/",
        "unit": "http://qudt.org/vocab/unit/",
        "oa": "http://www.w3.org/ns/oa#",
        "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
        "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "dcterms": "http://purl.org/dc/terms/",
        "dcat": "http://www.w3.org/ns/dcat#",
        "void": "http://rdfs.org/ns/void#",
        "vann": "http://purl.org/vocab/vann/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
    }
    assert expected == PREFIXES
    for name in ("SCHEMA", "PROV", "ORG", "TIME", "GEO", "QUDT", "UNIT", "OA", "NIF", "SEM",
                 "SKOS", "DCTERMS", "DCAT", "VOID", "VANN"):  # fmt: skip
        assert str(getattr(namespaces, name)) == PREFIXES[name.lower()]


@pytest.mark.parametrize("path", [DJO_TTL, ALIGN_TTL], ids=lambda p: p.name)
def test_turtle_prefixes_agree_with_code(path):
    graph = Graph(bind_namespaces="none")
    graph.parse(path, format="turtle")
    for prefix, iri in graph.namespaces():
        if prefix in PREFIXES:
            assert str(iri) == PREFIXES[prefix], f"{path.name}: @prefix {prefix}: <{iri}>"


def test_ontology_graph_loads_every_module(merged):
    load_ontology.cache_clear()
    try:
        assert ontology_dir().resolve() == ONTOLOGY_DIR.resolve()  # ontology/ is a symlink
        graph = ontology_graph()
        assert len(graph) == len(merged)
        assert graph is ontology_graph(), "ontology_graph() is cached"
    finally:
        load_ontology.cache_clear()


def test_ontology_dir_override(tmp_path, monkeypatch):
    (tmp_path / "mini.ttl").write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n<https://w3id.org/djo#X> a owl:Class .\n"
    )
    monkeypatch.setenv("HANDCAR_ONTOLOGY_DIR", str(tmp_path))
    load_ontology.cache_clear()
    try:
        assert ontology_dir() == tmp_path
        graph = ontology_graph()
        assert len(graph) == 1
        assert all(is_djo(s) for s in graph.subjects())
    finally:
        monkeypatch.delenv("HANDCAR_ONTOLOGY_DIR")
        load_ontology.cache_clear()


def test_empty_ontology_dir_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDCAR_ONTOLOGY_DIR", str(tmp_path))
    load_ontology.cache_clear()
    try:
        with pytest.raises(FileNotFoundError):
            ontology_graph()
    finally:
        monkeypatch.delenv("HANDCAR_ONTOLOGY_DIR")
        load_ontology.cache_clear()
