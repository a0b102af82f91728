"""Turns one article's checked annotation into claims: who says what, where, in which words.

A :class:`Claim` is one quoted piece of the article (a mention of an entity, event, quantity or
time, or an explicit statement) with the agent who says it, the source it is said in, its
anchor in the text, and the triples it supports. Every triple handcar asserts comes from exactly
this list, so every triple has evidence. Nothing is checked here: the annotation was checked by
:func:`handcar.annotation.resolve.resolve`.

Derivation rules (each derived triple is supported by the claim of the fact it comes from):
- ``L nextLeg M``   ⇒ nothing in OWL-Time: "followed by" gives the order, not whether a gap lies
  between the legs, so no ``time:intervalMeets`` (issue 12)
- ``L duration Q``  ⇒ ``interval(L) time:hasDuration Q``
- either of those   ⇒ ``L hasInterval interval(L)`` and ``interval(L) a time:ProperInterval``
  (and likewise for M)
- ``X during T``    ⇒ ``X djo:date "YYYY-MM-DD"^^xsd:date`` when T is known to the day
- ``X beganDuring T`` ⇒ ``X djo:startDate "YYYY-MM-DD"^^xsd:date`` likewise, and
  ``X endedDuring T`` ⇒ ``X djo:endDate …`` (the day it began or ended on, no more)
- ``S publishedDuring T`` ⇒ ``S schema:datePublished "YYYY-MM-DD"^^xsd:date`` likewise
- a participation of agent A in event E ⇒ ``E djo:participant A`` (playing a role in it, A takes
  part in it)

A quantity's unit is a QUDT unit (``djo:unit``) and, where QUDT gives one, its UN/CEFACT common
code (``schema:unitCode``), from the same words; what QUDT says of the unit itself (its quantity
kind) goes to the enrichment graph (:mod:`handcar.graph.units`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from handcar.annotation.anchor import Anchor
from handcar.annotation.checked import (
    ARTICLE_ID,
    INTERVAL_LINKS,
    UNNAMED_PUBLISHER,
    ArticleMeta,
    CheckedAnnotation,
    CheckedParticipation,
    CheckedQuantity,
    CheckedThing,
    CheckedTime,
    DeclaredRelation,
    Evidence,
    Fact,
    Note,
    Ref,
)
from handcar.annotation.timeexpr import CalendarTime
from handcar.article import Article
from handcar.graph.iris import Iris
from handcar.graph.readings import Interval, Reading, quantity_interval, time_interval
from handcar.graph.values import decimal_literal, duration_literal, term, unit_code
from handcar.languages import script_of, words_language
from handcar.namespaces import DJO, SCHEMA, TIME, UNIT
from handcar.vocabulary import Vocabulary

#: a link to a calendar period → the property that gives the period's day, when it is one day
#: (an event within a day happened on it; one that began or ended within it began or ended on it)
DAY_OF_PERIOD = {
    DJO.during: DJO.date,
    DJO.beganDuring: DJO.startDate,
    DJO.endedDuring: DJO.endDate,
    DJO.publishedDuring: SCHEMA.datePublished,
}

Triple = tuple[URIRef, URIRef, Node]
# xsd:duration designators of the time units that have one (a month or year has no fixed length)
DESIGNATORS = {"SEC": "S", "MIN": "M", "HR": "H", "DAY": "D"}


@dataclass
class Claim:
    """A quoted claim of the article and the triples it supports."""

    local: str
    iri: URIRef
    agent: URIRef
    source: URIRef
    anchor: Anchor
    triples: list[Triple] = field(default_factory=list)
    derived: set[Triple] = field(default_factory=set)
    """Those of :attr:`triples` handcar derived by the rules above rather than read."""


@dataclass(frozen=True)
class ArticleClaims:
    """Everything the graph needs from one article."""

    article: Article
    meta: ArticleMeta
    publisher: URIRef
    unnamed_publisher: bool  # minted for the article: no entity of the annotation stands for it
    post: URIRef | None
    photo: URIRef | None
    claims: list[Claim]
    notes: tuple[Note, ...]
    things: dict[str, URIRef]  # entity and event ids → IRIs
    values: dict[str, URIRef]  # quantity and time ids → IRIs
    readings: list[Reading]  # every value a statement gives for a property of a thing
    declared: list[Declared]  # how values relate, declared by the curator
    labels: list[Triple] = field(default_factory=list)
    """The display labels the curators wrote (``label:``): their words, not the article's, so
    :func:`handcar.graph.enrichment.add_curator_labels` credits them to the curators."""
    external: tuple[DeclaredRelation, ...] = ()
    """Declared relations naming another article's value: resolved by the build."""


