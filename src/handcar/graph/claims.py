"""Turns one article's annotation into claims: who says what, where, in which words.

A :class:`Claim` is one quoted piece of the article (a mention of an entity, event, quantity or
time, or an explicit statement) with the agent who says it, the source it is said in, its
anchor in the text, and the triples it supports. Every triple handcar asserts comes from exactly
this list, so every triple has evidence.

Derivation rules (each derived triple is supported by the claim of the fact it comes from):
- ``L nextLeg M``   ⇒ ``interval(L) time:intervalMeets interval(M)``
- ``L duration Q``  ⇒ ``interval(L) time:hasDuration Q``
- either of those   ⇒ ``L hasInterval interval(L)`` and ``interval(L) a time:ProperInterval``
  (and likewise for M)
- ``X during T``    ⇒ ``X djo:date "YYYY-MM-DD"^^xsd:date`` when T is known to the day
- ``S publishedDuring T`` ⇒ ``S schema:datePublished "YYYY-MM-DD"^^xsd:date`` likewise
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from handcar.annotation import timeexpr
from handcar.annotation.anchor import AmbiguousQuote, Anchor, QuoteNotFound, find_quote
from handcar.annotation.load import LoadedAnnotation
from handcar.annotation.model import IriValue, LangString, Quantity, Quoted, Thing, Time
from handcar.article import Article
from handcar.graph.iris import Iris
from handcar.namespaces import DJO, SCHEMA, TIME, UNIT
from handcar.vocabulary import UnknownTerm, Vocabulary

Triple = tuple[URIRef, URIRef, Node]
ARTICLE_ID = "article"
TIME_UNITS = {
    "HR": ("unitHour", "H"),
    "MIN": ("unitMinute", "M"),
    "DAY": ("unitDay", "D"),
    "YR": ("unitYear", None),
}
# Facts whose object's OWL-Time interval is derived, so the object must be an annotation id.
INTERVAL_LINKS = (DJO.nextLeg, DJO.duration)


@dataclass
class Claim:
    """A quoted claim of the article and the triples it supports."""

    local: str
    iri: URIRef
    agent: URIRef
    source: URIRef
    anchor: Anchor
    triples: list[Triple] = field(default_factory=list)


@dataclass(frozen=True)
class Note:
    """A passage deliberately not modelled, and why."""

    local: str
    anchor: Anchor
    reason: str


@dataclass(frozen=True)
class ArticleClaims:
    """Everything the graph needs from one article."""

    article: Article
    publisher: URIRef
    language: str
    post: URIRef | None
    photo: URIRef | None
    claims: list[Claim]
    notes: list[Note]
    things: dict[str, URIRef]  # entity and event ids → IRIs
    conflicts: list[tuple[URIRef, URIRef]]  # claims that disagree, both kept


@dataclass(frozen=True)
class _Ref:
    iri: URIRef
    classes: tuple[URIRef, ...] = ()
    time: timeexpr.CalendarTime | None = None


class ClaimBuilder:
    """Checks an annotation against the article and the ontology while building its claims."""

    def __init__(self, loaded: LoadedAnnotation, article: Article, vocab: Vocabulary, iris: Iris):
        self.loaded, self.ann, self.article = loaded, loaded.annotation, article
        self.vocab, self.iris = vocab, iris
        self.refs: dict[str, _Ref] = {
            ARTICLE_ID: _Ref(iris.article(article.id), (DJO.NewsArticle,))
        }
        self.durations: set[str] = set()

    # -- entry point ---------------------------------------------------------------------------
    def build(self) -> ArticleClaims:
        self._declare()
        self.durations = {
            str(f[2]) for s in self.ann.statements for f in s.facts if f[1] == "duration"
        }
        claims: list[Claim] = []
        for section in ("entities", "events"):
            for index, thing in enumerate(getattr(self.ann, section)):
                claims.append(self._thing_claim(thing, (section, index)))
        for index, quantity in enumerate(self.ann.quantities):
            claims.append(self._quantity_claim(quantity, ("quantities", index)))
        for index, time in enumerate(self.ann.times):
            claims.append(self._time_claim(time, ("times", index)))
        for index, statement in enumerate(self.ann.statements):
            loc = ("statements", index)
            claim = self._claim(statement.id, statement, loc)
            for n, fact in enumerate(statement.facts):
                claim.triples.extend(self._fact(fact, (*loc, "facts", n)))
            claims.append(claim)
        notes = [
            Note(f"not-modelled-{i + 1}", self._anchor(item, ("not_modelled", i)), item.reason)
            for i, item in enumerate(self.ann.not_modelled)
        ]
        info = self.ann.article
        return ArticleClaims(
            article=self.article,
            publisher=self._ref(info.publisher, ("article", "publisher"), kind="Agent").iri,
            language=info.language,
            post=self._optional(info.embedded_post, ("article", "embedded_post")),
            photo=self._optional(info.photo, ("article", "photo")),
            claims=claims,
            notes=notes,
            things={t.id: self.refs[t.id].iri for t in [*self.ann.entities, *self.ann.events]},
            conflicts=self._conflicts({c.local: c.iri for c in claims}),
        )

    def _conflicts(self, claims: dict[str, URIRef]) -> list[tuple[URIRef, URIRef]]:
        statements = {s.id for s in self.ann.statements}
        pairs = []
        for i, pair in enumerate(self.ann.conflicts):
            for j, ident in enumerate(pair):
                if ident not in statements:
                    raise self.loaded.error(f"{ident!r} is not a statement id", "conflicts", i, j)
            if pair[0] == pair[1]:
                raise self.loaded.error("a statement cannot conflict with itself", "conflicts", i)
            pairs.append((claims[pair[0]], claims[pair[1]]))
        return pairs

    # -- declarations --------------------------------------------------------------------------
    def _declare(self) -> None:
        seen: dict[str, tuple] = {}
        items = [
            (section, i, item)
            for section in ("entities", "events", "quantities", "times", "statements")
            for i, item in enumerate(getattr(self.ann, section))
        ]
        for section, i, item in items:
            if item.id == ARTICLE_ID:
                raise self.loaded.error(
                    f"id {ARTICLE_ID!r} is reserved for the article", section, i, "id"
                )
            if item.id in seen:
                first = self.loaded.line(*seen[item.id])
                raise self.loaded.error(
                    f"duplicate id {item.id!r} (first at line {first})", section, i, "id"
                )
            seen[item.id] = (section, i, "id")
        aid = self.article.id
        for section in ("entities", "events"):
            for i, thing in enumerate(getattr(self.ann, section)):
                classes = tuple(self._class(name, (section, i, "type")) for name in thing.type)
                if section == "entities":
                    iri = self.iris.entity(self.vocab.kind(classes), thing.id)
                else:
                    iri = self.iris.scoped("event", aid, thing.id)
                self.refs[thing.id] = _Ref(iri, classes)
        for q in self.ann.quantities:
            self.refs[q.id] = _Ref(self.iris.scoped("quantity", aid, q.id), (DJO.QuantityValue,))
        for i, t in enumerate(self.ann.times):
            try:
                when = timeexpr.resolve(t.date, t.relative, self.article.date_published)
            except ValueError as exc:
                field = "date" if t.date is not None else "relative"
                raise self.loaded.error(str(exc), "times", i, field) from None
            self.refs[t.id] = _Ref(
                self.iris.scoped("time", aid, t.id), (TIME.DateTimeInterval,), when
            )

    def _class(self, name: str, loc: tuple) -> URIRef:
        try:
            return self.vocab.class_(name)
        except UnknownTerm as exc:
            raise self.loaded.error(exc.args[0], *loc) from None

    def _ref(self, ident: str, loc: tuple, kind: str | None = None) -> _Ref:
        ref = self.refs.get(ident)
        if ref is None:
            raise self.loaded.error(f"reference to undefined entity {ident!r}", *loc)
        if kind and not self.vocab.is_a(ref.classes, kind):
            raise self.loaded.error(f"{ident!r} is not a {kind}", *loc)
        return ref

    def _optional(self, ident: str | None, loc: tuple) -> URIRef | None:
        return None if ident is None else self._ref(ident, loc, kind="Source").iri

    # -- claims ----------------------------------------------------------------------------------
    def _anchor(self, item: Quoted, loc: tuple) -> Anchor:
        try:
            return find_quote(self.article.text, item.quote, item.prefix, item.suffix)
        except QuoteNotFound:
            raise self.loaded.error(
                f"quote not found in the article: {_short(item.quote)!r}"
                + (" (with its prefix/suffix)" if item.prefix or item.suffix else ""),
                *loc,
                "quote",
            ) from None
        except AmbiguousQuote as exc:
            lines = ", ".join(str(self.article.line_of(o)) for o in exc.offsets)
            raise self.loaded.error(
                f"ambiguous quote {_short(item.quote)!r}: occurs {len(exc.offsets)} times "
                f"(article.md lines {lines}); add a prefix or suffix",
                *loc,
                "quote",
            ) from None

    def _claim(self, local: str, item, loc: tuple) -> Claim:
        publisher = self.ann.article.publisher
        agent = self._ref(item.said_by or publisher, (*loc, "said_by"), kind="Agent").iri
        source = self._ref(item.source or ARTICLE_ID, (*loc, "source"), kind="Source").iri
        iri = self.iris.scoped("statement", self.article.id, local)
        return Claim(local, iri, agent, source, self._anchor(item, loc))

    def _thing_claim(self, thing: Thing, loc: tuple) -> Claim:
        claim = self._claim(thing.id, thing, loc)
        ref = self.refs[thing.id]
        triples = claim.triples
        triples.extend((ref.iri, RDF.type, cls) for cls in ref.classes)
        if thing.name is not None:
            triples.append((ref.iri, SCHEMA.name, Literal(thing.name, lang=thing.lang)))
        if thing.referred_to_as is not None:
            triples.append(
                (ref.iri, DJO.referredToAs, Literal(thing.referred_to_as, lang=thing.lang))
            )
        # One display label: the curator's, else the name, else the article's phrase.
        if thing.label is not None:
            triples.append((ref.iri, RDFS.label, Literal(thing.label, lang="en")))
        else:
            words = thing.name if thing.name is not None else thing.referred_to_as
            triples.append((ref.iri, RDFS.label, Literal(words, lang=thing.lang)))
        return claim

    def _quantity_claim(self, q: Quantity, loc: tuple) -> Claim:
        claim = self._claim(q.id, q, loc)
        node = self.refs[q.id].iri
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
        if q.id in self.durations:
            if q.unit not in TIME_UNITS:
                raise self.loaded.error(f"a duration needs a time unit, not {q.unit}", *loc, "unit")
            unit_type, designator = TIME_UNITS[q.unit]
            t += [
                (node, RDF.type, DJO.Duration),
                (node, RDF.type, TIME.Duration),
                (node, TIME.unitType, TIME[unit_type]),
            ]
            if q.value is not None:
                t.append((node, TIME.numericDuration, decimal_literal(q.value)))
                if designator and q.value == q.value.to_integral_value():
                    lexical = (
                        f"P{int(q.value)}D"
                        if designator == "D"
                        else f"PT{int(q.value)}{designator}"
                    )
                    t.append((node, DJO.xsdDuration, duration_literal(lexical)))
        return claim

    def _time_claim(self, time: Time, loc: tuple) -> Claim:
        claim = self._claim(time.id, time, loc)
        ref = self.refs[time.id]
        when = ref.time
        assert when is not None
        desc = self.iris.scoped("time", self.article.id, time.id, "description")
        t = claim.triples
        t += [
            (ref.iri, RDF.type, TIME.DateTimeInterval),
            (ref.iri, TIME.hasDateTimeDescription, desc),
            (ref.iri, RDFS.label, Literal(describe(when), lang="en")),
            (desc, RDF.type, TIME.DateTimeDescription),
            (desc, TIME.unitType, TIME[when.precision]),
            (desc, TIME.year, Literal(f"{when.year:04d}", datatype=XSD.gYear)),
        ]
        if when.month is not None:
            t.append((desc, TIME.month, Literal(f"--{when.month:02d}", datatype=XSD.gMonth)))
        if when.day is not None:
            t.append((desc, TIME.day, Literal(f"---{when.day:02d}", datatype=XSD.gDay)))
        if when.season is not None:
            t.append((desc, DJO.season, DJO[when.season]))
        return claim

    # -- facts -----------------------------------------------------------------------------------
    def _fact(self, fact: tuple, loc: tuple) -> list[Triple]:
        subject_id, predicate_name, obj = fact
        subject = self._ref(subject_id, (*loc, 0)).iri
        try:
            predicate = self.vocab.property_(predicate_name)
        except UnknownTerm as exc:
            raise self.loaded.error(exc.args[0], *loc, 1) from None
        if self.vocab.is_object_property(predicate):
            if isinstance(obj, IriValue) and predicate in INTERVAL_LINKS:
                raise self.loaded.error(
                    f"{predicate_name} links to a leg or quantity of this annotation: give its"
                    " id, not an IRI",
                    *loc,
                    2,
                )
            if isinstance(obj, IriValue):
                value: Node = URIRef(obj.iri)
            elif isinstance(obj, str):
                value = self._ref(obj, (*loc, 2)).iri
            else:
                raise self.loaded.error(
                    f"{predicate_name} links to an entity: give an id, not {obj!r}", *loc, 2
                )
        else:
            value = self._literal(predicate, obj, (*loc, 2))
        triples: list[Triple] = [(subject, predicate, value)]
        triples += self._derived(subject_id, predicate, obj)
        return triples

    def _literal(self, predicate: URIRef, obj: object, loc: tuple) -> Literal:
        datatype = self.vocab.datatype_range(predicate)
        if isinstance(obj, LangString):
            return Literal(obj.value, lang=obj.lang)
        if isinstance(obj, IriValue):
            raise self.loaded.error("this property takes a literal, not an IRI", *loc)
        if isinstance(obj, bool):
            return Literal(obj)
        if isinstance(obj, int | Decimal):
            if datatype in INTEGER_TYPES:
                if isinstance(obj, Decimal) and obj != obj.to_integral_value():
                    raise self.loaded.error(f"expected a whole number, got {obj}", *loc)
                return Literal(str(int(obj)), datatype=datatype)
            return decimal_literal(Decimal(obj)) if isinstance(obj, Decimal) else Literal(obj)
        if isinstance(obj, dt.date):
            return Literal(obj.isoformat(), datatype=XSD.date)
        return Literal(str(obj), datatype=datatype if datatype == XSD.anyURI else None)

    def _derived(self, subject_id: str, predicate: URIRef, obj: object) -> list[Triple]:
        aid = self.article.id
        if predicate in INTERVAL_LINKS:
            interval = self.iris.scoped("interval", aid, subject_id)
            out: list[Triple] = [
                (self.refs[subject_id].iri, DJO.hasInterval, interval),
                (interval, RDF.type, TIME.ProperInterval),
            ]
            if predicate == DJO.nextLeg:
                following = self.iris.scoped("interval", aid, str(obj))
                out += [
                    (interval, TIME.intervalMeets, following),
                    (self.refs[str(obj)].iri, DJO.hasInterval, following),
                    (following, RDF.type, TIME.ProperInterval),
                ]
            else:
                out.append((interval, TIME.hasDuration, self.refs[str(obj)].iri))
            return out
        if predicate in (DJO.during, DJO.publishedDuring) and isinstance(obj, str):
            when = self.refs[obj].time
            if when is not None and when.date is not None:
                target = DJO.date if predicate == DJO.during else SCHEMA.datePublished
                return [
                    (
                        self.refs[subject_id].iri,
                        target,
                        Literal(when.date.isoformat(), datatype=XSD.date),
                    )
                ]
        return []


INTEGER_TYPES = {XSD.integer, XSD.positiveInteger, XSD.nonNegativeInteger, XSD.int, XSD.long}


def decimal_literal(number: Decimal) -> Literal:
    """An xsd:decimal in canonical form (``32.0``, ``2500000.0``, ``2.5``)."""
    text = format(number.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal, normalize=False)


def duration_literal(lexical: str) -> Literal:
    """An xsd:dayTimeDuration kept exactly as written (rdflib would rewrite PT32H as P1DT8H)."""
    return Literal(lexical, datatype=XSD.dayTimeDuration, normalize=False)


def describe(when: timeexpr.CalendarTime) -> str:
    if when.date is not None:
        return when.date.isoformat()
    if when.season is not None:
        return f"{when.season} {when.year}"
    if when.month is not None:
        return f"{when.year:04d}-{when.month:02d}"
    return f"{when.year:04d}"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def build_claims(
    loaded: LoadedAnnotation, article: Article, vocab: Vocabulary, iris: Iris
) -> ArticleClaims:
    """Check ``loaded`` against ``article`` and the ontology; return its claims."""
    return ClaimBuilder(loaded, article, vocab, iris).build()
