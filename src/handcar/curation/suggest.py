"""The language work behind a draft: what in an article's sentences looks like an item.

Each kind comes from a library that does that job, never from hand-written patterns of text:

- quantities and durations: quantulum3 finds numbers with units ("more than a kilometre",
  "32-hour", "two adults"); its unit is mapped to a QUDT code of the bundled table
  (:func:`handcar.units.suggest`), a number without a unit is a count (``NUM``); the words right
  before it (spaCy tokens) say whether it is approximate or a bound (:data:`QUALIFIERS`);
  where quantulum3 alone reads wrongly, the reading is corrected: a time of day ("3 p.m.") is
  no quantity, "minutes" are time unless they follow degrees, "%" is percent, "$" the US dollar,
  "half an hour" and "an hour and a half" one duration each (:func:`_with_fractions`);
- dates and relative times: spaCy's rule ``Matcher`` (on ``spacy.blank("en")``, no statistical
  model) finds the phrases; relative ones are resolved by handcar's own
  :mod:`handcar.annotation.timeexpr` (so the draft says exactly what the build will), calendar
  dates by dateparser against the publication date; in a sentence that looks ahead ("will
  resume on Friday", "next Friday", :data:`AHEAD`) a weekday or a date without its year is the
  first on or after publication, as a date (the format's weekdays are the latest on or before),
  and "last Friday" in a Friday's paper the Friday a week before;
- entities other articles already name: spaCy's ``PhraseMatcher`` on their names;
- candidate new names: runs of capitalised tokens (spaCy's stop words dropped at their start;
  "Al-Mansouri", "O'Neill" and "Ministry of Transport" are one name); after a title
  (:data:`PERSON_TITLES`) a Person, named without it; the surname alone after a person's
  whole name (new or known) is no new name;
- legs of a journey, border crossings, vehicles, a journey the article names and groups of
  people a count counts: :mod:`handcar.curation.events` (spaCy's tokens looked up in tables
  of words for modes of travel and for people).

Every suggestion is a span of the plain text; the draft quotes exactly those characters. What
ties them together (a leg's places, times, travellers; the journey of the legs) is
:mod:`handcar.curation.links`'s job.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from handcar.annotation.anchor import nfc_spans
from handcar.annotation.timeexpr import MONTHS, PARTS_OF_DAY, PERIOD_PARTS, SEASONS, WEEKDAYS
from handcar.annotation.timeexpr import resolve as resolve_time
from handcar.article import Article
from handcar.curation.events import (
    CLAUSE_BREAKS,
    GROUP_NOUNS,
    MODES,
    PLACE_NOUNS,
    POSSESSIVES,
    Seen,
    event_suggestions,
    group_suggestions,
    named_vehicle,
)
from handcar.curation.known import Known
from handcar.curation.missions import drop_mission_names, mission_suggestions
from handcar.curation.places import unnamed_places
from handcar.curation.suggestion import Suggestion
from handcar.languages import english, script_of
from handcar.limits import DRAFT_TIME
from handcar.units import convert
from handcar.units import suggest as suggest_unit
from handcar.units import unit as qudt_unit

KINDS = ("quantity", "duration", "time", "known", "name", "event", "vehicle", "group",
         "mission", "place")
"""The kinds of suggestion, as the benchmark counts them."""

#: the words before a number that make it approximate or a bound → the annotation's key
QUALIFIERS = {
    ("about",): "about", ("roughly",): "about", ("around",): "about", ("some",): "about",
    ("approximately",): "about", ("nearly",): "less_than", ("almost",): "less_than",
    ("more", "than"): "more_than", ("over",): "more_than", ("at", "least"): "at_least",
    ("less", "than"): "less_than", ("fewer", "than"): "less_than", ("under",): "less_than",
    ("at", "most"): "at_most", ("up", "to"): "at_most", ("no", "more", "than"): "at_most",
}
#: qualifiers that are also prepositions of place, and the object pronouns after which they
#: are ("took them over two borders", not "over two hours")
PLACING = frozenset({"over", "under", "around"})
OBJECTS = frozenset({"them", "us", "him", "her", "me", "it", "you"})
#: words before a name that suggest it is a place (a guess the curator checks)
PLACE_CUES = frozenset({"in", "to", "from", "at", "near", "towards", "toward", "into", "via",
                        "reached", "left", "entered", "crossed", "reaching", "leaving",
                        "entering", "reach", "leave", "enter"})
#: the words before "for" that make the name after it a place headed for ("bound for
#: Castra", "left for Kelm")
HEADING = frozenset({"bound", "headed", "heading", "left", "leaving", "departed", "sailed",
                     "set"})
#: a name's head word (its last, or the one before "of") → the DJO class it names ("Kelm
#: Embassy", "Bank of Kelm", "Tumen River"); a guess the curator checks, as every class of a
#: new name is
NAME_HEADS = {
    **dict.fromkeys(("embassy", "consulate"), "DiplomaticMission"),
    **dict.fromkeys(("ministry", "department", "agency", "office", "bureau", "service",
                     "council", "committee", "commission", "institute", "directorate",
                     "company", "corporation", "railway", "railways", "airline", "airlines",
                     "police", "army", "navy", "university", "bank", "union"), "Organization"),
    **dict.fromkeys(("times", "gazette", "tribune", "herald", "news"), "NewsOrganization"),
    **dict.fromkeys(("republic", "kingdom", "federation", "emirates"), "Country"),
    "river": "River", "bridge": "Bridge",
    **dict.fromkeys(("island", "islands", "lake", "sea", "bay", "strait", "valley", "peninsula",
                     "mountains", "desert", "gulf", "ocean", "lagoon", "canal", "channel",
                     "coast", "mountain", "hills", "forest", "plateau", "delta", "pass",
                     "gorge", "canyon", "glacier", "fjord", "plain", "plains", "highlands",
                     "steppe", "reef", "archipelago"), "Place"),
}
#: a lower-case noun right after a name (itself after "the") that is part of it and gives its
#: class ("the Brenn crossing": a crossing point named "Brenn crossing", not an agent "Brenn")
NAME_TAILS = {"crossing": "BorderCrossingPoint", "checkpoint": "BorderCrossingPoint",
              "bridge": "Bridge"}
#: two such nouns ("the Velna border post", "the Tumen border crossing")
NAME_TAILS_2 = {("border", "post"): "BorderCrossingPoint",
                ("border", "crossing"): "BorderCrossingPoint",
                ("border", "checkpoint"): "BorderCrossingPoint",
                ("crossing", "point"): "BorderCrossingPoint"}
#: words in a ministry's name that make it a foreign ministry ("Ministry of Foreign Affairs")
FOREIGN = frozenset({"foreign", "external"})
#: words before a name that make it a person's ("Captain Ilse Marrow", "Dr. Ruth Ang"); the
#: title stays out of the name
#: (not the titles that also begin names of places and things: "Prince Edward Island",
#: "General Assembly", "Major League")
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "ambassador",
    "envoy", "consul", "minister", "president", "premier", "chancellor", "senator", "governor",
    "mayor", "captain", "capt", "colonel", "col", "gen", "lieutenant", "lt", "sergeant", "sgt",
    "admiral", "cmdr", "sheikh", "sheikha", "emir", "sultan",
    # diplomatic ranks ("Third Secretary Vladislav Sorokin", "Counsellor Ana Ruiz")
    "secretary", "counsellor", "counselor", "attaché", "attache",
})
#: the roles before which one word is a person's name too ("daughter Varya")
FAMILY_ROLES = frozenset({"wife", "husband", "son", "daughter", "mother", "father"})
#: words for a person's role that, in lower case right before a name of two words or more,
#: make it a person's ("spokeswoman Lena Brandt", "the driver, Ivo Lind")
PERSON_ROLES = FAMILY_ROLES | {
    "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat", "minister",
    "officer", "correspondent", "reporter", "journalist", "driver", "guard",
    "secretary", "counsellor", "counselor", "consul", "attaché", "attache", "aide", "adviser",
    "advisor", "director", "chairman", "chairwoman", "captain", "pilot", "colleague", "head",
}
#: titles that precede a person's name and nothing else
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})
#: words that make a title of a longer one ("Deputy Ambassador", "Foreign Minister", "Vice
#: President"; "Third Secretary": "third" is a stop word, left out before this)
TITLE_MODIFIERS = frozenset({
    "deputy", "vice", "acting", "chief", "senior", "prime", "foreign", "interior", "defence",
    "defense", "finance", "trade", "transport", "health", "justice", "economy", "energy",
})
#: titles that "General" completes ("Consul General Maren Holt", "Secretary General")
GENERAL_TITLES = frozenset({"consul", "secretary", "governor", "attorney", "surgeon"})
MONTH_WORDS = frozenset(MONTHS) | {m[:3] for m in MONTHS} | {m[:3] + "." for m in MONTHS} | {
    "sept", "sept."}


@cache
def _nlp() -> Any:
    import spacy
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Token

    nlp = spacy.blank("en")
    if not Token.has_extension("capitalised"):
        Token.set_extension("capitalised", getter=_capitalised)
    times = Matcher(nlp.vocab)
    weekday = {"LOWER": {"IN": list(WEEKDAYS)}}
    part = {"LOWER": {"IN": list(PARTS_OF_DAY)}, "OP": "?"}
    month = {"LOWER": {"IN": sorted(MONTH_WORDS)}}
    day = {"SHAPE": {"IN": ["d", "dd"]}}
    year = {"SHAPE": "dddd"}
    comma = {"ORTH": ",", "OP": "?"}
    times.add("relative", [
        [weekday, part],
        [{"LOWER": {"IN": ["today", "yesterday", "tomorrow"]}}, part],
        [{"LOWER": "this"}, {"LOWER": {"IN": list(PARTS_OF_DAY)}}],
        [{"LOWER": {"IN": ["this", "last", "next"]}}, {"LOWER": {"IN": ["week", "month", "year"]}}],
        [{"LOWER": {"IN": list(PERIOD_PARTS)}}, {"LOWER": {"IN": ["this", "last", "next"]}},
         {"LOWER": {"IN": ["month", "year"]}}],  # "late last year"
        [{"LOWER": "last"}, {"LOWER": {"IN": list(SEASONS)}}],
        [{"LOWER": {"IN": list(PERIOD_PARTS)}}, {"ORTH": "-", "OP": "?"}, year],
        [{"LOWER": {"IN": list(PERIOD_PARTS)}}, {"ORTH": "-", "OP": "?"}, month],
        [{"LOWER": {"IN": list(PERIOD_PARTS)}}, {"ORTH": "-", "OP": "?"}, month, year],
    ])
    times.add("day", [
        [year, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}],  # ISO 8601
        [{**weekday, "OP": "?"}, comma, day, month, comma, {**year, "OP": "?"}],
        [{**weekday, "OP": "?"}, comma, month, day, comma, {**year, "OP": "?"}],
    ])
    times.add("month", [[month, year]])
    times.add("year", [[year]])
    names = Matcher(nlp.vocab)
    capitalised = {"_": {"capitalised": True}, "OP": "+"}
    names.add("name", [
        [capitalised],
        [capitalised, {"ORTH": "-"}, capitalised],  # "Al-Mansouri"
        # a romanised Korean given name, "Kim Jong-un", "Ri Son-gwon": after a family name,
        # a syllable in lower case ("Hong Kong-born" is no name)
        [{"_": {"capitalised": True}}, capitalised, {"ORTH": "-"},
         {"IS_LOWER": True, "IS_ALPHA": True, "LENGTH": {"<=": 4},
          "LOWER": {"NOT_IN": sorted(_COMPOUNDING)}}],
    ])
    return nlp, times, names, PhraseMatcher


def tokenizer() -> Callable[[str], Any]:
    """The draft's tokenizer (spaCy's English rules, no model): text → ``Doc``."""
    return _nlp()[0].make_doc


#: English words that join a name into an adjective ("Hong Kong-born", "Soviet-era")
_COMPOUNDING = frozenset({"born", "made", "led", "era", "run", "held", "wide", "like", "free",
                          "long", "old", "bred", "only", "size", "type", "area"})


def suggestions(
    article: Article, published: dt.date | None, known: Sequence[Known] = (), language: str = "en",
    *, seconds: float | None = None,
) -> list[Suggestion]:
    """Every suggestion for ``article``'s sentences, in text order (times win over numbers
    inside them; known names over new ones). The tools read English: in an article of another
    ``language``, and in a sentence in another script than the article's, only the names other
    articles know are suggested. Given ``seconds``, raises the LimitError of
    :data:`~handcar.limits.DRAFT_TIME` at the sentence being read when they have passed."""
    nlp, time_matcher, name_matcher, phrase_matcher_class = _nlp()
    deadline = None if seconds is None else time.monotonic() + seconds
    line = 0

    def in_time() -> None:
        if deadline is not None and time.monotonic() > deadline:
            raise DRAFT_TIME.exceeded(article.path, line)
    from spacy.util import filter_spans

    phrases = phrase_matcher_class(nlp.vocab)
    for index, entity in enumerate(known):
        phrases.add(str(index), [nlp.make_doc(unicodedata.normalize("NFC", entity.words))])
    found: list[Suggestion] = []
    surnames: set[str] = set()
    in_english = english(language)
    script = script_of(article.text)
    index = _KnownWords.of(known)
    legs = Seen()  # what the sentences before told of legs
    said: set[str] = set()  # the sentences read so far, their words
    for sentence in article.sentences:
        line = article.line_of(sentence.start)
        in_time()
        offset, text = sentence.start, article.text_of(sentence)
        words = " ".join(text.split())
        if words in said:
            continue  # a caption repeating the lead: its items are the first one's
        said.add(words)
        # a sentence in another script (the Russian post an English article embeds) is in
        # another language: only the names other articles know
        read = in_english and script_of(text) == script
        # the tools read the sentence in Normalization Form C (an "e" and a combining accent
        # pasted from elsewhere is the letter "é" to them); spans map back to the text's own
        canonical = nfc_spans(text)
        if canonical is not None:
            text, offset = canonical[0], 0
        # a line break inside a paragraph is a space to the language tools ("about\n20 km",
        # "Kari\nNordmann"), at the same offsets: quotes are still the text's own characters
        doc = nlp.make_doc(text.replace("\n", " "))
        labels = {}
        for match_id, start, end in time_matcher(doc):
            start, end = _trim(doc, start, end)
            labels.setdefault((start, end), nlp.vocab.strings[match_id])
        time_spans = filter_spans([doc[s:e] for s, e in labels if e > s])
        times = [
            t for t in (_time(span, labels[(span.start, span.end)], offset, published)
                        for span in time_spans) if t
        ]
        taken = [(t.start, t.end) for t in times]
        quantities = [q for q in _quantities(doc, offset, in_time)
                      if not _overlaps(q, taken)]
        known_spans = filter_spans([doc[s:e] for _id, s, e in phrases(doc)])
        knowns = []
        for span in known_spans:
            entity = known[int(nlp.vocab.strings[_match_id(phrases, doc, span)])]
            knowns.append(Suggestion(
                "known", offset + span.start_char, offset + span.end_char,
                {"type": list(entity.types) if len(entity.types) > 1 else entity.types[0],
                 ("name" if entity.named else "referred_to_as"): entity.words,
                 **({} if entity.named else {"shared": True})},
                "known from other articles: the same id", entity.id))
        taken += [(k.start, k.end) for k in knowns]
        names = [n for n in _names(doc, name_matcher, offset) if not _overlaps(n, taken)
                 and n.fields["name"].casefold() not in surnames]
        names = _against_known(names, index)
        # "Ilves said", after "Ambassador Petra Ilves" (or "Petra Ilves", or a person other
        # articles know): the same person again, not a new name
        surnames |= {_surname(n.fields["name"]) for n in names
                     if n.fields["type"] in ("Person", "Agent")}
        surnames |= {_surname(k.fields["name"]) for k in knowns
                     if "name" in k.fields and a_kind(k.fields["type"], "Person")}
        surnames.discard("")
        missions = mission_suggestions(doc, offset, knowns + names) if read else []
        missions += unnamed_places(doc, offset) if read else []
        names = drop_mission_names(names, missions)
        named = [(s.start - offset, s.end - offset) for s in knowns + names]
        groups = group_suggestions(doc, offset, quantities, legs) if read else []
        events = (groups + event_suggestions(doc, offset, named, legs, groups)) if read else []
        here = (times + quantities + knowns + names + missions + events) if read else knowns
        if canonical is not None:
            _form, at, to = canonical
            here = [_moved(s, sentence.start, at, to) for s in here]
        found += here
    found = _no_nationalities(_no_adjectives_of_new_names(found), article.text)
    return sorted(found, key=lambda s: (s.start, s.end))


def _moved(s: Suggestion, sentence: int, at: Sequence[int], to: Sequence[int]) -> Suggestion:
    """``s`` (and its parts and links) with the spans of the canonical form mapped back to the
    text."""
    return replace(s, start=sentence + at[s.start], end=sentence + to[s.end - 1],
                   parts=tuple(_moved(p, sentence, at, to) for p in s.parts),
                   links=tuple((role, _moved(x, sentence, at, to)) for role, x in s.links))


def _no_adjectives_of_new_names(found: list[Suggestion]) -> list[Suggestion]:
    """``found`` without the new names that are another new name's people's adjective
    ("Norvalean guards" where the article names Norvale), as a known place's are dropped."""
    names = {str(s.fields["name"]).casefold() for s in found if s.kind == "name"}
    adjectives = {name + ending for name in names for ending in DEMONYM_ENDINGS}
    return [s for s in found
            if s.kind != "name" or str(s.fields["name"]).casefold() not in adjectives]


