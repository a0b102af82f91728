"""A checked annotation: what :func:`handcar.annotation.resolve.resolve` returns.

Every id in it is declared once and every reference names a declared id of the right class;
every quote is anchored in the article text; every time is a calendar time; every class and
property is a term of the ontology (as an IRI); every fact's object is what its property takes.
The graph is built from this alone (:mod:`handcar.graph.claims`), without checking anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import XSD, URIRef

from handcar.annotation.anchor import Anchor
from handcar.annotation.model import IriValue, LangString, Quantity, Scalar, Thing
from handcar.annotation.timeexpr import CalendarTime
from handcar.article import Article
from handcar.namespaces import DJO

ARTICLE_ID = "article"  # the reserved id that stands for the article itself (a Source)
# The id of the publisher when the annotation names none (not a slug, so no entity can have it).
UNNAMED_PUBLISHER = "article.publisher"
# Properties whose object's OWL-Time interval is derived, so their object is always a Ref.
INTERVAL_LINKS = (DJO.nextLeg, DJO.duration)
# Datatypes whose values are whole numbers (a fact's number is checked, then written as one).
INTEGER_TYPES = {XSD.integer, XSD.positiveInteger, XSD.nonNegativeInteger, XSD.int, XSD.long}


@dataclass(frozen=True)
class ArticleMeta:
    """The article's metadata (:mod:`handcar.annotation.frontmatter`)."""

    headline: str
    date: dt.date  # the publication date
    url: str | None
    language: str  # BCP 47
    byline: str | None


@dataclass(frozen=True)
class Evidence:
    """Where an item comes from: its words in the text, who says them, and where."""

    said_by: str  # the id of an Agent
    source: str  # the id of a Source, or ARTICLE_ID
    anchor: Anchor


@dataclass(frozen=True)
class CheckedThing:
    """An entity or an event, with its classes as ontology IRIs."""

    thing: Thing
    event: bool
    classes: tuple[URIRef, ...]
    evidence: Evidence

    @property
    def id(self) -> str:
        return self.thing.id

    @property
    def scoped(self) -> bool:
        """Whether its IRI belongs to the article: an event, or a thing the article gives no
        proper name (``train-ride-end``, ``border-colleagues``) unless marked ``shared``."""
        return self.event or (self.thing.name is None and not self.thing.shared)


@dataclass(frozen=True)
class CheckedQuantity:
    """A quantity whose unit is a code of the bundled QUDT table; ``duration`` when a fact uses
    it as a ``duration`` (then its unit is a unit of time), with ``time_unit`` the OWL-Time
    temporal unit local name of that unit when OWL-Time has one (``unitHour``), else None."""

    quantity: Quantity
    duration: bool
    time_unit: str | None
    evidence: Evidence

    @property
    def id(self) -> str:
        return self.quantity.id


@dataclass(frozen=True)
class CheckedTime:
    """A time expression resolved against the publication date."""

    id: str
    when: CalendarTime
    evidence: Evidence


@dataclass(frozen=True)
class CheckedParticipation:
    """An agent's part in an event: ids of the event, the agent and its EventRole."""

    id: str
    event: str
    participant: str
    role: str
    evidence: Evidence


@dataclass(frozen=True)
class Ref:
    """A fact's object that is an id declared in the annotation (or ARTICLE_ID)."""

    id: str


@dataclass(frozen=True)
class Fact:
    """Subject id, property IRI, object: a Ref or an IRI for an object property, else a value;
    ``datatype``: the XSD range the ontology gives a datatype property, if any."""

    subject: str
    predicate: URIRef
    object: Ref | IriValue | LangString | Scalar
    datatype: URIRef | None = None


@dataclass(frozen=True)
class CheckedStatement:
    id: str
    facts: tuple[Fact, ...]
    evidence: Evidence


@dataclass(frozen=True)
class Note:
    """A passage deliberately not modelled, and why; ``id``: ``not-modelled-<n>``, from 1."""

    id: str
    anchor: Anchor
    reason: str


@dataclass(frozen=True)
class DeclaredRelation:
    """Two value ids (quantities or times) and how the curator says they relate, and why;
    ``relation``: a DJO ReadingRelation local name; for ``morePreciseReading`` the first value
    is the more precise one. An id of another article is ``<article-id>/<local-id>``, checked
    by the build (``where``)."""

    first: str
    second: str
    relation: str
    reason: str
    where: Where | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Where:
    """An annotation file and a line in it, for errors found once every article is read."""

    path: Path
    line: int | None


@dataclass(frozen=True)
class IdentityLink:
    """The curator's word that ``id`` (an event or scoped thing of this annotation) is the
    same as ``target`` in ``article``, and why; checked against that article by the build."""

    id: str
    article: str
    target: str
    reason: str
    where: Where = field(compare=False)


@dataclass(frozen=True)
class CheckedAnnotation:
    """One article and its annotation, checked against each other and the ontology."""

    article: Article
    meta: ArticleMeta
    publisher: str  # an Agent id, or UNNAMED_PUBLISHER
    embedded_post: str | None  # Source ids
    photo: str | None
    things: tuple[CheckedThing, ...]  # the entities, then the events
    quantities: tuple[CheckedQuantity, ...]
    times: tuple[CheckedTime, ...]
    statements: tuple[CheckedStatement, ...]
    participations: tuple[CheckedParticipation, ...]
    notes: tuple[Note, ...]
    relations: tuple[DeclaredRelation, ...]  # how values relate, declared by the curator
    identities: tuple[IdentityLink, ...] = ()  # links to other articles' events and things

    def anchors(self) -> list[Anchor]:
        """Every anchor in the text: the items' evidence, then the notes."""
        items = [
            *self.things, *self.quantities, *self.times, *self.statements, *self.participations
        ]
        return [item.evidence.anchor for item in items] + [note.anchor for note in self.notes]
