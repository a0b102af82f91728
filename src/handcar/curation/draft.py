"""``handcar new``: a new article folder with the article as received and a draft annotation.

The draft lists every sentence (as comments, with its line of ``article.md``) and the items
:mod:`handcar.curation.suggest` finds, each quoting exact words of the text (with a prefix or
suffix where the words occur more than once) and marked ``suggested: true``: the build refuses
an unconfirmed suggestion, so nothing is published that the curator has not checked. Nothing
that exists is overwritten: the folder is made aside and moved into place in one step.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from handcar.annotation import timeexpr
from handcar.annotation.anchor import AmbiguousQuote, find_quote
from handcar.annotation.frontmatter import front_matter
from handcar.annotation.model import FORMAT
from handcar.annotation.schema import FILE_NAME, SCHEMA_ID, schema_text
from handcar.article import Article, load_article
from handcar.curation.known import Other, article_folders, entities_of, other_articles
from handcar.errors import AnnotationError, InputError, read_failure
from handcar.languages import english
from handcar.limits import ARTICLE_BYTES, DRAFT_TIME, read_regular_file

if TYPE_CHECKING:
    from handcar.curation.suggestion import Suggestion

SECTIONS = {"known": "entities", "name": "entities", "vehicle": "entities", "group": "entities",
            "mission": "entities", "agent": "entities", "place": "entities",
            "event": "events",
            "quantity": "quantities", "duration": "quantities", "time": "times"}


class CurationExtraMissing(RuntimeError):
    """The language libraries of the ``curation`` extra are not installed."""


@dataclass(frozen=True)
class Created:
    """What ``handcar new`` made."""

    folder: Path
    sentences: int
    counts: Counter[str]
    copied: bool = True
    """Whether the article was copied in too (not only the draft written beside it)."""

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(self.counts.items())) or "none"
        made = (f"{self.folder}/article.md and {self.folder}/annotation.yaml" if self.copied
                else f"{self.folder}/annotation.yaml")
        return (
            f"created {made}\n"
            f"{self.sentences} sentence{'' if self.sentences == 1 else 's'}; suggestions: {kinds}\n"
            f"next: confirm or delete each suggestion, add statements, then run"
            f" 'handcar check {self.folder}'"
        )


def create_article(
    source: Path, articles: Path, article_id: str | None = None,
    headline: str | None = None, date: dt.date | None = None,
) -> Created:
    """Copy ``source`` to ``articles/<id>/article.md`` byte for byte and write the draft beside
    it; refuse (InputError) an existing folder, an invalid id, an unreadable article."""
    from handcar.build import check_article_id

    try:
        raw = read_regular_file(source, ARTICLE_BYTES)
    except OSError as exc:
        raise read_failure(source, exc) from None
    ident = article_id or _id_from(source)
    target = articles / ident
    check_article_id(target, "choose another --id" if article_id else "give one with --id")
    if os.path.lexists(target):
        raise InputError(target, None, "already exists: handcar new never overwrites; choose"
                         " another --id or remove the folder")
    articles.mkdir(parents=True, exist_ok=True)
    # a folder of its own, made here, beside the target (the rename stays on one file system);
    # never one found there, which may be the curator's
    staging = Path(tempfile.mkdtemp(prefix=f".new-{ident}-", dir=articles))
    work = staging / ident
    work.mkdir()
    try:
        (work / "article.md").write_bytes(raw)
        try:
            article = load_article(work)
            text, counts = draft(article, articles, headline, date)
        except InputError as exc:  # name the file the curator gave, not the staged copy
            renamed = type(exc)(source, exc.line, exc.message)
            if isinstance(exc, AnnotationError):  # with the likely fix
                renamed.loc, renamed.hint = exc.loc, exc.hint
            raise renamed from None
        (work / "annotation.yaml").write_text(text, encoding="utf-8")
        _write_schema(articles)
        if os.path.lexists(target):  # made meanwhile
            raise InputError(target, None, "already exists: handcar new never overwrites")
        work.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Created(target, len(article.sentences), counts)


def draft_for(folder: Path, headline: str | None = None,
              date: dt.date | None = None) -> Created:
    """Write the draft ``annotation.yaml`` of the article already in ``folder`` (its articles
    folder is the parent): refused (InputError) when the folder has an annotation; nothing in
    it is changed but the new file."""
    from handcar.files import create_atomically

    articles = Path(os.path.abspath(folder)).parent
    target = folder / "annotation.yaml"
    if os.path.lexists(target):
        raise InputError(target, None, "already exists: handcar new never overwrites")
    article = load_article(folder)
    text, counts = draft(article, articles, headline, date)
    try:
        create_atomically(target, text)
    except FileExistsError:
        raise InputError(target, None, "already exists: handcar new never overwrites") from None
    _write_schema(articles)
    return Created(folder, len(article.sentences), counts, copied=False)


def draft(
    article: Article, articles: Path, headline: str | None = None, date: dt.date | None = None
) -> tuple[str, Counter[str]]:
    """The draft annotation of ``article`` (whose folder is not yet under ``articles``), and
    how many suggestions of each kind it holds."""
    try:
        from handcar.curation.attribution import attributions, speakers, unnamed_speakers
        from handcar.curation.events import AGAIN, LEGS
        from handcar.curation.links import linked
        from handcar.curation.statements import Drafted, suggested_statements
        from handcar.curation.suggest import slug, suggestions
    except ImportError as exc:
        raise CurationExtraMissing(
            f"handcar new needs the curation extra ({exc.name} is missing):"
            " pip install 'handcar[curation]'"
        ) from None
    meta, _document = front_matter(article)
    given: dict[str, Any] = {}
    if meta.headline is None:
        if headline is None:
            raise InputError(article.path, None, "no headline in the front matter: give"
                             " --headline")
        given["headline"] = headline
    if meta.date is None:
        if date is None:
            raise InputError(article.path, None, "no publication date in the front matter:"
                             " give --date YYYY-MM-DD")
        given["date"] = date
    published = meta.date or date
    others = other_articles(f for f in article_folders(articles) if f.name != article.id)
    known = entities_of(others)
    found = linked(suggestions(article, published, known, meta.language or "en",
                               seconds=DRAFT_TIME.value()), article.text)
    sections: dict[str, list[tuple[str, dict[str, Any]]]] = {
        "entities": [], "events": [], "quantities": [], "times": [], "statements": [],
        "identities": [], "not_modelled": []}
    ids = _Ids()
    counts: Counter[str] = Counter()
    seen_names: set[str] = set()
    journey: str | None = None
    legs: list[Drafted] = []  # in the text's order
    ends: list[Drafted] = []  # the journey, crossings and groups their words give facts
    by_words: dict[str, str] = {}  # the id of each name and known entity, by its words
    by_span: dict[tuple[str, int, int], str] = {}  # the id of each item, by kind and span
    names: dict[str, str] = {}  # the words of each name and known entity, by its id
    attributable: list[tuple[int, int, dict[str, Any]]] = []  # items someone may say: span

    def add(item: Suggestion) -> str:
        base = item.slug if item.kind == "known" else slug(item.slug)
        if base[:1].isdigit():
            base = f"{item.kind}-{base}"
        ident = ids.new(base, item.kind)
        entry: dict[str, Any] = {"id": ident}
        entry.update({k: _plain(v) for k, v in item.fields.items()})
        entry.update(_quote(article.text, item.start, item.end))
        entry["suggested"] = True
        sections[SECTIONS[item.kind]].append((item.note, entry))
        if item.kind in ("quantity", "duration"):
            attributable.append((item.start, item.end, entry))
        counts[item.kind] += 1
        by_span[item.kind, item.start, item.end] = ident
        return ident

    def id_of(item: Suggestion) -> str | None:
        if item.kind in ("known", "name"):
            return by_words.get(item.words)
        return by_span.get((item.kind, item.start, item.end))

    proper = {k.id: k.words for k in known if k.named}
    found = [_referring(item, proper)
             for item in _guessed_once(_best_mentions(found, proper))]
    again = [item for item in found if item.kind == AGAIN]  # more words of a leg: a statement
    found = [item for item in found if item.kind != AGAIN]
    # "…, the port authority said.": the unnamed speakers, where no suggested agent speaks
    attributed = attributions(article)
    found += unnamed_speakers(article, found, attributed)
    unnamed: dict[tuple[str, str], str] = {}  # each mission's, unnamed speaker's, place's id
    for item in found:
        if item.kind == "not_modelled":  # words the graph leaves out, and why (no id)
            sections["not_modelled"].append((item.note, {
                **_quote(article.text, item.start, item.end), **item.fields,
                "suggested": True}))
            counts[item.kind] += 1
            continue
        if item.kind in ("known", "name"):
            words = item.words
            known_id = f"known:{item.slug}" if item.kind == "known" else ""
            if words in seen_names or known_id in seen_names:
                continue  # one entity per name and per known id: its first mention
            seen_names |= {words, known_id} - {""}
        told = _told_before(item, unnamed)
        if told is not None:
            # "the consulate in Ostravia", "the port authority", "the border" told of again
            # (a mission by fewer words: "the embassy in Drask" after "the Varnholm embassy
            # in Drask"): the same one
            by_span[item.kind, item.start, item.end] = told
            continue
        ident = add(item)
        if item.kind in ("mission", "agent", "place"):
            unnamed[item.kind, item.words] = ident
        if item.kind in ("known", "name"):
            by_words[item.words] = ident
            names[ident] = str(item.fields.get("name") or item.fields.get("referred_to_as"))
        if item.kind == "event" and item.fields["type"] == "Journey":
            journey = ident
        if item.kind == "event" and item.fields["type"] in LEGS:
            legs.append(Drafted(item, ident, tuple(add(part) for part in item.parts)))
        elif item.links:
            ends.append(Drafted(item, ident))
    facts: dict[tuple[str, str], str] = {}
    for statement in suggested_statements(
            legs, ends, journey, id_of, lambda base: ids.new(base, "statement"), again,
            lambda time: _day_named(time, published), article.text):
        words = statement.quoting
        entry = {"id": statement.id, **_quote(article.text, words.start, words.end),
                 "facts": [_flow(fact) for fact in statement.facts], "suggested": True}
        sections["statements"].append((statement.note, entry))
        attributable.append((words.start, words.end, entry))
        counts["statement"] += 1
        for subject, prop, obj in statement.facts:
            facts.setdefault((subject, prop), obj)
    said = speakers(article, found, attributed)
    for start, end, entry in attributable:  # what quotes the words someone is said to say
        speaker = next((who for first, last, who in said if start < last and first < end), None)
        ident = id_of(speaker) if speaker is not None else None
        if ident is not None and ident != entry["id"]:
            entry.pop("suggested")
            entry.update(said_by=ident, suggested=True)
    related = _related(others, {item.slug for item in found if item.kind == "known"})
    for note, entry in _identities(legs, ends, facts, journey, [o for o, _n in related], names):
        sections["identities"].append((note, entry))
        counts["identity"] += 1
    return _render(article, given, sections, related, meta.language or "en"), counts


def _identities(legs: list[Any], ends: list[Any], facts: dict[tuple[str, str], str],
                journey: str | None, related: list[Other], names: dict[str, str],
                ) -> list[tuple[str, dict[str, Any]]]:
    """The suggested ``identities:`` entries (note, entry) of the draft's legs and border
    crossings (``Drafted`` items), whose ends its suggested ``facts`` give, with the
    ``related`` articles' (:mod:`handcar.curation.identities`)."""
    from handcar.curation.identities import DraftedLeg, suggested_identities
    from handcar.curation.suggest import a_kind

    def named(place: str | None) -> str | None:  # an unnamed place's id is this draft's
        return place if place in names else None  # own: it says nothing of another's ends

    drafted = [DraftedLeg(leg.id, leg.item.fields["type"], named(facts.get((leg.id, "origin"))),
                          named(facts.get((leg.id, "destination")))) for leg in legs]
    drafted += [DraftedLeg(end.id, "BorderCrossing", facts.get((end.id, "fromCountry")),
                           facts.get((end.id, "toCountry"))) for end in ends
                if end.item.fields.get("type") == "BorderCrossing"]
    links = suggested_identities(
        drafted, journey, related,
        lambda types: "BorderCrossing" in types or a_kind(types, "Leg"),
        lambda ident: names.get(ident, ident))
    return [(link.note, {"id": link.id, "same_as": link.same_as, "reason": link.reason,
                         "suggested": True}) for link in links]