#: endings of the adjectives of made-up peoples ("Lorvanian", "Norvalean", "Tavese",
#: "Kelmish"); none ends the name of a place or a person often enough to count ("-an" and
#: "-i" do: "Tehran", "Delhi", "Julian")
NATIONALITY_ENDINGS = ("ian", "ean", "ese", "ish")
#: lower-case words after which a people's adjective qualifies them ("Swiss diplomats", "a
#: Lorvanian official", "the Tavoran foreign ministry"), besides those for people and the heads
#: of names
NATIONALITY_NOUNS = frozenset({
    "government", "authorities", "side", "border", "forces", "state", "media", "citizen",
    "national", "flag", "territory", "waters", "airspace", "soil", "counterpart",
    "counterparts", "delegation", "passport", "passports", "foreign", "official", "spokesman",
    "spokeswoman", "spokesperson", "man", "woman", "child", "family",
})


def _no_nationalities(found: list[Suggestion], text: str) -> list[Suggestion]:
    """``found`` without the new names that are a people's adjective before a word for people
    or an institution ("Swiss diplomats", "a Saudi official", "Lorvanian border guards"): a
    country's demonym (countryinfo's), or a single word with an ending of
    :data:`NATIONALITY_ENDINGS`. (Where other articles know the place, its adjective is
    dropped wherever it stands: :func:`_against_known`.)"""
    nouns = (NATIONALITY_NOUNS | GROUP_NOUNS | {n.removesuffix("s") for n in GROUP_NOUNS}
             | PERSON_ROLES | set(NAME_HEADS))
    demonyms = _demonyms()

    def adjective(item: Suggestion) -> bool:
        words = str(item.fields["name"])
        after = text[item.end:item.end + 30].split()
        if not (after and after[0].islower() and after[0].strip(",.;:") in nouns):
            return False
        return words.casefold() in demonyms or (
            " " not in words and words.casefold().endswith(NATIONALITY_ENDINGS))

    return [s for s in found if s.kind != "name" or not adjective(s)]