@dataclass(frozen=True)
class Declared:
    """A relation between two values the curator declares (a DJO ReadingRelation local name),
    with the reason; for ``morePreciseReading`` the first is the more precise value."""

    first: URIRef
    second: URIRef
    relation: str
    reason: str


def build_claims(checked: CheckedAnnotation, vocab: Vocabulary, iris: Iris) -> ArticleClaims:
    """The claims of a checked annotation, with IRIs minted under ``iris``."""
    return _Claims(checked, vocab, iris).build()


class _Claims:
    def __init__(self, checked: CheckedAnnotation, vocab: Vocabulary, iris: Iris) -> None:
        self.checked, self.iris = checked, iris
        aid = checked.article.id
        self.refs: dict[str, URIRef] = {
            ARTICLE_ID: iris.article(aid),
            UNNAMED_PUBLISHER: iris.scoped("org", aid, "publisher"),
        }
        self.vocab = vocab
        self.named: set[str] = set()  # things with one IRI in every article
        for thing in checked.things:
            kind = "event" if thing.event else vocab.kind(thing.classes)
            if thing.scoped:  # an event, or described in passing: the article's own
                self.refs[thing.id] = iris.scoped(kind, aid, thing.id)
            else:  # named (or shared): one IRI in every article
                self.refs[thing.id] = iris.entity(kind, thing.id)
                self.named.add(thing.id)
        self.refs |= {q.id: iris.scoped("quantity", aid, q.id) for q in checked.quantities}
        self.refs |= {t.id: iris.scoped("time", aid, t.id) for t in checked.times}
        self.refs |= {
            p.id: iris.scoped("participation", aid, p.id) for p in checked.participations
        }
        self.whens = {t.id: t.when for t in checked.times}
        self.intervals: dict[str, Interval] = {
            q.id: quantity_interval(q.quantity) for q in checked.quantities
        } | {t.id: time_interval(t.when) for t in checked.times}
        self.labels: list[Triple] = []

    def build(self) -> ArticleClaims:
        checked = self.checked
        claims = [self._thing(thing) for thing in checked.things]
        claims += [self._quantity(q) for q in checked.quantities]
        claims += [self._time(t) for t in checked.times]
        readings: list[Reading] = []
        for statement in checked.statements:
            claim = self._claim(statement.id, statement.evidence)
            for fact in statement.facts:
                reading = self._reading(fact, claim, len(claim.triples) + 1)
                if reading is not None:
                    readings.append(reading)
                derived = self._derived(fact)
                claim.triples.append(self._stated(fact))
                claim.triples.extend(derived)
                claim.derived.update(derived)
            claims.append(claim)
        claims += [self._participation(p) for p in checked.participations]
        return ArticleClaims(
            article=checked.article,
            meta=checked.meta,
            publisher=self.refs[checked.publisher],
            unnamed_publisher=checked.publisher == UNNAMED_PUBLISHER,
            post=self._optional(checked.embedded_post),
            photo=self._optional(checked.photo),
            claims=claims,
            notes=checked.notes,
            things={t.id: self.refs[t.id] for t in checked.things},
            values={v.id: self.refs[v.id] for v in (*checked.quantities, *checked.times)},
            readings=readings,
            declared=[
                Declared(self.refs[d.first], self.refs[d.second], d.relation, d.reason)
                for d in checked.relations
                if "/" not in d.first + d.second
            ],
            labels=self.labels,
            external=tuple(d for d in checked.relations if "/" in d.first + d.second),
        )

    def _reading(self, fact: Fact, claim: Claim, n: int) -> Reading | None:
        """The reading ``fact`` gives, if it gives one: a quantity or calendar time as the value
        of any property (the value node stands for the reading), or a thing as the value of a
        property with one value per reading (the reified fact, the ``n``-th of its statement,
        stands for it: the thing itself is the value of many readings)."""
        if not isinstance(fact.object, Ref):
            return None
        value, subject = fact.object.id, str(self.refs[fact.subject])
        if value in self.intervals:
            return Reading(subject, str(fact.predicate), str(self.refs[value]), str(claim.iri),
                           self.intervals[value])
        if fact.predicate not in self.vocab.one_value_per_reading or value not in self.named:
            return None
        node = self.iris.fact(self.checked.article.id, claim.local, n)
        return Reading(subject, str(fact.predicate), str(node), str(claim.iri), None,
                       entity=str(self.refs[value]))

    def _optional(self, ident: str | None) -> URIRef | None:
        return None if ident is None else self.refs[ident]

    def _claim(self, local: str, evidence: Evidence) -> Claim:
        iri = self.iris.scoped("statement", self.checked.article.id, local)
        agent, source = self.refs[evidence.said_by], self.refs[evidence.source]
        return Claim(local, iri, agent, source, evidence.anchor)

    def _thing(self, checked: CheckedThing) -> Claim:
        claim = self._claim(checked.id, checked.evidence)
        thing, node = checked.thing, self.refs[checked.id]
        triples = claim.triples
        triples.extend((node, RDF.type, cls) for cls in checked.classes)
        words = thing.name if thing.name is not None else thing.referred_to_as
        # the curator's language tag, else the article's (or that of the words' own script)
        lang = thing.lang or (words and words_language(
            words, self.checked.meta.language, script_of(self.checked.article.text)))
        if thing.name is not None:
            triples.append((node, SCHEMA.name, Literal(thing.name, lang=lang)))
        if thing.referred_to_as is not None:
            triples.append((node, DJO.referredToAs, Literal(thing.referred_to_as, lang=lang)))
        # One display label: the curator's (credited to the curators, not to this claim), else
        # the name, else the article's phrase.
        if thing.label is not None:
            self.labels.append((node, RDFS.label, Literal(thing.label, lang="en")))
        else:
            triples.append((node, RDFS.label, Literal(words, lang=lang)))
        return claim

    def _quantity(self, checked: CheckedQuantity) -> Claim:
        claim = self._claim(checked.id, checked.evidence)
        q, node = checked.quantity, self.refs[checked.id]
        t = claim.triples
        t += [
            (node, RDF.type, DJO.QuantityValue),
            (node, DJO.unit, UNIT[q.unit]),
            (node, DJO.valueQualifier, DJO[q.qualifier]),
        ]
        for field_, prop in (
            ("value", DJO.numericValue),
            ("about", DJO.approximateValue),
            ("more_than", DJO.minExclusive),
            ("at_least", DJO.minInclusive),
            ("less_than", DJO.maxExclusive),
            ("at_most", DJO.maxInclusive),
        ):
            number = getattr(q, field_)
            if number is not None:
                t.append((node, prop, decimal_literal(number)))
        code = unit_code(q.unit)
        if code is not None:
            t.append((node, SCHEMA.unitCode, code))
        if checked.duration:
            t += [(node, RDF.type, DJO.Duration), (node, RDF.type, TIME.Duration)]
            if checked.time_unit is not None:
                t.append((node, TIME.unitType, TIME[checked.time_unit]))
            if q.value is not None and checked.time_unit is not None:
                t.append((node, TIME.numericDuration, decimal_literal(q.value)))
                designator = DESIGNATORS.get(q.unit)
                if designator and q.value == q.value.to_integral_value():
                    lexical = (
                        f"P{int(q.value)}D"
                        if designator == "D"
                        else f"PT{int(q.value)}{designator}"
                    )
                    t.append((node, DJO.xsdDuration, duration_literal(lexical)))
        return claim

    def _time(self, time: CheckedTime) -> Claim:
        claim = self._claim(time.id, time.evidence)
        node, when = self.refs[time.id], time.when
        desc = self.iris.scoped("time", self.checked.article.id, time.id, "description")
        t = claim.triples
        t += [
            (node, RDF.type, TIME.DateTimeInterval),
            (node, TIME.hasDateTimeDescription, desc),
            (node, RDFS.label, Literal(describe(when), lang="en")),
            (desc, RDF.type, TIME.DateTimeDescription),
            (desc, TIME.unitType, TIME[when.precision]),
            (desc, TIME.year, Literal(f"{when.year:04d}", datatype=XSD.gYear)),
        ]
        if when.month is not None:
            t.append((desc, TIME.month, Literal(f"--{when.month:02d}", datatype=XSD.gMonth)))
        if when.day is not None:
            t.append((desc, TIME.day, Literal(f"---{when.day:02d}", datatype=XSD.gDay)))
        if when.week is not None:  # an ISO 8601 week of the week-numbering year above
            t.append((desc, TIME.week, Literal(str(when.week), datatype=XSD.nonNegativeInteger)))
        if when.season is not None:
            t.append((desc, DJO.season, DJO[when.season]))
        if when.part_of_day is not None:
            t.append((desc, DJO.partOfDay, DJO[when.part_of_day]))
        if when.period_part is not None:
            t.append((desc, DJO.periodPart, DJO[when.period_part]))
        for bound, day in ((TIME.hasBeginning, when.first), (TIME.hasEnd, when.last)):
            if day is not None:  # the first and last day of a week
                end = "beginning" if bound == TIME.hasBeginning else "end"
                instant = self.iris.scoped("time", self.checked.article.id, time.id, end)
                t += [
                    (node, bound, instant),
                    (instant, RDF.type, TIME.Instant),
                    (instant, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date)),
                ]
        return claim

    def _participation(self, item: CheckedParticipation) -> Claim:
        claim = self._claim(item.id, item.evidence)
        node, event, agent = self.refs[item.id], self.refs[item.event], self.refs[item.participant]
        derived = (event, DJO.participant, agent)
        claim.triples += [
            (node, RDF.type, DJO.Participation),
            (event, DJO.hasParticipation, node),
            (node, DJO.participationAgent, agent),
            (node, DJO.inRole, self.refs[item.role]),
            derived,
        ]
        claim.derived.add(derived)
        return claim

    # -- facts -----------------------------------------------------------------------------------
    def _stated(self, fact: Fact) -> Triple:
        value = term(fact.object, self.refs, fact.datatype)
        return (self.refs[fact.subject], fact.predicate, value)

    def _derived(self, fact: Fact) -> list[Triple]:
        aid, subject, obj = self.checked.article.id, fact.subject, fact.object
        if fact.predicate in INTERVAL_LINKS and isinstance(obj, Ref):
            interval = self.iris.scoped("interval", aid, subject)
            out: list[Triple] = [
                (self.refs[subject], DJO.hasInterval, interval),
                (interval, RDF.type, TIME.ProperInterval),
            ]
            if fact.predicate == DJO.nextLeg:
                following = self.iris.scoped("interval", aid, obj.id)
                out += [
                    (self.refs[obj.id], DJO.hasInterval, following),
                    (following, RDF.type, TIME.ProperInterval),
                ]
            else:
                out.append((interval, TIME.hasDuration, self.refs[obj.id]))
            return out
        if fact.predicate in DAY_OF_PERIOD and isinstance(obj, Ref):
            when = self.whens.get(obj.id)
            if when is not None and when.date is not None:
                return [
                    (
                        self.refs[subject],
                        DAY_OF_PERIOD[fact.predicate],
                        Literal(when.date.isoformat(), datatype=XSD.date),
                    )
                ]
        return []


def describe(when: CalendarTime) -> str:
    """A readable label: ``2021-02-25``, ``2021-02-26 morning``, ``week 2021-W08 (2021-02-22 to
    2021-02-28)``, ``spring 2020``, ``late 2020-03``, ``early 2020``."""
    if when.date is not None:
        return f"{when.date.isoformat()} {when.part_of_day}" if when.part_of_day else (
            when.date.isoformat()
        )
    if when.week is not None and when.first is not None and when.last is not None:
        return (
            f"week {when.year:04d}-W{when.week:02d}"
            f" ({when.first.isoformat()} to {when.last.isoformat()})"
        )
    if when.season is not None:
        return f"{when.season} {when.year}"
    text = f"{when.year:04d}-{when.month:02d}" if when.month is not None else f"{when.year:04d}"
    if when.period_part is not None:
        text = f"{when.period_part.removesuffix('Part')} {text}"
    return text