def _flow(fact: list[Any]) -> Any:
    """``fact`` written on one line, ``[subject, property, object]``, as the format's facts are."""
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(fact)
    seq.fa.set_flow_style()
    return seq


def _guessed_once(found: list[Suggestion]) -> list[Suggestion]:
    """``found`` with every mention of a new name guessed the class its most telling mention
    gives (the draft writes one entity per name, at its first mention): "Kelm ordered …" is
    an ``Agent`` by default, "left Kelm" a ``Place``, and a leg's origin must be a place."""
    best: dict[str, str] = {}
    for item in found:
        if item.kind == "name" and best.get(item.words, "Agent") == "Agent":
            best[item.words] = item.fields["type"]
    return [replace(item, fields={**item.fields, "type": best[item.words]},
                    note=item.note.replace(f"{item.fields['type']} is a guess",
                                           f"{best[item.words]} is a guess"))
            if item.kind == "name" and item.fields["type"] != best[item.words] else item
            for item in found]


def _best_mentions(found: list[Suggestion], names: dict[str, str]) -> list[Suggestion]:
    """``found`` without the mentions a better one of the same entity replaces: a known
    entity's that is not spelt as its name (``names``, by id) where one is ("from Castra", not
    the dateline's "CASTRA": another spelling gives its one IRI a second name), and a new
    name's in capitals where one is not ("Nordport", not "NORDPORT")."""
    def better(item: Suggestion) -> Suggestion | None:
        words = str(item.fields.get("name"))
        if item.kind == "known" and words != names.get(item.slug):
            return spelt.get(item.slug)
        if item.kind == "name" and words.isupper():
            return cased.get(words.casefold())
        return None

    spelt = {item.slug: item for item in found
             if item.kind == "known" and item.fields.get("name") == names.get(item.slug)}
    cased = {str(item.fields["name"]).casefold(): item for item in reversed(found)
             if item.kind == "name" and not str(item.fields["name"]).isupper()}
    return [item for item in found if better(item) is None]


