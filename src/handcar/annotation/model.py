"""The annotation format, as a pydantic schema (documented for curators in articles/README.md).

An annotation lists what an article mentions (entities, events, quantities, times) and what it
states (statements made of subject-predicate-object facts); every item quotes the words of the
article it comes from. Names of classes and properties are DJO local names (``TrainLeg``,
``origin``) or prefixed standard names (``schema:name``); ids are lower-case slugs.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

FORMAT = "handcar-annotation/1"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
TERM_PATTERN = r"^([a-z][a-z0-9]*:)?[A-Za-z][A-Za-z0-9_-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
LinkTarget = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9][a-z0-9-]*$", max_length=161),
]
"""Another article's item: ``<article-id>/<local-id>``."""
Term = Annotated[str, StringConstraints(pattern=TERM_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]
LangTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
# A QUDT unit code (``MI``, ``KiloM``, ``HR``): checked against the bundled table
# (:mod:`handcar.units`) by the resolve step, which can say where and suggest a code.
Unit = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=80)]


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class _Strict(BaseModel):
    # attribute docstrings become the JSON Schema's descriptions (``handcar schema``)
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Quoted(_Strict):
    """The words of the article an item comes from; prefix/suffix pick one occurrence."""

    quote: Text
    """The exact words of the article's plain text the item comes from."""
    prefix: str | None = None
    """Text right before the quote, when the quote occurs more than once."""
    suffix: str | None = None
    """Text right after the quote, when the quote occurs more than once."""
    suggested: bool = False
    """A suggestion of ``handcar new``, not yet confirmed: confirm it by deleting this key (or
    setting it to false), or delete the item. ``handcar build`` refuses unconfirmed ones."""


class Attributed(Quoted):
    """Who says it (default: the article's publisher) and where (default: the article)."""

    said_by: Slug | None = None
    """The id of the agent who says it (default: the article's publisher)."""
    source: Slug | None = None
    """The id of the Source where it is said (a post, a statement; default: the article)."""


HttpUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/?#]+\S*$")]


class Metadata(_Strict):
    """The article's metadata: in ``article.md``'s front matter or in the annotation's
    ``article:`` section (each key in one of the two; see articles/README.md)."""

    headline: Text | None = None
    date: dt.date | None = None  # the publication date
    url: HttpUrl | None = None
    language: LangTag | None = None  # BCP 47; "en" when neither place gives it
    byline: Text | None = None  # the byline as printed ("By Ada Pell"), a credit, not an agent


METADATA_KEYS = tuple(Metadata.model_fields)


class ArticleInfo(Metadata):
    """The annotation's ``article:`` section: metadata, and which entities stand for the
    publisher (none: an unnamed publisher), the embedded post and the photo."""

    publisher: Slug | None = None
    publisher_quote: Text | None = None
    embedded_post: Slug | None = None
    photo: Slug | None = None

    @model_validator(mode="after")
    def _quote_needs_publisher(self) -> ArticleInfo:
        if self.publisher_quote is not None and self.publisher is None:
            raise ValueError("publisher_quote: there is no publisher to quote")
        return self


class Thing(Attributed):
    """An entity or event: its DJO type(s) and how the article names or refers to it."""

    id: Slug
    """A lower-case slug, unique in the annotation; a named entity's id is shared across
    articles (the same Pyongyang has the same id everywhere)."""
    type: Annotated[list[Term], BeforeValidator(_as_list), Field(min_length=1)]
    """One or more DJO classes (``Diplomat``) or prefixed standard classes."""
    name: Text | None = None
    """A proper name the article prints (words of the quote; a line break there is a space)."""
    referred_to_as: Text | None = None
    """The phrase the article uses for a thing it does not name (words of the quote)."""
    label: Text | None = None
    """The curators' own description, for display only (credited to the curators)."""
    lang: LangTag | None = None
    """The language of the name or phrase (BCP 47); by default the article's, or for words in
    another script the language taken for that script (Cyrillic: ru, Hangul: ko)."""
    shared: bool = False
    """The id names one thing in every article (an IRI of its own, not scoped to the article)
    although the article gives no proper name: an organisation known by its web address."""

    @model_validator(mode="after")
    def _named_from_quote(self) -> Thing:
        if self.name is None and self.referred_to_as is None and self.label is None:
            raise ValueError("give a name, referred_to_as or label")
        if self.name is not None and self.referred_to_as is not None:
            raise ValueError("a thing has either a proper name or a referring phrase, not both")
        # the same words: a line break in the quote (a wrapped line) is a space in the name,
        # and "é" is "é" however it is written (compared in Unicode's Normalization Form C)
        quote = unicodedata.normalize("NFC", self.quote)
        for field in ("name", "referred_to_as"):
            words = getattr(self, field)
            if words is None:
                continue
            words = unicodedata.normalize("NFC", words)
            if words not in quote and words not in " ".join(quote.split()):
                raise ValueError(
                    f"{field}: {words!r} is not in the quote: names are never invented"
                )
        return self