@cache
def _demonyms() -> frozenset[str]:
    """The demonyms of the world's countries (countryinfo's data), casefolded: "swiss",
    "north korean"; "saudi" for "Saudi Arabian" (the first word of a longer one whose
    country's name starts with it, when it ends as an adjective does: not "north")."""
    from countryinfo import CountryInfo

    found: set[str] = set()
    for country in CountryInfo.all().values():
        name = str(country.get("name", "")).casefold()
        for demonym in str(country.get("demonym") or "").split(","):
            words = demonym.strip().casefold()
            if not words or words == name:  # the data gives some a place's name ("Djibouti")
                continue
            found.add(words)
            first = words.split()[0]
            if " " in words and first.endswith(("i", "an")) and name.startswith(first):
                found.add(first)  # "Saudi Arabian": "Saudi" (not "North" of "North Korean")
    return frozenset(found)


#: what turns a place's name into its people's adjective ("Russia" → "Russian", "China" →
#: "Chinese", "Israel" → "Israeli"): endings of English demonyms
DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")


@dataclass(frozen=True)
class _KnownWords:
    """What other articles know, indexed once for :func:`_against_known`."""

    ids: dict[str, Known]
    adjectives: frozenset[str]
    """Known places' adjectives: "russian" for a known Russia."""
    tails: dict[str, Known]
    """The last two or more words of known names, casefolded: "foreign ministry"."""

    @classmethod
    def of(cls, known: Sequence[Known]) -> _KnownWords:
        places = [k.words.casefold() for k in known if k.named and a_kind(k.types, "Place")]
        tails: dict[str, Known] = {}
        for k in known:
            words = k.words.split()
            for size in range(2, len(words)) if k.named else ():
                tails.setdefault(" ".join(words[-size:]).casefold(), k)
        return cls({k.id: k for k in known},
                   frozenset(p + ending for p in places for ending in DEMONYM_ENDINGS), tails)