def _day_named(time: Suggestion, published: dt.date) -> dt.date | None:
    """The day a suggested time names ("Wednesday", "March 3"), against the publication date;
    None for a longer period ("last spring") or one that does not resolve."""
    try:
        found = timeexpr.resolve(time.fields.get("date"), time.fields.get("relative"), published)
    except ValueError:
        return None
    if found.month is None or found.day is None:
        return None
    return dt.date(found.year, found.month, found.day)


def _referring(item: Suggestion, names: dict[str, str]) -> Suggestion:
    """``item``, a known entity at a mention not spelt as its name (``names``, by id: "Foreign
    Ministry" for the Russian Foreign Ministry, "MOSCOW"), as that mention's phrase for the
    shared entity (``shared``, ``referred_to_as``): as a ``name`` it would give the one IRI a
    second name."""
    words = item.fields.get("name")
    if item.kind != "known" or words is None or words == names.get(item.slug):
        return item
    fields = {key: value for key, value in item.fields.items() if key != "name"}
    return replace(item, fields={**fields, "shared": True, "referred_to_as": words})


#: the other articles whose events a draft lists: those naming at least RELATED_SHARED of the
#: entities it suggests as known, at most RELATED_ARTICLES of them (most shared first), and at
#: most RELATED_EVENTS events of each
RELATED_SHARED, RELATED_ARTICLES, RELATED_EVENTS = 2, 3, 12


