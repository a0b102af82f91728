"""RDFS alignment: with plain RDFS inference (owlrl) over djo.ttl + djo-align.ttl, a consumer who
knows only the standard vocabularies finds people, organisations, places, journeys, legs,
durations, sources and evidence; and the inference never surprises (no node gets two disjoint
kinds, no DJO node becomes a skos:Concept unless it is a controlled value or a rank)."""

from __future__ import annotations

import pytest
from djo_helpers import is_djo
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF

from support.reasoning import rdfs_closure

DJO = Namespace("https://w3id.org/djo#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
QUDT = Namespace("http://qudt.org/schema/qudt/")
UNIT = Namespace("http://qudt.org/vocab/unit/")
OA = Namespace("http://www.w3.org/ns/oa#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
EX = Namespace("https://example.org/id/")

# A few triples typed with DJO terms only, the way the builder writes them.
INSTANCES = f"""
@prefix djo: <{DJO}> . @prefix ex: <{EX}> . @prefix unit: <{UNIT}> . @prefix xsd: <{XSD}> .
ex:sorokin a djo:Diplomat ; djo:memberOfMission ex:embassy ; djo:holdsPost ex:post ;
    djo:hasChild ex:varya .
ex:post djo:hasRank ex:third-secretary ; djo:postIn ex:embassy .
ex:embassy a djo:DiplomaticMission ; djo:basedIn ex:pyongyang ; djo:unitOf ex:ministry .
ex:pyongyang a djo:City ; djo:inCountry ex:north-korea .
ex:bridge a djo:UnnamedPlace , djo:Bridge ; djo:spans ex:tumen .
ex:journey a djo:Journey ; djo:hasLeg ex:leg3 ; djo:traveller ex:group ; djo:hasCause ex:closure .
ex:leg3 a djo:HandcarLeg ; djo:origin ex:crossing-point ; djo:destination ex:russian-side ;
    djo:via ex:bridge ; djo:vehicle ex:handcar ; djo:distance ex:distance ;
    djo:duration ex:duration ; djo:hasInterval ex:interval .
ex:group djo:hasMember ex:sorokin , ex:varya .
ex:handcar djo:carries ex:luggage , ex:varya .
ex:distance djo:minExclusive "1"^^xsd:decimal ; djo:unit unit:KiloM ;
    djo:valueQualifier djo:moreThan .
ex:duration djo:numericValue "32"^^xsd:decimal .
ex:interval djo:season djo:spring .
ex:crossing a djo:BorderCrossing ; djo:crossedBy ex:group ; djo:atCrossingPoint ex:crossing-point ;
    djo:fromCountry ex:north-korea ; djo:toCountry ex:russia ; djo:duringLeg ex:leg3 .
ex:article a djo:NewsArticle ; djo:publishedBy ex:moscow-times ; djo:embeds ex:post-ng ;
    djo:hasText ex:text ; djo:url "https://example.org/a"^^xsd:anyURI .
ex:post-ng djo:author ex:novaya-gazeta ; djo:shares ex:video ; djo:hashtag "tag" .
ex:statement djo:statedBy ex:ministry ; djo:statedIn ex:article ; djo:reportedIn ex:article ;
    djo:hasEvidence ex:anchor .
ex:fact djo:assertedBy ex:statement .
"""


@pytest.fixture(scope="module")
def inferred(merged) -> Graph:
    instances = Graph(bind_namespaces="none").parse(data=INSTANCES, format="turtle")
    return rdfs_closure(merged, instances, improved_datatypes=False)


EXPECTED_TYPES = [
    (EX.sorokin, [SCHEMA.Person, PROV.Person, PROV.Agent, SEM.Actor]),
    (EX.varya, [SCHEMA.Person, PROV.Person]),
    (EX.embassy, [SCHEMA.Organization, SCHEMA.GovernmentOrganization, ORG.OrganizationalUnit,
                  ORG.Organization, PROV.Organization]),
    (EX.ministry, [SCHEMA.Organization, ORG.Organization, PROV.Agent]),
    (EX.post, [ORG.Post]),
    (EX["third-secretary"], [ORG.Role, SKOS.Concept]),
    (EX.pyongyang, [SCHEMA.Place, SCHEMA.City, PROV.Location, GEO.Feature, SEM.Place]),
    (EX["north-korea"], [SCHEMA.Country, SCHEMA.Place]),
    (EX.bridge, [SCHEMA.Bridge, SCHEMA.Place, GEO.Feature]),
    (EX.tumen, [SCHEMA.Place]),
    (EX["crossing-point"], [SCHEMA.Place, PROV.Location]),
    (EX.journey, [SCHEMA.Event, SCHEMA.TravelAction, PROV.Activity, SEM.Event]),
    (EX.leg3, [SCHEMA.Event, SCHEMA.TravelAction, PROV.Activity, SEM.Event]),
    (EX.closure, [SCHEMA.Event, PROV.Activity]),
    (EX.crossing, [SCHEMA.Event, PROV.Activity]),
    (EX.group, [PROV.Agent, SEM.Actor]),
    (EX.handcar, [SCHEMA.Vehicle, PROV.Entity]),
    (EX.distance, [QUDT.QuantityValue, SCHEMA.QuantitativeValue]),
    (EX.duration, [TIME.Duration, QUDT.QuantityValue, SCHEMA.QuantitativeValue]),
    (EX.interval, [TIME.ProperInterval]),
    (EX.article, [SCHEMA.NewsArticle, SCHEMA.CreativeWork, PROV.Entity]),
    (EX["post-ng"], [SCHEMA.CreativeWork, PROV.Entity]),
    (EX.video, [SCHEMA.CreativeWork]),
    (EX.text, [NIF.Context, PROV.Entity]),
    (EX.statement, [SCHEMA.Claim, PROV.Entity]),
    (EX.anchor, [OA.Annotation, PROV.Entity]),
    (DJO.moreThan, [SKOS.Concept]),
    (DJO.spring, [SKOS.Concept]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("node", "types"), EXPECTED_TYPES, ids=[str(n).rsplit("/", 1)[-1] for n, _ in EXPECTED_TYPES]
)
def test_standard_types_are_inferred(inferred, node, types):
    missing = [str(t) for t in types if (node, RDF.type, t) not in inferred]
    assert not missing, f"{node} lacks {missing}"


EXPECTED_LINKS = [
    (EX.sorokin, SCHEMA.worksFor, EX.embassy),
    (EX.sorokin, ORG.memberOf, EX.embassy),
    (EX.sorokin, ORG.holds, EX.post),
    (EX.sorokin, SCHEMA.children, EX.varya),
    (EX.sorokin, SCHEMA.relatedTo, EX.varya),
    (EX.post, ORG.role, EX["third-secretary"]),
    (EX.post, ORG.postIn, EX.embassy),
    (EX.embassy, ORG.unitOf, EX.ministry),
    (EX.embassy, SCHEMA.location, EX.pyongyang),
    (EX.pyongyang, SCHEMA.containedInPlace, EX["north-korea"]),
    (EX.pyongyang, GEO.sfWithin, EX["north-korea"]),
    (EX.journey, SCHEMA.subEvent, EX.leg3),
    (EX.journey, SEM.hasSubEvent, EX.leg3),
    (EX.journey, SCHEMA.participant, EX.group),
    (EX.journey, PROV.wasAssociatedWith, EX.group),
    (EX.leg3, SCHEMA.fromLocation, EX["crossing-point"]),
    (EX.leg3, SCHEMA.toLocation, EX["russian-side"]),
    (EX.leg3, SCHEMA.instrument, EX.handcar),
    (EX.leg3, PROV.used, EX.handcar),
    (EX.leg3, TIME.hasTime, EX.interval),
    (EX.crossing, SCHEMA.participant, EX.group),
    (EX.crossing, SCHEMA.location, EX["crossing-point"]),
    (EX.crossing, PROV.atLocation, EX["crossing-point"]),
    (EX.group, SCHEMA.member, EX.sorokin),
    (EX.distance, QUDT.hasUnit, UNIT.KiloM),
    (EX.distance, SCHEMA.minValue, Literal("1", datatype=XSD.decimal)),
    (EX.duration, SCHEMA.value, Literal("32", datatype=XSD.decimal)),
    (EX.duration, QUDT.value, Literal("32", datatype=XSD.decimal)),
    (EX.article, SCHEMA.publisher, EX["moscow-times"]),
    (EX.article, PROV.wasAttributedTo, EX["moscow-times"]),
    (EX.article, SCHEMA.hasPart, EX["post-ng"]),
    (EX["post-ng"], SCHEMA.author, EX["novaya-gazeta"]),
    (EX["post-ng"], SCHEMA.sharedContent, EX.video),
    (EX["post-ng"], SCHEMA.keywords, Literal("tag")),
    (EX.statement, PROV.wasAttributedTo, EX.ministry),
    (EX.statement, PROV.wasDerivedFrom, EX.article),
    (EX.fact, PROV.wasDerivedFrom, EX.statement),
]  # fmt: skip


@pytest.mark.parametrize(("s", "p", "o"), EXPECTED_LINKS, ids=lambda t: str(t).rsplit("/", 1)[-1])
def test_standard_properties_are_inferred(inferred, s, p, o):
    assert (s, p, o) in inferred


def disjoint_groups(graph: Graph) -> list[set[URIRef]]:
    groups = [
        set(Collection(graph, graph.value(group, OWL.members)))
        for group in graph.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    groups += [{a, b} for a, b in graph.subject_objects(OWL.disjointWith)]
    return groups


def clashes(closure: Graph, groups: list[set[URIRef]]) -> list[str]:
    found = []
    for node in set(closure.subjects(RDF.type, None)):
        types = set(closure.objects(node, RDF.type))
        for group in groups:
            hit = types & group
            if len(hit) > 1:
                found.append(f"{node}: {sorted(map(str, hit))}")
    return found


def test_no_disjoint_kinds_inferred_on_instances(merged, inferred):
    """Domains and ranges never push a node into two disjoint classes (no Place becomes a
    Person, no interval becomes an Event)."""
    assert not clashes(inferred, disjoint_groups(merged))
    for node in (EX.pyongyang, EX.bridge, EX["russian-side"], EX["crossing-point"]):
        assert (node, RDF.type, SCHEMA.Person) not in inferred
        assert (node, RDF.type, DJO.Event) not in inferred
    assert (EX.interval, RDF.type, DJO.Event) not in inferred
    assert (EX.luggage, RDF.type, DJO.Person) not in inferred, "carries has no range"
    assert (EX.fact, RDF.type, DJO.Statement) not in inferred, "assertedBy has no domain"


def test_skos_concept_only_for_controlled_values_and_ranks(merged, inferred):
    allowed = {DJO.ValueQualifier, DJO.Season, DJO.DiplomaticRank, DJO.ReadingRelation}
    for node in inferred.subjects(RDF.type, SKOS.Concept):
        if not isinstance(node, URIRef) or not (is_djo(node) or str(node).startswith(str(EX))):
            continue  # standard terms such as oa:describing
        types = set(inferred.objects(node, RDF.type))
        assert types & allowed, f"{node} became a skos:Concept: {sorted(map(str, types))}"
    djo_classes = {s for s in merged.subjects(RDF.type, OWL.Class) if is_djo(s)}
    for cls in djo_classes:
        assert (cls, RDF.type, SKOS.Concept) not in inferred, f"class {cls} became a concept"


def test_sample_dataset_has_no_clash_under_rdfs(merged, sample):
    """The whole sample of published data, under RDFS with the ontology, keeps every node in one
    branch of each disjointness axiom."""
    assert len(sample) > 1500
    closure = rdfs_closure(merged, sample, improved_datatypes=False)
    sorokin = URIRef("https://w3id.org/djo/id/person/vladislav-sorokin")
    assert (sorokin, RDF.type, SCHEMA.Person) in closure
    problems = clashes(closure, disjoint_groups(merged))
    assert not problems, "\n".join(problems[:20])