def _against_known(names: list[Suggestion], index: _KnownWords) -> list[Suggestion]:
    """New names read against what other articles know: a place's adjective ("Russian",
    "North Korean", for a known Russia or North Korea) is no name; a name whose id is a known
    entity's ("Moscow", "MOSCOW" for a known ``moscow``, even one another article calls
    "Москву"), or that is the last words of a known name ("Foreign Ministry" for "Russian
    Foreign Ministry"), is suggested as that entity, under its id and classes."""
    if not index.ids:
        return names
    ids, adjectives, tails = index.ids, index.adjectives, index.tails
    found = []
    for name in names:
        words = " ".join(str(name.fields["name"]).split())
        if words.casefold() in adjectives:
            continue
        same = ids.get(slug(words))
        note = "known from other articles: the same id"
        if same is None:
            same = tails.get(words.casefold())
            if same is None:
                found.append(name)
                continue
            note = f"the {same.words} of other articles? (its last words): the same id"
        types = list(same.types) if len(same.types) > 1 else same.types[0]
        found.append(replace(name, kind="known", fields={"type": types, "name": words},
                             note=note, slug=same.id))
    return found


def _surname(name: str) -> str:
    """The last word of a name of two or three capitalised words ("Petra Ilves": "ilves"),
    casefolded; "" for any other name ("Ministry of Transport", "Kim", "Kim Il Sung Square")."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return ""
    return words[-1].casefold()


def a_kind(types: str | Sequence[str], kind: str) -> bool:
    """Whether one of these annotation classes is DJO's ``kind`` (``Person``, ``Place``) or a
    subclass of it."""
    from handcar.vocabulary import UnknownTerm, vocabulary

    words = vocabulary()
    classes = []
    for name in [types] if isinstance(types, str) else types:
        try:
            classes.append(words.class_(name))
        except UnknownTerm:
            continue
    return words.is_a(classes, kind)


def _match_id(phrases: Any, doc: Any, span: Any) -> int:
    for match_id, start, end in phrases(doc):
        if start == span.start and end == span.end:
            return match_id
    raise LookupError(span.text)


def _overlaps(item: Suggestion, spans: list[tuple[int, int]]) -> bool:
    return any(item.start < end and start < item.end for start, end in spans)


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Token bounds without punctuation at either end (", Feb. 26," → "Feb. 26")."""
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return start, end


#: words before a time in its sentence that put it after publication ("wo" is "won't"'s first
#: token); "would" is noted, not followed (reported speech looks back as often as ahead)
AHEAD = frozenset({"will", "'ll", "\u2019ll", "shall", "wo", "next"})
#: a future auxiliary before a clause break (events.CLAUSE_BREAKS) is another clause's;
#: the words before a time that can be its clause, at most (a clause without breaks is read
#: this far back, not to the start of a sentence of thousands of words)
CLAUSE_TOKENS = 40


def _looks_ahead(span: Any) -> str | None:
    """The word before ``span`` in its clause that puts it after publication: "next" right
    before it, or a future auxiliary anywhere before it; "would" when only that; else None.
    ("The ministry, which will report, said they left on Monday": Monday is not ahead.)"""
    start = span.start
    while (start > 0 and span.doc[start - 1].text not in CLAUSE_BREAKS
           and span.start - start < CLAUSE_TOKENS):
        start -= 1
    before = [token.lower_ for token in span.doc[start : span.start]]
    if before and before[-1] == "next":
        return "next"
    ahead = [word for word in before if word in AHEAD and word != "next"]
    if ahead:
        return "won't" if ahead[-1] == "wo" else ahead[-1]
    return "would" if "would" in before else None


def _time(span: Any, label: str, offset: int, published: dt.date | None) -> Suggestion | None:
    start, end = offset + span.start_char, offset + span.end_char
    words = span.text
    ahead = _looks_ahead(span)
    if label == "relative":
        if published is None:
            return None
        try:
            when = resolve_time(None, words, published)
        except ValueError:
            return None
        note = f"= {_describe(when)}"
        weekday = span[0].lower_ in WEEKDAYS
        if (weekday and span.start and span.doc[span.start - 1].lower_ == "last"
                and WEEKDAYS.index(span[0].lower_) == published.weekday()):
            # "last Friday" in Friday's paper: a week before, not the day itself
            day = published - dt.timedelta(days=7)
            return Suggestion("time", start, end, {"date": day},
                              f"= {day:%A %d %B %Y}: 'last' in a paper of that weekday", words)
        if ahead and weekday:
            days = (WEEKDAYS.index(span[0].lower_) - published.weekday()) % 7
            day = published + dt.timedelta(days=days or (7 if ahead == "next" else 0))
            if ahead != "would":
                return Suggestion("time", start, end, {"date": day},
                                  f"= {day:%A %d %B %Y}, on or after publication: the sentence "
                                  f"looks ahead ('{ahead}')", words)
            note += f"; or, if 'would' looks ahead, date: {day}"
        return Suggestion("time", start, end, {"relative": words}, note, words)
    if label == "year":
        year = int(words)
        if not 1900 <= year <= 2100:
            return None
        return Suggestion("time", start, end, {"date": str(year)}, "a year", words)
    forward = ahead is not None and ahead != "would"
    parsed = _parse_date(words, published, forward)
    if parsed is None:
        return None
    if label == "month":
        return Suggestion("time", start, end, {"date": f"{parsed:%Y-%m}"}, "a month", words)
    note = "a date"
    if not any(t.shape_ == "dddd" for t in span):
        note = (f"the year is the first on or after publication: the sentence looks ahead "
                f"('{ahead}')" if forward else "the year is the latest on or before publication")
    return Suggestion("time", start, end, {"date": parsed}, note, words)