class Quantity(Attributed):
    """A number with a unit: exact (value), approximate (about), or bounded."""

    id: Slug
    """A lower-case slug, unique in the annotation."""
    unit: Unit
    """A QUDT unit code (``KiloM``, ``MI``, ``HR``, ``NUM`` for a count); case matters."""
    value: Decimal | None = None
    """An exact value."""
    about: Decimal | None = None
    """An approximate value ("about 32 hours", "roughly half a mile")."""
    more_than: Decimal | None = None
    """An exclusive lower bound ("more than a kilometer")."""
    at_least: Decimal | None = None
    """An inclusive lower bound ("at least three")."""
    less_than: Decimal | None = None
    """An exclusive upper bound ("less than an hour")."""
    at_most: Decimal | None = None
    """An inclusive upper bound ("at most ten")."""

    @model_validator(mode="after")
    def _one_reading(self) -> Quantity:
        points = [f for f in ("value", "about") if getattr(self, f) is not None]
        lowers = [f for f in ("more_than", "at_least") if getattr(self, f) is not None]
        uppers = [f for f in ("less_than", "at_most") if getattr(self, f) is not None]
        if len(points) + len(lowers) + len(uppers) == 0:
            raise ValueError("give value, about, or a bound (more_than/at_least/less_than/at_most)")
        if (points and (lowers or uppers)) or len(points) > 1:
            raise ValueError("a quantity is exact, approximate, or bounded: not several at once")
        if len(lowers) > 1 or len(uppers) > 1:
            raise ValueError("at most one lower and one upper bound")
        if lowers and uppers:
            low, high = getattr(self, lowers[0]), getattr(self, uppers[0])
            inclusive = lowers[0] == "at_least" and uppers[0] == "at_most"
            if low > high or (low == high and not inclusive):
                raise ValueError(f"{lowers[0]}: lower bound {low} is above upper bound {high}")
        return self

    @property
    def qualifier(self) -> str:
        """The DJO ValueQualifier local name that matches the reading."""
        for field, name in (
            ("value", "exactly"),
            ("about", "approximately"),
            ("more_than", "moreThan"),
            ("at_least", "atLeast"),
            ("less_than", "lessThan"),
            ("at_most", "atMost"),
        ):
            if getattr(self, field) is not None:
                return name
        raise AssertionError("validated quantity has a reading")


class Time(Attributed):
    """A calendar time: a full or partial date, or a phrase relative to the publication date."""

    id: Slug
    """A lower-case slug, unique in the annotation."""
    date: dt.date | Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2})?$")] | None = None
    """A full date (2021-02-25), a month ("2021-02") or a year ("2021")."""
    relative: Text | None = None
    """Words relative to the publication date: Thursday, yesterday evening, this week, last
    spring, late March (articles/README.md, Times)."""

    @model_validator(mode="after")
    def _one_reading(self) -> Time:
        if (self.date is None) == (self.relative is None):
            raise ValueError("give exactly one of date or relative")
        return self


Scalar = bool | int | Decimal | dt.date | str


class LangString(_Strict):
    """A literal with a language tag: ``{value: ..., lang: ru}``."""

    value: Text
    lang: LangTag


class IriValue(_Strict):
    """An IRI object: ``{iri: https://...}``."""

    iri: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


FactObject = LangString | IriValue | Scalar


class Statement(Attributed):
    """A claim in the article: one quote, an agent, a source, and the facts it states."""

    id: Slug
    """A lower-case slug, unique in the annotation."""
    facts: Annotated[list[tuple[Slug, Term, FactObject]], Field(min_length=1)]
    """``[subject id, property, object]`` triples: an id, a literal, ``{value, lang}`` or
    ``{iri}``."""


class Participation(Attributed):
    """The part an agent plays in an event, and in which role ("two people doing the pushing":
    the handcar leg, the group of two, the role of pushing)."""

    id: Slug
    event: Slug  # an event id
    participant: Slug  # an Agent id: a person or a group
    role: Slug  # an EventRole id (an entity typed EventRole)


class NotModelled(Quoted):
    """A sentence (or part) deliberately left out of the graph, and why."""

    reason: Text
    """Why the words are left out of the graph."""


RELATION_KINDS = {
    "same": "sameReading",
    "compatible": "compatibleReadings",
    "more-precise": "morePreciseReading",
    "contradictory": "contradictoryReadings",
    "different-questions": "differentQuestions",
}
"""The relations a curator may declare, with their DJO ReadingRelation local names."""


class ReadingRelation(_Strict):
    """How two values (quantity or time ids) relate, declared by the curator with the reason;
    for ``more-precise`` the first value is the more precise one. A value of another article
    is named ``<article-id>/<local-id>``; at least one of the two is this article's."""

    between: tuple[Slug | LinkTarget, Slug | LinkTarget]
    relation: Literal["same", "compatible", "more-precise", "contradictory", "different-questions"]
    reason: Text


class Identity(_Strict):
    """The curator's word that an event or scoped thing of this annotation is the same as one
    of another article (``<article-id>/<local-id>``), with the reason."""

    id: Slug
    same_as: LinkTarget
    reason: Text
    suggested: bool = False
    """A suggestion of ``handcar new``, not yet confirmed: confirm it by deleting this key (or
    setting it to false), or delete the link. ``handcar build`` refuses unconfirmed ones."""


class Annotation(_Strict):
    """One article's annotation file."""

    format: Literal["handcar-annotation/1"]
    article: ArticleInfo = ArticleInfo()
    entities: list[Thing] = []
    events: list[Thing] = []
    quantities: list[Quantity] = []
    times: list[Time] = []
    statements: list[Statement] = []
    participations: list[Participation] = []
    not_modelled: list[NotModelled] = []
    reading_relations: list[ReadingRelation] = []
    identities: list[Identity] = []
    conflicts: list[Any] = []  # the old form (pairs of statements): refused with a pointer