def _related(others: list[Other], known_ids: set[str]) -> list[tuple[Other, int]]:
    """The other articles most likely to report the same event: those naming the most of
    the known entities this article names (at least :data:`RELATED_SHARED`), with how many."""
    scored = [(other, len(known_ids & {k.id for k in other.entities})) for other in others
              if other.events]
    scored = [(other, n) for other, n in scored if n >= RELATED_SHARED]
    return sorted(scored, key=lambda pair: (-pair[1], pair[0].id))[:RELATED_ARTICLES]


def _related_lines(related: list[tuple[Other, int]]) -> list[str]:
    """Comments listing the events of ``related`` articles, as ``identities:`` would name them."""
    if not related:
        return []
    out = ["#", "# Other articles name the same people, places or organisations and may report the",
           "# same event; if this article reports one of their events, link yours to it under",
           "# 'identities:' (articles/README.md, 'Identities: one event, many reports'):"]
    for other, shared in related:
        out.append(f"#   {other.id} ({shared} of these entities):")
        for event in other.events[:RELATED_EVENTS]:
            words = event.words if len(event.words) <= 60 else event.words[:59] + "…"
            kind = "/".join(event.types) or "an event"
            out.append(f"#     same_as: {other.id}/{event.id}  # {kind}: {words}")
        if len(other.events) > RELATED_EVENTS:
            out.append(f"#     … and {len(other.events) - RELATED_EVENTS} more events")
    return out


def _render(
    article: Article, given: dict[str, Any], sections: dict[str, list[tuple[str, dict]]],
    related: list[tuple[Other, int]] = (),  # type: ignore[assignment]
    language: str = "en",
) -> str:
    out = [
        f"# yaml-language-server: $schema=../{FILE_NAME}",
        f"# Draft annotation of {article.id}, made by 'handcar new' (format: articles/README.md).",
        "# Items marked 'suggested: true' are guesses from the words of the article: check each",
        "# against the text, then confirm it (delete its 'suggested: true' line) or delete the",
        "# item. 'handcar build' refuses unconfirmed suggestions; 'handcar check' lists every",
        "# problem and what is left. The suggested statements tie the suggested legs to their",
        "# journey, vehicles, places, times and travellers: deleting an item, delete the facts",
        "# that name it. Add statements (facts) for what each sentence says.",
        "#",
    ]
    if not english(language):
        out += [
            f"# The article is in {language!r}: the draft reads English words only, so it",
            "# suggests only the names other articles know; annotate the rest by hand.",
            "#",
        ]
    out += [
        "# The sentences to annotate (line of article.md: text):",
    ]
    for sentence in article.sentences:
        lines = article.text_of(sentence).split("\n")
        out.append(f"#   {article.line_of(sentence.start)}: {lines[0]}")
        out += [f"#       {line}" for line in lines[1:]]
    out.append(f"format: {FORMAT}")
    if given:
        out.append(_dump({"article": given}).rstrip("\n"))
    for name, items in sections.items():
        if not items:
            continue
        out.append(f"{name}:")
        for note, entry in items:
            if note:
                out.append(f"  # {note}")
            out.append(_dump([entry]).rstrip("\n"))
    if not sections.get("statements"):
        out.append("statements: []")
    out += _related_lines(list(related))
    return "\n".join(out) + "\n"