def _parse_date(words: str, published: dt.date | None, forward: bool = False) -> dt.date | None:
    import dateparser

    base = dt.datetime.combine(published or dt.date.today(), dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if forward else "past",
                "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(words, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _describe(when: Any) -> str:
    if when.date is not None:
        part = f" ({when.part_of_day})" if when.part_of_day else ""
        return f"{when.date:%A %d %B %Y}{part}"
    if when.week is not None:
        return f"the week {when.first} to {when.last}"
    if when.season is not None:
        return f"{when.season} {when.year}"
    part = f" ({when.period_part})" if when.period_part else ""
    month = f"-{when.month:02d}" if when.month else ""
    return f"{when.year}{month}{part}"


def _quantities(doc: Any, offset: int, in_time: Callable[[], None]) -> list[Suggestion]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # quantulum3 warns that its optional classifier is absent
        from quantulum3 import parser

        text = doc.text  # spaCy joins every token again at each access
        parsed = _with_fractions(
            doc, _no_words_as_units(_parse_windows(text, parser, in_time), text, parser), parser)
    ends = [token.idx + len(token) for token in doc]
    found = []
    for n, quantity in enumerate(parsed):
        if _clock_time(text, quantity.span[0]):
            continue  # "3 p.m.": a time of day, not pence (nor "10 a.m." years)
        if not any(c.isalnum() for c in text[slice(*quantity.span)]):
            continue  # quantulum3 reads a lone "&" as the number one
        if text[quantity.span[1]:quantity.span[1] + 1].isalnum() or _in_numeric_date(
                text, *quantity.span):
            continue  # the number of a longer word: "the 1990s" is a decade, not 1990 things
        if _decade(text, *quantity.span):
            continue  # "the 70s", "in his 30s": a decade or an age, not seconds
        code = _unit_code(quantity.unit)
        if code in _ARC_AS_TIME and _time_not_arc(text, quantity, parsed[n - 1] if n else None):
            code = _ARC_AS_TIME[code]
        if code is None:
            continue
        start, end = quantity.span
        if code == "NUM":  # "900 nautical miles": a unit of two words quantulum3 does not know
            code, end = _unit_after(text, end) or (code, end)
        key, start = _qualifier(doc, start, ends)
        times = _COUNT_WORDS.get(quantity.unit.name, 1)  # "a dozen": 12
        if (key == "value" and quantity.value == 1 and times == 1
                and text[start:end].split()[0].lower() in ("a", "an")):
            continue  # "such a day": an article, not a count
        value = _decimal(quantity.value * times)
        words = text[slice(*quantity.span)]
        if value != value.to_integral_value() and code == "NUM" and (
                not any(c.isdigit() for c in words) or _NUMERIC_FRACTION.fullmatch(words)):
            continue  # "half of them", "3/4 of the envoys": a share, not a count
        spread = getattr(quantity, "uncertainty", None)
        if spread:  # "3-4 hours", "between 2 and 3 km": quantulum3's midpoint and half-width,
            # in floats: the bounds are rounded to the decimals the words give ("0.1-0.3 km")
            places = max((len(m) for m in _DECIMALS.findall(text[slice(*quantity.span)])),
                         default=0)
            low, high = (_decimal(round((quantity.value + sign * spread) * times, places))
                         for sign in (-1, 1))
            fields: dict[str, Any] = {"at_least": low, "at_most": high, "unit": code}
        else:
            fields = {key: value, "unit": code}
        kind = "duration" if qudt_unit(code).is_a("Time") else "quantity"
        words = text[start:end]
        found.append(Suggestion(kind, offset + start, offset + end, fields,
                                f"{qudt_unit(code).label}", words))
    return _compound_durations(found, text, offset)


_DECIMALS = re.compile(r"\d\.(\d+)")
#: quantulum3's count units and how many each is (it reads "a dozen" as one dozen)
_COUNT_WORDS = {"dozen": 12}
#: adverbs that open a sentence in capitals ("Later a ferry took them", "Earlier this
#: month"): no name
_ADVERBS = frozenset({"later", "earlier", "meanwhile", "afterwards", "afterward", "finally",
                      "eventually", "separately", "overnight", "instead", "however"})
#: plural nouns of a rough count that open a sentence in capitals ("Hundreds of foreigners",
#: "Dozens of them"): no name
_COUNT_NOUNS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "tens"})


def _decimal(number: float) -> Decimal:
    """``number`` as the shortest decimal that prints it, a whole number without a point."""
    value = Decimal(str(number)).normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|)")


def _compound_durations(found: list[Suggestion], text: str, offset: int) -> list[Suggestion]:
    """"3 hours and 40 minutes" (or "1 hour 20 minutes", "2 days, 5 hours"): one duration in
    the smaller unit (220 minutes), the first part's qualifier and all, not two."""
    out: list[Suggestion] = []
    for item in found:
        last = out[-1] if out else None
        if (last is not None and last.kind == item.kind == "duration"
                and _JOINER.fullmatch(text, last.end - offset, item.start - offset)
                and list(item.fields) == ["value", "unit"]):
            (key, first), big = next(iter(last.fields.items())), last.fields["unit"]
            small = item.fields["unit"]
            if qudt_unit(big).multiplier and qudt_unit(small).multiplier and (
                    qudt_unit(big).multiplier > qudt_unit(small).multiplier):
                value = (convert(Decimal(first), big, small) + item.fields["value"]).normalize()
                if value == value.to_integral_value():
                    value = value.quantize(Decimal(1))
                words = text[last.start - offset : item.end - offset]
                out[-1] = Suggestion("duration", last.start, item.end,
                                     {key: value, "unit": small}, item.note, words)
                continue
        out.append(item)
    return out


@dataclass(frozen=True)
class _Read:
    """A quantity as quantulum3 reads it (the attributes :func:`_quantities` uses)."""

    value: float
    unit: Any
    span: tuple[int, int]


#: fraction words quantulum3 reads as a bare number, without the unit that follows them
_FRACTIONS = frozenset({"half", "quarter", "quarters"})
#: words for a share of something, never a name ("Half of them", "Two thirds of the staff")
_SHARES = _FRACTIONS | {"third", "thirds", "fifth", "fifths", "tenth", "tenths"}


#: quantulum3 reads a text of up to this many characters at once; a longer sentence is read in
#: pieces cut at clause breaks (its unit disambiguation searches the whole text for each
#: quantity: a 10 kB sentence with 150 distances took 40 s, a 200 kB one did not finish)
WINDOW = 400
_BREAKS = re.compile(r"[,;:]\s+|\s+(?:and|or|but|then)\s+|\s+")


