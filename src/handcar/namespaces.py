"""RDF namespaces used by handcar.

``DJO`` is a closed namespace (:class:`rdflib.namespace.DefinedNamespace` with ``_fail = True``):
``DJO.Person`` is a URIRef, ``DJO.Persn`` raises ``AttributeError``, so code cannot use a term that
``ontology/djo.ttl`` does not declare. ``tests/ontology/test_namespaces.py`` keeps the two in step.

The other constants are plain :class:`rdflib.Namespace` objects for the standard vocabularies DJO
is aligned to (see ``ontology/djo-align.ttl``) and those the release, its metadata and the
validation reports use (FOAF, SPDX, Wikidata, SHACL, JSON-LD, the W3C format IRIs, IANA media
types); ``RDF``, ``RDFS``, ``OWL`` and ``XSD`` are re-exported from rdflib. ``PREFIXES`` maps
every prefix handcar binds to its namespace IRI.

IRIs are shortened to ``prefix:local`` here and only here: :func:`split_iri` (the longest
namespace of a prefix mapping), :func:`shorten` (for people: tables, reports), :func:`qname`
(a prefixed name whose local part is an XML name) and :func:`namespace_of`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD, DefinedNamespace, is_ncname

__all__ = [
    "DCAT",
    "DCTERMS",
    "DJO",
    "DJO_NS",
    "DJO_ONTOLOGY",
    "FOAF",
    "GEO",
    "IANA_MEDIA_TYPES",
    "JSONLD",
    "NIF",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "QUDT",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SEM",
    "SH",
    "SKOS",
    "SPDX",
    "TIME",
    "UNIT",
    "VANN",
    "VOID",
    "W3C_FORMATS",
    "WD",
    "XSD",
    "namespace_of",
    "qname",
    "shorten",
    "split_iri",
    "splitter",
]

DJO_NS = "https://w3id.org/djo#"


class DJO(DefinedNamespace):
    """DJO, the Diplomatic Journey Ontology: <https://w3id.org/djo#> (``ontology/djo.ttl``)."""

    _NS = Namespace(DJO_NS)
    _fail = True

    # Classes
    Agent: URIRef  # agent
    Person: URIRef  # person
    EmbassyStaffMember: URIRef  # embassy staff member
    Diplomat: URIRef  # diplomat
    FamilyMember: URIRef  # family member
    Organization: URIRef  # organisation
    ForeignMinistry: URIRef  # foreign ministry
    DiplomaticMission: URIRef  # diplomatic mission
    NewsOrganization: URIRef  # news organisation
    UnnamedAgent: URIRef  # unnamed agent
    Group: URIRef  # group of people
    TravelGroup: URIRef  # travel group
    Post: URIRef  # post
    DiplomaticRank: URIRef  # diplomatic rank
    Place: URIRef  # place
    Country: URIRef  # country
    City: URIRef  # city
    Port: URIRef  # port
    RailwayStation: URIRef  # railway station
    BusStation: URIRef  # bus station
    Bridge: URIRef  # bridge
    River: URIRef  # river
    BorderCrossingPoint: URIRef  # border crossing point
    InternationalBorder: URIRef  # international border
    EmbassyPremises: URIRef  # embassy premises
    UnnamedPlace: URIRef  # unnamed place
    Event: URIRef  # event
    Journey: URIRef  # journey
    Evacuation: URIRef  # evacuation
    Leg: URIRef  # leg
    TrainLeg: URIRef  # train leg
    BusLeg: URIRef  # bus leg
    HandcarLeg: URIRef  # handcar leg
    WalkingLeg: URIRef  # walking leg
    FlightLeg: URIRef  # flight leg
    CarLeg: URIRef  # car leg
    BoatLeg: URIRef  # boat leg
    BorderCrossing: URIRef  # border crossing
    Meeting: URIRef  # meeting
    BorderClosure: URIRef  # border closure
    MissionClosure: URIRef  # mission closure
    Pandemic: URIRef  # pandemic
    Vehicle: URIRef  # vehicle
    Train: URIRef  # train
    Bus: URIRef  # bus
    RailHandcar: URIRef  # rail handcar
    Aircraft: URIRef  # aircraft
    Car: URIRef  # car
    Boat: URIRef  # boat
    Luggage: URIRef  # luggage
    QuantityValue: URIRef  # quantity value
    Duration: URIRef  # duration
    ValueQualifier: URIRef  # value qualifier
    Season: URIRef  # season
    Source: URIRef  # source
    NewsArticle: URIRef  # news article
    SocialMediaPost: URIRef  # social media post
    Video: URIRef  # video
    Photograph: URIRef  # photograph
    OfficialStatement: URIRef  # official statement
    ArticleText: URIRef  # article text
    Statement: URIRef  # statement
    NotModelled: URIRef  # statement not modelled
    EvidenceAnchor: URIRef  # evidence anchor
    ReadingComparison: URIRef  # comparison of readings
    ReadingRelation: URIRef  # relation between readings

    # Object properties
    memberOfMission: URIRef  # member of mission
    holdsPost: URIRef  # holds post
    heldBy: URIRef  # held by
    postIn: URIRef  # post in
    hasRank: URIRef  # has rank
    unitOf: URIRef  # unit of
    sendingState: URIRef  # sending state
    hostCountry: URIRef  # host country
    hasPremises: URIRef  # has premises
    basedIn: URIRef  # based in
    relativeOf: URIRef  # relative of
    hasChild: URIRef  # has child
    hasParent: URIRef  # has parent
    hasMember: URIRef  # has member
    hasSubgroup: URIRef  # has subgroup
    familyOf: URIRef  # family of
    locatedIn: URIRef  # located in
    inCountry: URIRef  # in country
    partOfCrossingPoint: URIRef  # part of crossing point
    borderBetween: URIRef  # border between
    onBorder: URIRef  # on border
    spans: URIRef  # spans
    hasLeg: URIRef  # has leg
    legOf: URIRef  # leg of
    nextLeg: URIRef  # next leg
    traveller: URIRef  # traveller
    participant: URIRef  # participant
    origin: URIRef  # origin
    destination: URIRef  # destination
    via: URIRef  # via
    vehicle: URIRef  # vehicle used
    atPlace: URIRef  # at place
    hasInterval: URIRef  # has interval
    duration: URIRef  # has duration
    distance: URIRef  # distance
    crossedBy: URIRef  # crossed by
    fromCountry: URIRef  # from country
    toCountry: URIRef  # to country
    atCrossingPoint: URIRef  # at crossing point
    crossesBorder: URIRef  # crosses border
    duringLeg: URIRef  # during leg
    includesCrossing: URIRef  # includes crossing
    hasCause: URIRef  # has cause
    affectedCountry: URIRef  # affected country
    during: URIRef  # during
    beganDuring: URIRef  # began during
    endedDuring: URIRef  # ended during
    carries: URIRef  # carries
    valueQualifier: URIRef  # has value qualifier
    unit: URIRef  # unit
    memberCount: URIRef  # number of members
    age: URIRef  # age
    caseCount: URIRef  # case count
    deathCount: URIRef  # death count
    reportedCaseCount: URIRef  # reported case count
    season: URIRef  # in season
    statedBy: URIRef  # stated by
    statedIn: URIRef  # stated in
    reportedIn: URIRef  # reported in
    hasEvidence: URIRef  # has evidence
    assertedBy: URIRef  # asserted by
    publishedDuring: URIRef  # published during
    comparedReading: URIRef  # compared reading
    morePreciseValue: URIRef  # more precise value
    readingRelation: URIRef  # relation of the readings
    identifiedWith: URIRef  # identified with
    sameReadingAs: URIRef  # same reading as
    compatibleWith: URIRef  # compatible with
    morePreciseThan: URIRef  # more precise than
    contradicts: URIRef  # contradicts
    otherReadingOf: URIRef  # other reading of
    embeds: URIRef  # embeds
    shares: URIRef  # shares
    publishedBy: URIRef  # published by
    author: URIRef  # author
    creditedTo: URIRef  # credited to
    hasText: URIRef  # has text
    about: URIRef  # about
    oneValuePerReading: URIRef  # one value per reading

    # Datatype properties
    legIndex: URIRef  # leg number
    date: URIRef  # date
    startDate: URIRef  # start date
    endDate: URIRef  # end date
    numericValue: URIRef  # numeric value
    approximateValue: URIRef  # approximate value
    lowerBound: URIRef  # lower bound
    upperBound: URIRef  # upper bound
    minExclusive: URIRef  # exclusive lower bound
    minInclusive: URIRef  # inclusive lower bound
    maxExclusive: URIRef  # exclusive upper bound
    maxInclusive: URIRef  # inclusive upper bound
    xsdDuration: URIRef  # duration as XSD value
    referredToAs: URIRef  # referred to as
    hashtag: URIRef  # hashtag
    caption: URIRef  # caption
    url: URIRef  # URL
    headline: URIRef  # headline
    datePublished: URIRef  # date published
    inLanguage: URIRef  # in language
    sourceFile: URIRef  # source file
    reason: URIRef  # reason

    # Individuals: value qualifiers and seasons
    exactly: URIRef  # exactly
    approximately: URIRef  # approximately
    moreThan: URIRef  # more than
    lessThan: URIRef  # less than
    atLeast: URIRef  # at least
    atMost: URIRef  # at most
    spring: URIRef  # spring
    summer: URIRef  # summer
    autumn: URIRef  # autumn
    winter: URIRef  # winter
    # Parts of a day, of a year or month; roles in an event; platforms (issue 13, point 5)
    PartOfDay: URIRef  # part of the day
    partOfDay: URIRef  # part of the day
    morning: URIRef  # morning
    afternoon: URIRef  # afternoon
    evening: URIRef  # evening
    PeriodPart: URIRef  # part of a period
    periodPart: URIRef  # part of the period
    earlyPart: URIRef  # early
    midPart: URIRef  # mid
    latePart: URIRef  # late
    Participation: URIRef  # participation
    EventRole: URIRef  # role in an event
    hasParticipation: URIRef  # has participation
    participationAgent: URIRef  # participating agent
    inRole: URIRef  # in role
    Platform: URIRef  # platform
    postedOn: URIRef  # posted on

    # Individuals: relations between readings
    sameReading: URIRef  # the same reading
    compatibleReadings: URIRef  # compatible readings
    morePreciseReading: URIRef  # one reading more precise
    contradictoryReadings: URIRef  # contradictory readings
    differentQuestions: URIRef  # different readings of one number


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
DCTERMS = Namespace("http://purl.org/dc/terms/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
VANN = Namespace("http://purl.org/vocab/vann/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
WD = Namespace("http://www.wikidata.org/entity/")
"""Wikidata entities (``wd:Q…``), which the enrichment links to."""
SH = Namespace("http://www.w3.org/ns/shacl#")
JSONLD = Namespace("http://www.w3.org/ns/json-ld#")
"""JSON-LD's own terms: the profiles ``compacted``, ``framed``, … (a ``dcterms:conformsTo``)."""
W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/")
"""W3C's IRIs for file formats (``Turtle``, ``N-Quads``, …), the object of ``dcterms:format``."""
IANA_MEDIA_TYPES = Namespace("https://www.iana.org/assignments/media-types/")
"""IANA's registry: ``{IANA_MEDIA_TYPES}text/turtle`` names a media type (``dcat:mediaType``)."""
DJO_ONTOLOGY = URIRef("https://w3id.org/djo")
"""The IRI of the DJO ontology itself (``owl:Ontology``), its namespace without the ``#``."""

PREFIXES: dict[str, str] = {
    "djo": DJO_NS,
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "org": str(ORG),
    "time": str(TIME),
    "geo": str(GEO),
    "qudt": str(QUDT),
    "unit": str(UNIT),
    "oa": str(OA),
    "nif": str(NIF),
    "sem": str(SEM),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "dcat": str(DCAT),
    "void": str(VOID),
    "vann": str(VANN),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}
"""Prefix to namespace IRI, for every vocabulary handcar writes or reads."""


# --- shortening IRIs --------------------------------------------------------------------------


class Splitter:
    """Longest-namespace lookup for one prefix mapping, with a cache per IRI."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        # longest namespace first; among equal namespaces, the smaller prefix name
        self.order = sorted(
            ((prefix, str(namespace)) for prefix, namespace in prefixes.items()),
            key=lambda item: (-len(item[1]), item[0]),
        )
        self.cache: dict[str, tuple[str, str] | None] = {}

    def splits(self, iri: str) -> Iterator[tuple[str, str]]:
        """``(prefix, local)`` for every namespace ``iri`` starts with and goes beyond, longest
        namespace first."""
        for prefix, namespace in self.order:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                yield prefix, iri[len(namespace) :]

    def split(self, iri: str) -> tuple[str, str] | None:
        """``(prefix, local)`` for the longest namespace, or None."""
        try:
            return self.cache[iri]
        except KeyError:
            found = self.cache[iri] = next(self.splits(iri), None)
            return found


@lru_cache(maxsize=64)
def _splitter(prefixes: tuple[tuple[str, str], ...]) -> Splitter:
    return Splitter(dict(prefixes))


def splitter(prefixes: Mapping[str, str] = PREFIXES) -> Splitter:
    """The (cached) longest-namespace lookup for ``prefixes``: hold on to it in loops."""
    return _splitter(tuple(prefixes.items()))


def split_iri(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> tuple[str, str] | None:
    """``(prefix, local)`` for the longest namespace of ``prefixes`` that ``iri`` starts with
    (ties: the smaller prefix name), or None. The local part is never empty, but may be anything."""
    return splitter(prefixes).split(iri)


def shorten(
    iri: str, prefixes: Mapping[str, str] = PREFIXES, *, base: str | None = None
) -> str | None:
    """``djo:TrainLeg`` for ``https://w3id.org/djo#TrainLeg``, for people to read; ``id:…``
    for an IRI under the data's ``base`` (which goes first); None when no namespace fits."""
    found = (split_iri(iri, {"id": base}) if base else None) or split_iri(iri, prefixes)
    return f"{found[0]}:{found[1]}" if found else None


def qname(iri: str, prefixes: Mapping[str, str]) -> str | None:
    """``prefix:local`` with the longest namespace of ``prefixes`` that leaves an XML name
    (https://www.w3.org/TR/xml-names/#NT-NCName) as the local part, as rdflib's strict
    ``compute_qname`` writes it; None when there is none or its prefix is empty."""
    for prefix, local in splitter(prefixes).splits(iri):
        if is_ncname(local):
            return f"{prefix}:{local}" if prefix else None
    return None


def namespace_of(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """The vocabulary an IRI belongs to: a known namespace, else the IRI up to its last
    ``#`` or ``/``."""
    split = splitter(prefixes).split(iri)
    if split:
        return str(prefixes[split[0]])
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else iri