def _dump(data: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


@cache
def _yaml() -> Any:
    """The draft's YAML writer, made once (making one is most of the cost of a small dump)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _told_before(item: Suggestion, unnamed: dict[tuple[str, str], str]) -> str | None:
    """The id of the unnamed mission, speaker or place ``item`` tells of again: the one of
    its words, or for a mission the one whose words end with them, if only one; else None."""
    if item.kind not in ("mission", "agent", "place"):
        return None
    if (item.kind, item.words) in unnamed:
        return unnamed[item.kind, item.words]
    if item.kind != "mission":
        return None
    tail = f" {item.words}".casefold()
    longer = {ident for (kind, words), ident in unnamed.items()
              if kind == "mission" and words.casefold().endswith(tail)}
    return longer.pop() if len(longer) == 1 else None


def _quote(text: str, start: int, end: int) -> dict[str, str]:
    """The quote of ``text[start:end]``, with the shortest prefix or suffix (whole words)
    that makes it occur once."""
    quote = text[start:end]
    try:
        find_quote(text, quote)
        return {"quote": quote}
    except AmbiguousQuote:
        pass
    size = 1
    while True:  # the words around it, more and more (at most the whole text)
        suffix = _words(text[end:], size)
        if suffix and _unique_at(text, quote, None, suffix, start):
            return {"quote": quote, "suffix": suffix}
        prefix = _words(text[:start][::-1], size)[::-1]
        if prefix and _unique_at(text, quote, prefix, None, start):
            return {"quote": quote, "prefix": prefix}
        # a paragraph told twice: in the middle of it, only both sides together tell them apart
        if prefix and suffix and _unique_at(text, quote, prefix, suffix, start):
            return {"quote": quote, "prefix": prefix, "suffix": suffix}
        if len(prefix) >= start and len(suffix) >= len(text) - end:
            raise AssertionError(f"no context makes {quote!r} unique")  # never: one text
        size = size + 1 if size < 12 else size * 3 // 2


def _words(text: str, size: int) -> str:
    """The first ``size`` characters-runs of ``text`` up to a word boundary (with the space)."""
    count, at = 0, 0
    while at < len(text) and count < size:
        at += 1
        if at == len(text) or (text[at].isspace() and not text[at - 1].isspace()):
            count += 1
    return text[:at]


def _unique_at(text: str, quote: str, prefix: str | None, suffix: str | None, start: int) -> bool:
    try:
        return find_quote(text, quote, prefix, suffix).start == start
    except LookupError:
        return False


class _Ids:
    """The ids of a draft: each new one its base, else the base and the next free number
    ("leg-bus", "leg-bus-2"; never ``article``, which names the article itself)."""

    def __init__(self) -> None:
        self.taken: set[str] = {"article"}
        self._next: dict[str, int] = {}  # the number to try next after a base

    def new(self, base: str, kind: str) -> str:
        base = base or kind
        ident, n = base, self._next.get(base, 2)
        while ident in self.taken:
            ident, n = f"{base}-{n}", n + 1
        self._next[base] = n
        self.taken.add(ident)
        return ident


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _id_from(source: Path) -> str:
    from handcar.curation.suggest import slug

    return slug(source.stem if source.name != "article.md" else source.parent.name)


def _write_schema(articles: Path) -> None:
    """Keep ``articles/annotation.schema.json`` (the drafts' editor schema) up to date: write
    it when missing or when it is an older copy of handcar's (never another file)."""
    from handcar.files import write_atomically

    path = articles / FILE_NAME
    text = schema_text()
    if path.exists():
        old = path.read_text(encoding="utf-8", errors="replace")
        if old == text or SCHEMA_ID not in old:
            return
    write_atomically(path, text)