_BETWEEN = re.compile(r"\bbetween\b", re.IGNORECASE)


def _parse_windows(text: str, parser: Any, in_time: Callable[[], None]) -> list:
    """quantulum3's quantities of ``text``, read in pieces of at most about :data:`WINDOW`
    characters cut at a clause break (else a space), spans in ``text``'s offsets;
    ``in_time()`` before each piece (it raises when the draft's time is up)."""
    found: list = []
    start = 0
    while start < len(text):
        in_time()
        end = len(text)
        if end - start > WINDOW:
            breaks = list(_BREAKS.finditer(text, start + WINDOW // 2, start + WINDOW))
            clause = [m for m in breaks if not m.group().isspace()]
            end = (clause or breaks)[-1].end() if breaks else start + WINDOW
        # quantulum3 finds "between" in lower case only: "Between 40 and 50" opening a
        # sentence gave a span from -1 and no words (the same length, so the same offsets)
        piece = _BETWEEN.sub("between", text[start:end])
        for quantity in parser.parse(piece):
            quantity.span = (quantity.span[0] + start, quantity.span[1] + start)
            found.append(quantity)
        start = end
    return found


#: English words quantulum3 reads as a unit's symbol right after a unit ("waited 45 minutes at
#: the border": minutes times ampere-turns, "drove 300 km at night": no unit handcar knows)
_NOT_UNITS = frozenset({"at"})


def _no_words_as_units(parsed: list, text: str, parser: Any) -> list:
    """quantulum3's quantities of ``text``, each that ends in a word of :data:`_NOT_UNITS`
    read again without it."""
    out: list = []
    for quantity in parsed:
        start, end = quantity.span
        words = text[start:end].split()
        if len(words) > 2 and words[-1] in _NOT_UNITS:
            for read in parser.parse(text[start:end - len(words[-1])].rstrip()):
                read.span = (read.span[0] + start, read.span[1] + start)
                out.append(read)
            continue
        out.append(quantity)
    return out


_NUMERIC_FRACTION = re.compile(r"\d+/\d+")  # "3/4" (of an hour)


def _with_fractions(doc: Any, parsed: list, parser: Any) -> list:
    """quantulum3's quantities, with a fraction and its unit made one: "half an hour", "a
    quarter of an hour" and "3/4 of an hour" (a bare 0.5, 0.25 or 0.75 for quantulum3, the hour
    lost or counted apart) and "an hour and a half" (an hour, and a count of 0.5)."""
    tokens = list(doc)
    text = doc.text
    starts = [token.idx for token in tokens]

    def after(end: int, words: tuple[str, ...]) -> Any:
        """The token ending the ``words`` that follow character ``end``, else None."""
        at = bisect.bisect_left(starts, end)
        for i, word in enumerate(words):
            if at + i >= len(tokens) or tokens[at + i].lower_ not in word.split("|"):
                return None
        return tokens[at + len(words) - 1] if words else None

    def unit_of(word: Any) -> Any:
        read = parser.parse(f"1 {word.text}")
        if len(read) == 1 and read[0].unit.entity.name != "dimensionless":
            return read[0].unit
        return None

    out: list = []
    covered = 0  # the end of the last joined quantity: what starts before it is part of it
    for quantity in parsed:
        start, end = quantity.span
        if start < covered:
            continue
        surface = text[start:end].lower().split()
        if quantity.unit.entity.name == "dimensionless" and surface[-1:] and (
                surface[-1] in _FRACTIONS or _NUMERIC_FRACTION.fullmatch(surface[-1])):
            article = after(end, ("a|an",)) or after(end, ("of", "a|an"))
            word = None
            if article is not None and article.i + 1 < len(tokens):
                word = tokens[article.i + 1]
            unit = unit_of(word) if word is not None and word.is_alpha else None
            if unit is not None:
                covered = word.idx + len(word.text)
                out.append(_Read(quantity.value, unit, (start, covered)))
                continue
        elif quantity.unit.entity.name != "dimensionless":
            half = after(end, ("and", "a", "half"))
            if half is not None:
                covered = half.idx + len(half.text)
                out.append(_Read(quantity.value + 0.5, quantity.unit, (start, covered)))
                continue
        out.append(quantity)
    return out


def _unit_code(found: Any) -> str | None:
    """The QUDT code for a quantulum3 unit: a count for a bare number, else the table's unit
    with that name or symbol (quantulum3 reads "half a mile" as "per mile": the unit is the
    mile)."""
    if found.entity.name == "dimensionless" and found.name != "percentage":
        return "NUM"
    name = found.name.removeprefix("per ")
    if name in _USUAL:
        return _USUAL[name]
    for candidate in (name, *getattr(found, "symbols", ())):
        codes = suggest_unit(candidate, limit=1)
        if codes and _same_name(candidate, codes[0]):
            return codes[0]
    return None


#: the usual reading of a name that several units share ("$": the US dollar; the curator
#: confirms or changes it)
_USUAL = {"dollar": "CCY_USD"}


def _in_numeric_date(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a date written in numbers, "3/4/2021" or
    "04.03.2021" (day or month first: ambiguous, so drafted as neither a count nor a date)."""
    after, before = text[end : end + 2], text[max(0, start - 2) : start]
    return (len(after) == 2 and after[0] in "/." and after[1].isdigit()) or (
        len(before) == 2 and before[1] in "/." and before[0].isdigit())


_DECADE = re.compile(r"(?:\b(?:the|his|her|their|its|early|mid|late)\s+|')\d+s$", re.I)


def _decade(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a decade or a span of ages written as a number and "s"
    ("the 70s", "the '80s", "in his 30s"), which quantulum3 reads as seconds."""
    return bool(_DECADE.search(text[max(0, start - 12):end]))


def _clock_time(text: str, start: int) -> bool:
    """True when the number at ``start`` is a time of day: "3 p.m.", "10 a.m.", "11 PM",
    "9:30 am"."""
    after = text[start:].lstrip("0123456789:.").lstrip(" ").casefold()  # "9:30 am"
    if after.startswith(("a.m.", "p.m.")):
        return True
    return after[:2] in ("am", "pm") and not after[2:3].isalpha()


#: quantulum3, without its optional classifier, reads every "minutes" and "seconds" as
#: minutes and seconds of arc; in a report they are nearly always time
_ARC_AS_TIME = {"ARCMIN": "MIN", "ARCSEC": "SEC"}


def _time_not_arc(text: str, quantity: Any, before: Any) -> bool:
    """True when ``quantity``, read as minutes or seconds of arc, is time: written as the
    word ("40 minutes", "a 12-minute ride", not "12′" or "5 arcminutes") and not right after
    an angle ("45 degrees 30 minutes")."""
    start, end = quantity.span
    words = text[start:end].casefold()
    if "arc" in words or not ("minute" in words or "second" in words):
        return False
    return not (before is not None and before.unit.entity.name == "angle"
                and not text[before.span[1]:start].strip(" ,"))


#: the nouns whose holder, a name with "'s" before them, is a state ("Norland's consul",
#: "Norland's foreign minister", "Norland's embassy in Kessa")
STATE_NOUNS = frozenset({"consul", "ambassador", "envoy", "embassy", "consulate", "foreign",
                         "government", "president", "prime", "army", "navy", "border",
                         "borders", "capital", "diplomats", "diplomat"})


def _state_before(doc: Any, end: int) -> bool:
    """Whether a name ending at token ``end`` holds, with "'s", a noun of a state's
    (:data:`STATE_NOUNS`)."""
    return end + 1 < len(doc) and doc[end].text in POSSESSIVES \
        and doc[end + 1].lower_ in STATE_NOUNS


def _a_label(doc: Any, span: Any) -> bool:
    """Whether the words of ``span`` are a label in capitals that opens the sentence before a
    colon ("UPDATE:", "BREAKING NEWS:"), not a name."""
    return span.start == 0 and span.end < len(doc) and doc[span.end].text == ":" \
        and all(t.is_upper or not t.is_alpha for t in span)


def _unit_after(text: str, end: int) -> tuple[str, int] | None:
    """The unit of the table that the two words after a bare number at ``end`` name exactly
    ("900 nautical miles": MI_N), and where they end; else None (one word is never taken:
    "five points" is no typographic unit)."""
    words = [w.rstrip(",;:.!?") for w in text[end:end + 40].split()[:2]]
    if len(words) < 2 or not all(w.isalpha() and w.islower() for w in words):
        return None
    candidate = " ".join(words)
    codes = suggest_unit(candidate, limit=1)
    if not codes or not _same_name(candidate, codes[0]):
        return None
    return codes[0], text.index(words[1], end) + len(words[1])


def _same_name(word: str, code: str) -> bool:
    found = qudt_unit(code)
    forms = {word.casefold(), word.casefold().replace("meter", "metre"),
             word.casefold().removesuffix("s")}
    return bool(forms & {found.symbol.casefold(), found.code.casefold(),
                         found.label.casefold(), found.label.casefold().split()[-1]})


def _qualifier(doc: Any, start: int, ends: list[int]) -> tuple[str, int]:
    """The annotation key for the words right before character ``start`` ("more than" →
    ``more_than``; none → ``value``), and where the quote then starts (``ends``: where each
    token of ``doc`` ends)."""
    before = bisect.bisect_right(ends, start)  # the tokens that end by ``start``
    tokens = [doc[i] for i in range(max(0, before - 3), before)]
    for size in (3, 2, 1):
        words = tuple(t.lower_ for t in tokens[-size:])
        if len(words) == size and words in QUALIFIERS and not (
                size == 1 and words[0] in PLACING and len(tokens) > 1
                and tokens[-2].lower_ in OBJECTS):  # "took them over two borders"
            return QUALIFIERS[words], tokens[-size].idx
    return "value", start


def _names(doc: Any, matcher: Any, offset: int) -> list[Suggestion]:
    from spacy.util import filter_spans

    stop = _nlp()[0].Defaults.stop_words
    found = []
    for span in _joined_by_of(doc, filter_spans([doc[s:e] for _id, s, e in matcher(doc)])):
        # "Thirteen members", "Eight Russian Embassy employees": a number is a quantity, and
        # "Half of them" a share (not "Half Moon Bay")
        # "Staff of the Norland embassy", "Officials said": a plural noun for people opening
        # the sentence is a common word
        while len(span) and (span[0].lower_ in stop or span[0].lower_ in _TIME_WORDS
                             or span[0].lower_ == "according"  # "According to the ministry"
                             or span[0].like_num or span[0].lower_ in _COUNT_NOUNS
                             or span[0].lower_ in _ADVERBS
                             or (len(span) == 1 and span[0].lower_ in _SHARES)
                             or (span[0].lower_ in GROUP_NOUNS
                                 and all(t.is_punct or t.is_space for t in doc[:span.start]))):
            span = span[1:]
        while len(span) and span[-1].lower_ in _TIME_WORDS:
            span = span[:-1]
        before = doc[span.start - 1].text if span.start else ""
        # "Dr. Ana O'Neill": an abbreviated title right before the name
        titled = before.endswith(".") and before.lower().rstrip(".") in PERSON_TITLES
        if length := _title_length(span):
            span, titled = span[length:], True  # "Ambassador Petra Ilves": Petra Ilves
        if not len(span) or _a_label(doc, span):
            continue
        before = doc[span.start - 1].lower_ if span.start else ""
        after_according = span.start > 1 and doc[span.start - 2].lower_ == "according"
        role = doc[span.start - 2].lower_ if before == "," and span.start > 1 else before
        if role not in PERSON_ROLES and before == "," and span.start > 3 and (
                doc[span.start - 3].lower_ == "of"):  # "the head of mission, Anton Reyes"
            role = doc[span.start - 4].lower_
        elif role not in PERSON_ROLES and before == "," and span.start > 2 and (
                doc[span.start - 3].lower_ in PERSON_ROLES):  # "the consul general, Mira Holt"
            role = doc[span.start - 3].lower_
        elif role not in PERSON_ROLES and before == ",":  # "the consul in Velmar, Petra Aune"
            role = _role_of_post(doc, span.start - 2) or role
        named = _named_kind(span) if len(span) >= 2 else None
        kind = ("Person" if titled or (role in PERSON_ROLES and len(span) >= 2)
                or (len(span) >= 2 and _role_after(doc, span.end))
                or role in FAMILY_ROLES
                else named if named
                else "Place" if (before in PLACE_CUES and not after_according)
                or (before == "of" and span.start > 1 and doc[span.start - 2].lower_ == "out")
                or (before == "for" and _headed_for(doc, span.start - 1))
                or role in PLACE_NOUNS or _after_place_noun_of(doc, span.start) else "Agent")
        if kind in ("Agent", "Place") and _state_before(doc, span.end):
            kind = "Country"  # "Norland's consul", "Norland's foreign minister"
        vehicle = named_vehicle(doc, span.start) if kind in ("Agent", "Place") else None
        if vehicle is not None:  # "the ferry Aurora": the ferry's name
            kind = vehicle
        tail = doc[span.end] if span.end < len(doc) else None
        tail_2 = tuple(t.text for t in doc[span.end:span.end + 2])
        if kind != "Person" and before == "the" and tail_2 in NAME_TAILS_2:
            span, kind = doc[span.start:span.end + 2], NAME_TAILS_2[tail_2]
        elif (kind != "Person" and tail is not None and tail.text in NAME_TAILS
                and before == "the"):  # a noun: "the Brenn crossing", not "Ana crossing the"
            span, kind = doc[span.start:span.end + 1], NAME_TAILS[tail.text]
        # "Colleagues met them", "Foreign missions closed": one capitalised word opening the
        # sentence may be a common word; say so rather than leave it out (it may be a name)
        opening = len(span) == 1 and all(t.is_punct for t in doc[:span.start])
        question = "a new name, or a common word opening the sentence?" if opening else (
            f"the name of the {doc[span.start - 1].text}?" if vehicle else "a new name?")
        found.append(Suggestion(
            "name", offset + span.start_char, offset + span.end_char,
            {"type": kind, "name": span.text},
            f"{question} {kind} is a guess: choose its DJO class", span.text))
    return found


def _after_place_noun_of(doc: Any, start: int) -> bool:
    """Whether the name at token ``start`` follows a place noun and "of" ("the port of Delm",
    "the city of Castra")."""
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS


#: the words between a role and the place of the post ("the consul in Velmar", "ambassador to
#: Karland")
POSTED = frozenset({"in", "at", "to", "for"})


def _role_after(doc: Any, end: int) -> bool:
    """Whether a person's role follows the name ending at token ``end`` in apposition: a
    comma, "a" or "the", at most three words and a noun of :data:`PERSON_ROLES` ("Lena Okoro,
    a second secretary at the mission")."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an",
                                                                                  "the"):
        return False
    for token in doc[end + 2:end + 6]:
        if token.lower_ in PERSON_ROLES:
            return True
        if not (token.is_lower or token.is_title) or not token.is_alpha:
            return False
    return False


def _headed_for(doc: Any, at: int) -> bool:
    """Whether the "for" at token ``at`` follows a word of :data:`HEADING`, right before it or
    before a name ("left for Kelm", "left Port Kelm for Sarn")."""
    k = at - 1
    while k > 0 and at - k <= 4 and doc[k].is_title and doc[k].lower_ not in HEADING:
        k -= 1
    return k >= 0 and (doc[k].lower_ in HEADING  # or a vehicle's noun: "a train for Castra"
                       or MODES.get(doc[k].lower_, (None, None))[1] is not None)


def _role_of_post(doc: Any, last: int) -> str | None:
    """The role before a place's name that ends at token ``last`` and the word of
    :data:`POSTED` before it ("consul in Velmar": "consul"), in lower case; else None."""
    at = last
    while at >= 0 and doc[at].is_title and last - at < 4:
        at -= 1
    if at < 1 or at == last or doc[at].lower_ not in POSTED:
        return None
    role = doc[at - 1].lower_
    return role if role in PERSON_ROLES else None


def _named_kind(span: Any) -> str | None:
    """The DJO class the head word of a name of two words or more names (:data:`NAME_HEADS`:
    its last word, or the one before "of"), or the one a ministry's or a news agency's words
    make it ("Ministry of Foreign Affairs", "Xinhua News Agency"); else None."""
    words = [token.lower_ for token in span]
    if {"ministry", "department"} & set(words) and FOREIGN & set(words):
        return "ForeignMinistry"  # "Federal Department of Foreign Affairs" too
    if words[-2:] == ["news", "agency"]:  # "Xinhua News Agency"
        return "NewsOrganization"
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]  # "Bank of Kelm"
    return NAME_HEADS.get(head)


def _title_length(span: Any) -> int:
    """How many words ``span`` starts with that are a title ("Ambassador", "Deputy Foreign
    Minister", "Consul General") before a name of two words or more, or before any name after
    an honorific ("Mr Smith"); 0 when it does not: not "General Assembly" or "Prince Edward",
    nor "Minister of Transport Ana Ruiz" (where the office ends is not known)."""
    if len(span) > 1 and not span[1]._.capitalised:
        return 0  # "Secretary of State Antony Blinken": a title with its office, kept whole
    words = [token.lower_ for token in span]
    length = 0
    while length < len(words) and words[length] in TITLE_MODIFIERS:
        length += 1
    if length == len(words) or words[length] not in PERSON_TITLES:
        return 0
    head, length = words[length], length + 1
    if length < len(words) and words[length] == "general" and head in GENERAL_TITLES:
        length += 1
    name = len(words) - length
    return length if name >= 2 or (name == 1 and length == 1 and head in HONORIFICS) else 0


#: the classes of the head words that go on after "of" ("Central Bank of Kelm")
_JOINED_HEADS = frozenset({"Organization", "Country", "DiplomaticMission"})


def _joined_by_of(doc: Any, runs: list[Any]) -> list[Any]:
    """``runs`` of capitalised words, with a one-word run, or one ending in the head word of
    an organisation's or a country's name (:data:`NAME_HEADS`), joined to the next by "of" or
    "of the" ("Ministry of Transport", "Republic of the Congo", "Federal Department of Foreign
    Affairs"; not "Ana O'Neill of the Ministry", nor "Officials of AT&T", see below)."""
    joined: list[Any] = []
    for run in runs:
        if joined:
            last = joined[-1]
            between = [t.lower_ for t in doc[last.end:run.start]]
            # not "Officials of AT&T Rail": a capitalised plural that opens the sentence is
            # a common noun ("Officials", "Residents"), not the head of a name
            opening_plural = last.start == 0 and last.text.endswith("s")
            # one word, or one after a capitalised "The" opening the sentence ("The Ministry of
            # Foreign Affairs")
            words = len(last) - (last[0].lower_ == "the")
            headed = NAME_HEADS.get(last[-1].lower_) in _JOINED_HEADS
            if (words == 1 or headed) and between in (["of"], ["of", "the"]) \
                    and not opening_plural:
                joined[-1] = doc[last.start:run.end]
                continue
        joined.append(run)
    return joined


def _capitalised(token: Any) -> bool:
    """A word that starts with a capital: letters, with apostrophes inside ("O'Neill"), and an
    ampersand or a full stop between letters ("AT&T", "P&O", "E.ON"; not "U.S.")."""
    text = token.text
    if not text[:1].isupper():
        return False
    parts = _JOINERS.split(text.replace("'", "").replace("\u2019", ""))
    return all(part.isalpha() for part in parts)


_JOINERS = re.compile(r"[&.]")


_TIME_WORDS = frozenset(WEEKDAYS) | MONTH_WORDS | {"today", "yesterday", "tomorrow"}


def slug(words: str) -> str:
    """A lower-case ASCII slug of ``words``, transliterated ("Łódź" → ``lodz``, "北京" →
    ``beijing``; empty when nothing of them has letters or digits)."""
    from anyascii import anyascii

    ascii_ = anyascii(words)
    out, dash = [], False
    for char in ascii_.lower():
        if char.isalnum():
            out.append(char)
            dash = False
        elif out and not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:60].strip("-")
