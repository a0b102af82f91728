"""The resolve step: a loaded annotation and its article in, a checked annotation out.

Every rule the annotation format states beyond its schema (articles/README.md) is checked here,
in this order, and the first broken one is raised as an AnnotationError at its line
(:func:`resolve`, for the build), or every broken one is collected (:func:`resolve_collecting`,
for ``handcar check``): the same checks, run once, either stopping or going on:

0. the article's metadata: each key in the front matter or the annotation, not both; a headline
   and a date (:mod:`handcar.annotation.frontmatter`);
1. ids: unique across entities, events, quantities, times, statements and participations;
   ``article`` is reserved for the article itself; no item is an unconfirmed suggestion of
   ``handcar new`` (``suggested: true``);
2. the classes of entities and events are classes of the ontology;
3. times resolve against the publication date (:mod:`handcar.annotation.timeexpr`);
4. item by item (entities, events, quantities, times, statements): ``said_by`` names an Agent
   (default: the publisher), ``source`` a Source (default: the article), the quote occurs once
   in the text (:mod:`handcar.annotation.anchor`); a quantity's unit is a code of the bundled
   QUDT table (:mod:`handcar.units`; an unknown one names the closest codes), a quantity used as
   a ``duration`` or ``age`` has a unit of time and one used as a ``distance`` a unit of length;
   each fact's subject is declared, its property is one of the ontology, neither its domain
   nor its range makes the subject or the object a class disjoint with its own, and its
   object is what the property takes (an id or an IRI, or a literal: an IRI is refused, a
   whole number is required where the range is an integer type); ``nextLeg`` and ``duration``
   need an id (their OWL-Time intervals are derived from it);
5. each participation names an Event, an Agent and an EventRole, and its quote occurs once;
   the quotes of ``not_modelled`` occur once;
6. the publisher, if named, is an Agent (none: an unnamed publisher, a ``djo:UnnamedAgent``
   minted for the article), the embedded post and the photo are Sources;
7. each declared reading relation names two different quantity or time ids, at least one of
   this article (``<article-id>/<id>`` names another article's; the build checks it) (the old
   ``conflicts:`` form, which paired whole statements, is refused with a pointer to the new one);
8. each identity link names an event or scoped (unnamed, not shared) thing of this annotation
   and another article's item (the build checks that side);
9. the words of ``publisher_quote`` are in the text (anywhere: they have no prefix or suffix).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from rdflib import URIRef

from handcar.annotation import timeexpr
from handcar.annotation.anchor import (
    AmbiguousQuote,
    Anchor,
    QuoteNotFound,
    closest_words,
    find_quote,
)
from handcar.annotation.checked import (
    ARTICLE_ID,
    INTEGER_TYPES,
    INTERVAL_LINKS,
    UNNAMED_PUBLISHER,
    CheckedAnnotation,
    CheckedParticipation,
    CheckedQuantity,
    CheckedStatement,
    CheckedThing,
    CheckedTime,
    DeclaredRelation,
    Evidence,
    Fact,
    IdentityLink,
    Note,
    Ref,
    Where,
)
from handcar.annotation.frontmatter import article_metadata, front_matter_problems
from handcar.annotation.load import LoadedAnnotation
from handcar.annotation.model import (
    RELATION_KINDS,
    Attributed,
    Identity,
    IriValue,
    Participation,
    Quantity,
    Quoted,
    ReadingRelation,
    Statement,
    Thing,
    Time,
)
from handcar.article import Article
from handcar.errors import AnnotationError, close_names, did_you_mean
from handcar.namespaces import DJO, TIME
from handcar.units import OWL_TIME_UNITS, UnknownUnit, suggest, unit
from handcar.vocabulary import UnknownTerm, Vocabulary

SECTIONS = ("entities", "events", "quantities", "times", "statements", "participations")

Loc = tuple[str | int, ...]
T = TypeVar("T")
#: the sections whose items quote the article (and so may be suggestions of ``handcar new``)
QUOTED = (*SECTIONS, "not_modelled")
UNCONFIRMED = "unconfirmed suggestion"
AMBIGUOUS = "ambiguous quote"


def resolve(loaded: LoadedAnnotation, article: Article, vocab: Vocabulary) -> CheckedAnnotation:
    """Check ``loaded`` against ``article`` and the ontology; raise AnnotationError at the first
    problem (the order is the module docstring's)."""
    checked = _Resolver(loaded, article, vocab).resolve()
    assert checked is not None
    return checked


@dataclass(frozen=True)
class Collected:
    """What :func:`resolve_collecting` found: the checked annotation (None if there was a
    problem), every problem in the order found, and the anchor of every quote that was found."""

    checked: CheckedAnnotation | None
    problems: list[AnnotationError]
    anchors: list[Anchor]


def resolve_collecting(
    loaded: LoadedAnnotation,
    article: Article,
    vocab: Vocabulary,
    ignore: frozenset[str] = frozenset(),
) -> Collected:
    """Run every check of :func:`resolve`, going on after a problem. References to the ids
    in ``ignore`` (items already reported as broken) are not reported again."""
    resolver = _Resolver(loaded, article, vocab, collect=True, ignore=ignore)
    checked = resolver.resolve()
    return Collected(None if resolver.problems else checked, resolver.problems, resolver.anchors)


class _Resolver:
    def __init__(
        self,
        loaded: LoadedAnnotation,
        article: Article,
        vocab: Vocabulary,
        collect: bool = False,
        ignore: frozenset[str] = frozenset(),
    ) -> None:
        self.loaded, self.ann, self.article, self.vocab = loaded, loaded.annotation, article, vocab
        self.collect, self.ignore = collect, ignore
        self.problems: list[AnnotationError] = []
        self.anchors: list[Anchor] = []  # every quote found, for what is left to annotate
        # every id a reference may name, with its classes
        self.classes: dict[str, tuple[URIRef, ...]] = {ARTICLE_ID: (DJO.NewsArticle,)}
        self.publisher = self.ann.article.publisher or UNNAMED_PUBLISHER
        if self.ann.article.publisher is None:
            self.classes[UNNAMED_PUBLISHER] = (DJO.UnnamedAgent,)

    # -- stop or go on -----------------------------------------------------------------------
    def _try(self, check: Callable[..., T], *args: object, default: T | None = None) -> T | None:
        """``check(*args)``; on an AnnotationError, raise it, or (collecting) note it and go
        on with ``default``."""
        try:
            return check(*args)
        except AnnotationError as exc:
            if not self.collect:
                raise
            self.problems.append(exc)
            return default

    def resolve(self) -> CheckedAnnotation | None:
        ann = self.ann
        front = front_matter_problems(self.article) if self.collect else []
        self.problems += front  # every one, not the first with a count
        self.meta = None if front else self._try(article_metadata, self.article, self.loaded)
        self._unique_ids()
        self._unconfirmed()
        classes = {
            thing.id: self._try(self._classes, thing, (section, i, "type"), default=())
            for section in ("entities", "events")
            for i, thing in enumerate(getattr(ann, section))
        }
        for section in ("entities", "events"):
            for i, thing in enumerate(getattr(ann, section)):
                self._try(self._in_its_section, thing, classes[thing.id], (section, i, "type"))
        self.classes |= classes
        self.classes |= {q.id: (DJO.QuantityValue,) for q in ann.quantities}
        whens = {}
        for i, time in enumerate(ann.times):
            if self.meta is not None:
                whens[time.id] = self._try(self._when, time, ("times", i))
            self.classes[time.id] = (TIME.DateTimeInterval,)
        uses = {
            kind: {str(f[2]) for s in ann.statements for f in s.facts if f[1] == kind}
            for kind in ("duration", "distance", "age")
        }
        things = tuple(
            CheckedThing(thing, section == "events", classes[thing.id], self._evidence(thing, loc))
            for section in ("entities", "events")
            for loc, thing in self._items(section)
        )
        quantities = tuple(
            self._try(self._quantity, q, loc, {kind for kind, ids in uses.items() if q.id in ids})
            for loc, q in self._items("quantities")
        )
        times = tuple(
            CheckedTime(t.id, whens.get(t.id), self._evidence(t, loc))
            for loc, t in self._items("times")
        )
        statements = tuple(self._statement(s, loc) for loc, s in self._items("statements"))
        participations = tuple(
            self._participation(p, loc) for loc, p in self._items("participations")
        )
        notes = tuple(
            Note(
                f"not-modelled-{i + 1}",
                self._try(self._anchor, item, ("not_modelled", i)),
                item.reason,
            )
            for i, item in enumerate(ann.not_modelled)
        )
        info = ann.article
        checked = CheckedAnnotation(
            article=self.article,
            meta=self.meta,
            publisher=self._try(
                self._ref, self.publisher, ("article", "publisher"), "Agent"
            ),
            embedded_post=self._try(
                self._optional, info.embedded_post, ("article", "embedded_post")
            ),
            photo=self._try(self._optional, info.photo, ("article", "photo")),
            things=things,
            quantities=quantities,
            times=times,
            statements=statements,
            participations=participations,
            notes=notes,
            relations=self._relations(),
            identities=self._identities(things),
        )
        if info.publisher_quote is not None and info.publisher_quote not in self.article.text:
            self._try(self._raise, self._not_found(info.publisher_quote, ("article",
                                                                        "publisher_quote")))
        return checked

    @staticmethod
    def _raise(error: AnnotationError) -> None:
        raise error

    def _items(
        self, section: str
    ) -> list[tuple[Loc, Thing | Quantity | Time | Statement | Participation]]:
        return [((section, i), item) for i, item in enumerate(getattr(self.ann, section))]

    # -- declarations ------------------------------------------------------------------------
    def _unique_ids(self) -> None:
        seen: dict[str, Loc] = {}
        for section in SECTIONS:
            for (_, i), item in self._items(section):
                if item.id == ARTICLE_ID:
                    self._try(self._raise, self.loaded.error(
                        f"id {ARTICLE_ID!r} is reserved for the article", section, i, "id",
                        hint="choose another id"))
                elif item.id in seen:
                    first = self.loaded.line(*seen[item.id])
                    self._try(self._raise, self.loaded.error(
                        f"duplicate id {item.id!r} (first at line {first})", section, i, "id",
                        hint="give one of the two another id (or merge them)"))
                else:
                    seen[item.id] = (section, i, "id")

    def _unconfirmed(self) -> None:
        """Every item still marked ``suggested: true`` is a problem: the build never publishes
        what the curator has not confirmed."""
        for section in QUOTED:
            for i, item in enumerate(getattr(self.ann, section)):
                if item.suggested:
                    ident = f" {item.id}:" if getattr(item, "id", None) else ""
                    self._try(self._raise, self.loaded.error(
                        f"{UNCONFIRMED} ({section}{ident} {_short(item.quote, 40)!r})",
                        section, i, "suggested",
                        hint="check it against the text, then delete 'suggested: true' to"
                        " confirm it, or delete the item",
                    ))
        for i, link in enumerate(self.ann.identities):
            if link.suggested:
                self._try(self._raise, self.loaded.error(
                    f"{UNCONFIRMED} (identities {link.id}: same as {link.same_as})",
                    "identities", i, "suggested",
                    hint="check that the two are one (and the reason), then delete"
                    " 'suggested: true' to confirm it, or delete the link",
                ))

    def _classes(self, thing: Thing, loc: Loc) -> tuple[URIRef, ...]:
        try:
            return tuple(self.vocab.class_(name) for name in thing.type)
        except UnknownTerm as exc:
            classes = self.vocab.names()
            unknown = [name for name in thing.type if name not in classes]
            near = [close for name in unknown for close in close_names(name, classes)]
            about = [] if near else [found for name in unknown if ":" not in name
                                     for found in self.vocab.about(name)]
            raise self.loaded.error(
                exc.args[0], *loc, hint=did_you_mean(near) + _terms_about(about, "classes")
                + "use a DJO class (ontology/README.md) or a prefixed standard one the ontology"
                " declares") from None

    def _in_its_section(self, thing: Thing, classes: tuple[URIRef, ...], loc: Loc) -> None:
        """An event under ``events``, anything else under ``entities`` (the section decides
        the IRI: ``event/…`` or the entity's kind, ``group/…``)."""
        kind = self.vocab.kind(classes) if classes else "thing"
        types = ", ".join(thing.type)
        if loc[0] == "entities" and kind == "event":
            raise self.loaded.error(f"{types} is an event class: {thing.id} belongs under events",
                                    *loc, hint="move the item to the events section")
        if loc[0] == "events" and kind not in ("event", "thing"):
            raise self.loaded.error(
                f"{types} is not an event class (a {kind}): {thing.id} belongs under entities",
                *loc, hint="move the item to the entities section")

    def _when(self, time: Time, loc: Loc) -> timeexpr.CalendarTime:
        try:
            return timeexpr.resolve(time.date, time.relative, self.meta.date)
        except ValueError as exc:
            field = "date" if time.date is not None else "relative"
            fixed = timeexpr.respelt(time.relative or "") if field == "relative" else None
            try:  # "Tuesdy": did you mean "Tuesday"? (only a spelling that resolves)
                hint = fixed and timeexpr.resolve(None, fixed, self.meta.date) and (
                    f"did you mean {fixed!r}?")
            except ValueError:
                hint = None
            raise self.loaded.error(str(exc), *loc, field, hint=hint or None) from None

    # -- references --------------------------------------------------------------------------
    def _ref(self, ident: str, loc: Loc, kind: str | None = None) -> str:
        """``ident`` if it is declared (and, given ``kind``, of that DJO class or below)."""
        classes = self.classes.get(ident)
        if classes is None:
            if ident in self.ignore:  # an item already reported as broken
                return ident
            raise self.loaded.error(
                f"reference to undefined entity {ident!r}", *loc,
                hint=did_you_mean(close_names(ident, self.classes) or _renamed(ident, self.classes))
                + f"declare {ident!r} under entities or events, or correct the id",
            )
        # no classes: its class is unknown (reported at its type), so it is of no kind to ask
        if kind and classes and not self.vocab.is_a(classes, kind):
            raise self.loaded.error(f"{ident!r} is not {_a(kind)}", *loc)
        return ident

    def _optional(self, ident: str | None, loc: Loc) -> str | None:
        return None if ident is None else self._ref(ident, loc, kind="Source")

    # -- evidence ----------------------------------------------------------------------------
    def _evidence(self, item: Attributed, loc: Loc) -> Evidence:
        said_by = item.said_by or self.publisher
        return Evidence(
            said_by=self._try(self._ref, said_by, (*loc, "said_by"), "Agent"),
            source=self._try(self._ref, item.source or ARTICLE_ID, (*loc, "source"), "Source"),
            anchor=self._try(self._anchor, item, loc),
        )

    def _anchor(self, item: Quoted, loc: Loc) -> Anchor:
        try:
            found = find_quote(self.article.text, item.quote, item.prefix, item.suffix)
        except (QuoteNotFound, AmbiguousQuote) as exc:
            message, hint = quote_problem(self.article, item.quote, item.prefix, item.suffix, exc)
            raise self.loaded.error(message, *loc, "quote", hint=hint) from None
        if not item.suggested:  # a guess does not make its sentence annotated
            self.anchors.append(found)
        return found

    def _not_found(self, quote: str, loc: Loc) -> AnnotationError:
        message, hint = quote_problem(self.article, quote, None, None, QuoteNotFound(quote))
        return self.loaded.error(message, *loc, hint=hint)

    # -- items -------------------------------------------------------------------------------
    def _quantity(self, q: Quantity, loc: Loc, uses: set[str]) -> CheckedQuantity:
        evidence = self._evidence(q, loc)
        try:
            found = unit(q.unit)
        except UnknownUnit:
            codes = suggest(q.unit)
            hint = ", ".join(f"{c} ({unit(c).label})" for c in codes)
            hint = f": did you mean {hint}?" if hint else " (see articles/README.md, Quantities)"
            raise self.loaded.error(
                f"unknown QUDT unit {q.unit!r}{hint}", *loc, "unit"
            ) from None
        for use, kind in (("duration", "Time"), ("age", "Time"), ("distance", "Length")):
            if use in uses and not found.is_a(kind):
                raise self.loaded.error(
                    f"a {use} needs a unit of {kind.lower()}, not {q.unit} ({found.label})",
                    *loc,
                    "unit",
                )
        duration = "duration" in uses
        return CheckedQuantity(
            q, duration, OWL_TIME_UNITS.get(q.unit) if duration else None, evidence
        )

    def _statement(self, statement: Statement, loc: Loc) -> CheckedStatement:
        evidence = self._evidence(statement, loc)
        facts = tuple(
            self._try(self._fact, fact, (*loc, "facts", n))
            for n, fact in enumerate(statement.facts)
        )
        return CheckedStatement(statement.id, facts, evidence)

    def _participation(self, item: Participation, loc: Loc) -> CheckedParticipation:
        return CheckedParticipation(
            item.id,
            self._try(self._ref, item.event, (*loc, "event"), "Event"),
            self._try(self._ref, item.participant, (*loc, "participant"), "Agent"),
            self._try(self._ref, item.role, (*loc, "role"), "EventRole"),
            self._evidence(item, loc),
        )

    def _fact(self, fact: tuple, loc: Loc) -> Fact:
        subject, name, obj = fact
        unknown_subject = None
        try:
            self._ref(subject, (*loc, 0))
        except AnnotationError as exc:
            if not self.collect:
                raise
            unknown_subject = exc  # its property is checked too: every problem at once
        try:
            predicate = self.vocab.property_(name)
        except UnknownTerm as exc:
            if unknown_subject is not None:
                self.problems.append(unknown_subject)
            near = close_names(name, self.vocab.names(properties=True))
            about = [] if near or ":" in name else self.vocab.about(name, properties=True)
            raise self.loaded.error(
                exc.args[0], *loc, 1, hint=did_you_mean(near) + _terms_about(about, "properties")
                + "use a DJO property (ontology/README.md) or a prefixed standard one the"
                " ontology declares") from None
        if unknown_subject is not None:
            raise unknown_subject
        self._fits(subject, name, predicate, (*loc, 1), "of")
        if isinstance(obj, str) and self.vocab.is_object_property(predicate):
            self._fits(obj, name, predicate, (*loc, 2), "to")
        if self.vocab.is_object_property(predicate):
            if isinstance(obj, IriValue) and predicate in INTERVAL_LINKS:
                raise self.loaded.error(
                    f"{name} links to a leg or quantity of this annotation: give its id,"
                    " not an IRI",
                    *loc,
                    2,
                )
            if isinstance(obj, IriValue):
                return Fact(subject, predicate, obj)
            if isinstance(obj, str):
                return Fact(subject, predicate, Ref(self._ref(obj, (*loc, 2))))
            raise self.loaded.error(f"{name} links to an entity: give an id, not {obj!r}", *loc, 2)
        datatype = self.vocab.datatype_range(predicate)
        if isinstance(obj, IriValue):
            raise self.loaded.error("this property takes a literal, not an IRI", *loc, 2)
        if (
            datatype in INTEGER_TYPES
            and isinstance(obj, Decimal)
            and obj != obj.to_integral_value()
        ):
            raise self.loaded.error(f"expected a whole number, got {obj}", *loc, 2)
        return Fact(subject, predicate, obj, datatype)

    def _fits(self, ident: str, name: str, predicate: URIRef, loc: Loc, side: str) -> None:
        """Refuse a fact whose property makes ``ident`` (its subject, ``side`` "of", or its
        object, "to") a class disjoint with the item's own: the build would infer it (RDFS
        domain and range) and the shapes reject the item, far from this line."""
        clash = self.vocab.implied_clash(self.classes.get(ident, ()), predicate,
                                         as_object=side == "to")
        if clash is None:
            return
        own, given = (self.vocab.name(c) for c in clash)
        said = (f"is a property of {_a(given)} (its domain)" if side == "of"
                else f"links to {_a(given)} (its range)")
        which = f"of {_a(own)}" if side == "of" else f"that links to {_a(own)}"
        # the DJO properties said of (or linking to) exactly that class
        exact = self.vocab.superclasses.get(clash[0], frozenset({clash[0]}))
        implied = self.vocab.range_classes if side == "to" else self.vocab.domain_classes
        fitting = sorted(self.vocab.name(p) for p, classes in implied.items()
                         if classes == exact and p.startswith(DJO))
        listed = f": {', '.join(fitting)}" if fitting else " (ontology/README.md)"
        raise self.loaded.error(
            f"{name} {said}, and {ident!r} is {_a(own)}, which no {given} is", *loc,
            hint=f"check the type of {ident!r}, or use a property {which}{listed}")

    def _relations(self) -> tuple[DeclaredRelation, ...]:
        if self.ann.conflicts:
            self._try(self._raise, self.loaded.error(
                "conflicts: (pairs of statements) was replaced by reading_relations: (two"
                " quantity or time ids, a relation and a reason; see articles/README.md)",
                "conflicts",
            ))
        values = {q.id for q in self.ann.quantities} | {t.id for t in self.ann.times}
        found = (
            self._try(self._relation, i, declared, values)
            for i, declared in enumerate(self.ann.reading_relations)
        )
        return tuple(relation for relation in found if relation is not None)

    def _relation(self, i: int, declared: ReadingRelation, values: set[str]) -> DeclaredRelation:
        if all("/" in ident for ident in declared.between):
            raise self.loaded.error(
                "at least one of the two values is this article's", "reading_relations", i
            )
        for j, ident in enumerate(declared.between):
            if "/" in ident:  # another article's value: checked by the build
                continue
            if ident not in values:
                raise self.loaded.error(
                    f"{ident!r} is not a quantity or time id",
                    "reading_relations",
                    i,
                    "between",
                    j,
                )
        first, second = declared.between
        if first == second:
            raise self.loaded.error(
                "a value is not compared with itself", "reading_relations", i, "between"
            )
        where = Where(
            self.loaded.source.path, self.loaded.line("reading_relations", i, "between")
        )
        return DeclaredRelation(
            first, second, RELATION_KINDS[declared.relation], declared.reason, where
        )

    def _identities(self, things: tuple[CheckedThing, ...]) -> tuple[IdentityLink, ...]:
        """Each link names an event or scoped thing of this annotation, once, and another
        article (the other side is checked by the build, which knows every article)."""
        scoped = {thing.id: thing.scoped for thing in things}
        seen: set[tuple[str, str]] = set()
        found = (
            self._try(self._identity, i, link, scoped, seen)
            for i, link in enumerate(self.ann.identities)
        )
        return tuple(link for link in found if link is not None)

    def _identity(
        self, i: int, link: Identity, scoped: dict[str, bool], seen: set[tuple[str, str]]
    ) -> IdentityLink:
        if link.id not in scoped:
            raise self.loaded.error(
                f"{link.id!r} is not an entity or event of this annotation",
                "identities", i, "id",
            )
        if not scoped[link.id]:
            raise self.loaded.error(
                f"{link.id!r} has a name (or is shared), so its IRI is already the same in"
                " every article: only events and things without a name are linked",
                "identities", i, "id",
            )
        article, target = link.same_as.split("/")
        if article == self.article.id:
            raise self.loaded.error(
                "same_as names this article: link to another article's item",
                "identities", i, "same_as",
            )
        if (link.id, link.same_as) in seen:
            raise self.loaded.error(
                f"{link.id!r} is linked to {link.same_as!r} twice", "identities", i
            )
        seen.add((link.id, link.same_as))
        where = Where(self.loaded.source.path, self.loaded.line("identities", i, "same_as"))
        return IdentityLink(link.id, article, target, link.reason, where)


def quote_problem(
    article: Article, quote: str, prefix: str | None, suffix: str | None,
    failure: QuoteNotFound | AmbiguousQuote,
) -> tuple[str, str]:
    """The message and hint for a quote that ``failure`` says is not in ``article`` once."""
    if isinstance(failure, AmbiguousQuote):
        lines = ", ".join(str(article.line_of(o)) for o in failure.offsets)
        return (f"{AMBIGUOUS} {_short(quote)!r}: occurs {len(failure.offsets)} times "
                f"(article.md lines {lines}); add a prefix or suffix",
                "add prefix: (the words right before) or suffix: (right after) to pick one")
    context = " (with its prefix/suffix)" if prefix or suffix else ""
    hint = "copy the words exactly from article.md (punctuation, quotes and spaces count)"
    near = None if context else closest_words(article.text, quote)
    if near is not None:
        words = article.text[near[0]:near[1]]
        hint = f"did you mean {_short(words)!r} (article.md line {article.line_of(near[0])})? " \
            + hint
    return f"quote not found in the article: {_short(quote)!r}{context}", hint


def _renamed(ident: str, ids: Iterable[str]) -> list[str]:
    """The ids that are ``ident`` with words added or taken away at the end ("brenn" and
    "brenn-city"): an item renamed after the facts that name it were written."""
    return sorted(other for other in ids
                  if other.startswith(f"{ident}-") or ident.startswith(f"{other}-"))[:2]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _a(name: str) -> str:
    """``name`` with its indefinite article: "a Leg", "an Event"."""
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def _terms_about(names: list[str], kind: str) -> str:
    """"classes about it: X, Y; " (``kind``: classes or properties; a hint's start, when no
    term is spelt like the unknown one), else ""."""
    names = list(dict.fromkeys(names))[:5]
    return f"{kind} about it: {', '.join(names)}; " if names else ""
