"""What the words tie together among a draft's suggestions: a leg's or the journey's places,
distance, duration, time and travellers, a border crossing's countries (as ``links`` of each
suggestion), and the journey the legs belong to. :mod:`handcar.curation.statements` turns the
links into facts.

Each link is read from the words of the event's clause: a place right after "from", "to",
"reached"… (:data:`ROUTE_WORDS`), a length or duration, the first time (``beganDuring`` after
"left", :data:`TIME_ROLES`), a group of people a count there counts, or that "they", "them",
"the group" tell of again (:func:`_told_again`). A quantity, time or group inside several
events' words is the innermost one's.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace

from handcar.curation.events import (
    AGAIN,
    CARRYING,
    EVENT_NOTES,
    GROUP_NOUNS,
    LEG,
    LEGS,
    MODES,
    PLACE_NOUNS,
    POSSESSIVES,
    ROUTE_WORDS,
    SPLITS,
    leg_note,
)
from handcar.curation.suggest import HEADING, PERSON_ROLES, a_kind
from handcar.curation.suggestion import Suggestion
from handcar.units import unit as qudt_unit


def linked(found: list[Suggestion], text: str) -> list[Suggestion]:
    """``found`` (the suggestions of the article whose plain text is ``text``, in text order)
    with their links, and the journey their legs belong to."""
    return with_journey(with_routes(with_ages(found, text), text))


#: the most years an age may be
OLDEST = 130


def with_ages(found: list[Suggestion], text: str) -> list[Suggestion]:
    """``found`` with each person's age where the words give it: a whole number between commas
    right after the name ("Ambassador Helena Voss, 58, was …": in years, no longer a count),
    or "N-year-old" right before a role and the name ("his 3-year-old daughter Varya"); the
    person's ``age`` link."""
    people = [s for s in found if s.kind in ("name", "known") and a_kind(s.fields["type"],
                                                                        "Person")]
    ages: dict[int, Suggestion] = {}  # a person's id → the age
    made = []
    for item in found:
        person = _aged(item, people, text)
        if person is not None:
            if item.fields.get("unit") == "NUM":
                item = replace(item, kind="duration", fields={**item.fields, "unit": "YR"},
                               note=qudt_unit("YR").label)
            item = replace(item, slug=f"{person.slug} age")  # its id: helena-voss-age
            ages.setdefault(id(person), item)
        made.append(item)
    return [replace(s, links=(*s.links, ("age", ages[id(s)]))) if id(s) in ages else s
            for s in made]


def surname_of(person: Suggestion) -> str:
    """The last word of a person's name of two words or more, as the text spells it
    ("Reiner" of "Tomas Reiner"); else ""."""
    words = str(person.fields.get("name") or "").split()
    return words[-1] if len(words) >= 2 else ""


def _aged(item: Suggestion, people: list[Suggestion], text: str) -> Suggestion | None:
    """The person whose age ``item`` (a quantity) is, by the words around it, else None."""
    value = item.fields.get("value")
    if item.kind not in ("quantity", "duration") or value is None or not (
            0 < value <= OLDEST and value == int(value)):
        return None
    unit = item.fields.get("unit")
    if unit == "NUM":  # "Helena Voss, 58, was"
        if text[item.end:item.end + 1] not in (",", ".") or \
                text[item.start - 2:item.start] != ", ":
            return None
        named = next((p for p in people if p.end == item.start - 2), None)
        if named is not None:
            return named
        # "Reiner, 61, said", after "Ambassador Tomas Reiner": the one person of that surname
        before = text[max(0, item.start - 80):item.start - 2]
        told = [p for p in people if p.end < item.start and (surname := surname_of(p))
                and before.endswith(surname) and not before[:-len(surname)][-1:].isalnum()]
        return told[0] if len({p.words for p in told}) == 1 else None
    if unit == "YR" and text[item.end:item.end + 4] == "-old":  # "3-year-old daughter Varya"
        after = text[item.end + 4:item.end + 40]
        words = after.split()
        if len(words) >= 2 and words[0].lower() in PERSON_ROLES:
            start = item.end + 4 + after.index(words[1])
            return next((p for p in people if p.start == start), None)
    return None


#: nouns of a place at a place, before "at" ("reached the border post at Sarn": Sarn)
FACILITIES = frozenset({"post", "crossing", "checkpoint", "station", "airport", "terminal",
                        "harbour", "harbor", "port", "pier", "quay"})
#: the words between a route word and its place that say what kind of place it is ("to the
#: port of Delm", "from the capital, Castra", "to the border town Kelm", "the border post at
#: Sarn")
_PLACE_PHRASE = PLACE_NOUNS | FACILITIES | {"the", "a", "of", "border"}


def _route_word(before: str) -> str | None:
    """The leg's property the words ``before`` a place give it: their last word, past the
    words of a place noun and a capitalised adjective ("from the Norvalean capital, Ostrava"),
    in :data:`ROUTE_WORDS`; else None. "from" after people who have not been moved yet in
    those words is where they come from, not where the leg left ("A dozen envoys from the
    Republic of Tavora reached Port Selby"; but "a bus took the diplomats from Kessa")."""
    words = [word.strip(",;:") for word in before.split()]
    if [w.lower() for w in words[-2:]] == ["out", "of"]:
        return "origin"  # "flown out of Delm"
    while words and (words[-1].lower() in _PLACE_PHRASE or (
            words[-1][:1].isupper() and words[-1].lower() not in ROUTE_WORDS) or (
            words[-1].lower() == "at" and len(words) > 1 and words[-2].lower() in FACILITIES)):
        words.pop()
    if len(words) > 1 and words[-1].lower() == "from" and _people(words[-2]) and not any(
            w.lower() in CARRYING or w.lower() in MODES for w in words[:-2]):
        return None
    if len(words) > 1 and words[-1].lower() == "for":
        k = len(words) - 2  # past a name: "left Port Kelm for Sarn"
        while k > 0 and len(words) - k <= 5 and words[k][:1].isupper() \
                and words[k].lower() not in HEADING:
            k -= 1
        if words[k].lower() in HEADING or MODES.get(words[k].lower(), (None, None))[1]:
            return "destination"  # "bound for Castra", "left Kelm for Sarn", "a train for Kelm"
    if len(words) > 1 and words[-1].lower() in ("at", "in") and words[-2].lower() in ("back",
                                                                                     "home"):
        words = [*words[:-2], words[-1]]  # "arrived back in Castra"
    if len(words) > 1 and words[-1].lower() in ("at", "in") and words[-2].lower() in ARRIVING:
        return "destination"  # "docked at the port of Halden", "landed in Castra"
    return ROUTE_WORDS.get(words[-1].lower()) if words else None


#: verbs of arriving before "at" or "in" and the place reached
ARRIVING = frozenset({"arrived", "arriving", "arrive", "arrives", "landed", "landing", "land",
                      "docked", "docking", "dock", "berthed", "returned", "returning"})


def _people(word: str) -> bool:
    """Whether ``word`` is a noun for people, plural or singular ("envoys", "a diplomat")."""
    word = word.lower()
    return word in GROUP_NOUNS or f"{word}s" in GROUP_NOUNS or word in COLLECTIVE_PEOPLE


#: a leg's property → a border crossing's, for a country ("crossed from North Korea into
#: Russia": the crossing's countries; a leg's ends are places in them)
CROSSING_ROLES = {"origin": "fromCountry", "destination": "toCountry"}


def with_routes(found: list[Suggestion], text: str) -> list[Suggestion]:
    """``found`` with each leg and journey linked to the places its clause says it went from
    and to (the first place, known or new, of a kind :func:`~handcar.curation.suggest.a_kind`
    says is a Place, right after a word of :data:`ROUTE_WORDS`), its distance and duration
    (:func:`_measures`), its time (:func:`_times`) and the group its words count or tell of
    again (then a ``TravelGroup``); each border crossing to the countries its clause says it
    left and entered, its time and that group (``crossedBy``). A country other articles
    know is a crossing's, never a leg's end; a new name is never a country (its class is a
    guess)."""
    places = _Spans(s for s in found if s.kind == "place" or (
        s.kind in ("known", "name") and a_kind(s.fields["type"], "Place")))
    countries = {id(s) for s in places.items
                 if s.kind == "known" and a_kind(s.fields["type"], "Country")}
    travel = _Spans(s for s in found  # a leg told of again gets the links of its words too
                    if (s.kind == "event" and s.fields["type"] in (*LEGS, "Journey"))
                    or s.kind == AGAIN)
    crossings = [s for s in found if s.kind == "event" and s.fields["type"] == "BorderCrossing"]
    measures = _measures(found, travel, text)
    dated = _times(found, _Spans([*travel.items, *crossings]), text)
    vehicles = _Spans(s for s in found  # "the ferry Aurora": a name the draft made a vehicle
                      if s.kind == "name" and s.fields["type"] in VEHICLE_CLASSES)
    movers = _Spans([*travel.items, *crossings])  # who travels or crosses
    groups = _Spans(group for group in found if group.kind == "group" and movers.holding(group))
    told = _told_again(found, movers, groups, text)
    named = _named_travellers(found, travel, text)
    # in the words of a leg or journey, or told of again there
    travelling = {id(group) for group in [*groups.items, *told.values()]}
    routed = []
    reached: Suggestion | None = None  # where the last leg went
    for item in found:
        crossing = item.kind == "event" and item.fields["type"] == "BorderCrossing"
        if id(item) in travelling:
            item = _as_travel_group(item)
        elif crossing or id(item) in travel.ids:
            links: dict[str, Suggestion] = {}
            for place in places.inside(item):
                role = _route_word(text[item.start:place.start])
                if role is None or _owner_of_place(text, place.end):
                    continue
                if crossing and id(place) in countries:
                    links.setdefault(CROSSING_ROLES[role], place)
                elif not crossing and id(place) not in countries:
                    links.setdefault(role, place)
            for role, quantity in measures.get(id(item), ()):
                links.setdefault(role, quantity)
            mode = VEHICLE_OF.get(item.fields["type"])  # none for a walk or a journey
            for vehicle in vehicles.inside(item) if mode or item.fields["type"] == LEG else []:
                if mode is None or vehicle.fields["type"] == mode:  # no frigate for a bus leg
                    links.setdefault("vehicle", vehicle)
            for role, time_ in dated.get(id(item), ()):
                links.setdefault(role, time_)
            who = "crossedBy" if crossing else "traveller"
            for group in groups.inside(item):
                links.setdefault(who, _as_travel_group(group))
            if id(item) in told:
                links.setdefault(who, _as_travel_group(told[id(item)]))
            if id(item) in named and not crossing:
                links.setdefault(who, named[id(item)])
            leg = not crossing and item.fields["type"] != "Journey"
            if leg and reached is not None and _from_there(text[item.start:item.end]):
                links.setdefault("origin", reached)  # "There they boarded a ferry"
            if leg and "destination" in links:
                reached = links["destination"]
            item = replace(item, links=tuple(links.items()))
        routed.append(item)
    return _new_legs(routed)


def _owner_of_place(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` owns the place noun after it ("to Ostmark's capital,
    Lindau"; "to Dunmore's port"): the leg went to that place in it, not to the name's whole
    place; the name after the noun, if any, is the end."""
    if not text.startswith(POSSESSIVES, end):
        return False
    noun = text[end + 2:end + 40].split(maxsplit=1)[:1]
    return bool(noun) and noun[0].strip(",;:.!?").lower() in PLACE_NOUNS


def _from_there(words: str) -> bool:
    """Whether a leg's words open with "There" or "From there", or a relative "where": it left
    where the leg before went ("There they boarded an overnight ferry", after "… to the port
    of Delm"; "… by bus to the border, where they were escorted across on foot")."""
    opening = [w.strip(",").casefold() for w in words.split()[:2]]
    return opening[:1] in (["there"], ["where"]) or opening == ["from", "there"]


def _new_legs(found: list[Suggestion]) -> list[Suggestion]:
    """``found`` with the words that seemed to tell again of a leg ("From Chongjin the train
    took them on towards Rason", after "They left Pyongyang by train") made a new leg of that
    class when they give it an end the leg's own words give otherwise: a second train."""
    legs: dict[str, Suggestion] = {}  # the last leg of each class
    made = []
    for item in found:
        if item.kind == "event" and item.fields["type"] in LEGS:
            legs[item.fields["type"]] = item
        elif item.kind == AGAIN and (leg := legs.get(item.fields["type"])) is not None:
            ends = {role: place for role, place in leg.links if role in ROUTE_ROLES}
            if any(role in ends and ends[role] is not place and ends[role].words !=
                   place.words for role, place in item.links if role in ROUTE_ROLES):
                item = replace(item, kind="event", note=leg_note(item.fields["type"]))
                legs[item.fields["type"]] = item
        made.append(item)
    return made


#: a leg's ends
ROUTE_ROLES = frozenset({"origin", "destination"})
#: the classes of the vehicles a noun of travel names (Boat, Train, …)
VEHICLE_CLASSES = frozenset(vehicle for _leg, vehicle in MODES.values() if vehicle)
#: the class of a leg → the class of its vehicles (BoatLeg → Boat)
VEHICLE_OF = {leg: vehicle for leg, vehicle in MODES.values() if vehicle}


#: words in a leg's clause that tell of people told of before ("a bus took them", "they flew
#: on", "the group"): with "the", a noun for people (:data:`~handcar.curation.events.GROUP_NOUNS`)
#: or one of these
PRONOUNS = frozenset({"they", "them"})
COLLECTIVE_PEOPLE = frozenset({"group", "party", "travellers", "travelers", "evacuees"})
#: nouns for a mission's people that, after "the", tell again of the group that travelled
#: when no group of that noun was counted ("the diplomats" after "Twelve embassy staff")
STAFF_NOUNS = frozenset({"diplomats", "staff", "envoys", "employees", "personnel", "staffers"})


def _told_again(found: list[Suggestion], travel: _Spans, groups: _Spans, text: str,
                ) -> dict[int, Suggestion]:
    """The group each leg or journey of ``travel`` (by ``id``) whose words count none tells of
    again: "they", "them", "the group" (the last group that travelled in the legs before,
    else the last one counted before its words), "the hikers" (the last one of that noun).
    A guess, as every link of the draft; none when no group was counted before."""
    counted = [s for s in found if s.kind == "group"]  # in text order
    told: dict[int, Suggestion] = {}
    travelled: list[Suggestion] = []  # the groups of the legs read so far, in their order
    last: tuple[Suggestion | None, Suggestion | None] = (None, None)  # a leg and its group
    for item in travel.items:
        inside = groups.inside(item)
        if inside:  # "9 staff and 4 children left": the first is who "they" are after
            travelled.append(inside[0])
            last = (item, inside[0])
            continue
        before_item, its_group = last
        last = (item, None)
        if its_group is not None and before_item is not None and before_item.end <= item.start \
                and set(text[before_item.end:item.start].lower().split()) <= SPLITS:
            # "the staff crossed into Norvale by road and flew home": the same travellers
            told[id(item)] = its_group
            last = (item, its_group)
            continue
        words = [w.strip(",;:.!?\"\u201c\u201d").lower() for w in text[item.start:item.end].split()]
        opener = [] if words[:1] and words[0] in PARTICIPLE_OPENERS else [  # "After" before
            w.lower() for w in text[max(0, item.start - 12):item.start].split()[-1:]]
        words += _subject_after(opener + words, text[item.end:item.end + 60])
        subject = _subject_before(text, item.start)
        words = subject + words
        before = [g for g in counted if g.end <= item.start]
        pairs = list(zip(["", *words], words, strict=False))
        group = None
        if _some_of(words):  # "A helicopter flew two of them": not the group, a part of it
            last = (item, None)
            continue
        opening = _sentence_start(text, item.start)
        first = next((g for g in before if g.start >= opening), None)
        if subject and first is not None and not any(  # only a dateline before it
                w[:1].islower() for w in text[opening:first.start].split()):
            group = first  # "Some 200 foreign nationals, including 14 diplomats, | left Kessa"
        elif before and (any(w in PRONOUNS for w in words) or any(
                a == "the" and b in COLLECTIVE_PEOPLE for a, b in pairs)):
            group = (travelled or before)[-1]
        for a, b in pairs if before and group is None else ():
            same = [g for g in before if a == "the" and b in GROUP_NOUNS
                    and b in text[g.start:g.end].lower().split()]
            if same:
                group = same[-1]
                break
            if travelled and a == "the" and b in STAFF_NOUNS:
                # "the diplomats boarded", after "Twelve embassy staff left": no group counted
                # of that noun, the one that travelled
                group = travelled[-1]
                break
        if group is not None:
            told[id(item)] = group
            travelled.append(group)
            last = (item, group)
    return told


#: words for a part of a group before "of them" ("two of them", "most of the staff")
SOME = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                  "some", "several", "few", "many", "most", "half", "none", "dozen"})


def _some_of(words: list[str]) -> bool:
    """Whether ``words`` tell of a part of a group: a count or "some", "most" before "of them"
    or "of the" ("two of them", "most of the diplomats"); "all of them" is the whole."""
    return any(a == "of" and b in ("them", "the", "those", "these") and (w in SOME or w.isdigit())
               for w, a, b in zip(words, words[1:], words[2:], strict=False))


#: words that open a participle's clause, whose subject is the next clause's ("After crossing
#: into Norvale on foot, they boarded a train")
PARTICIPLE_OPENERS = frozenset({"after", "before", "having", "upon", "on", "while"})


def _subject_after(words: list[str], after: str) -> list[str]:
    """The first words of the clause after a participle's clause ``words`` (with the word
    before them; ``after``: the text that follows them), where its subject is: "they" in
    "After crossing into Norvale on foot, they boarded"; none for any other clause."""
    participle = len(words) > 1 and words[0] in PARTICIPLE_OPENERS and (
        words[1].endswith(("ing", "ed", "en")))
    rest = after.lstrip()
    if not participle or not rest.startswith(","):
        return []
    return [w.strip(",;:.!?").lower() for w in rest[1:].split()[:3]]


#: the end of a sentence, for :func:`_subject_before`
SENTENCE_ENDS = ".!?\n"


def _subject_before(text: str, start: int) -> list[str]:
    """The words of the sentence before a leg's words that open with a verb in lower case, in
    lower case: where its subject is ("They left the cars and | walked across the border",
    "The group, which included a cook, | drove on"); none when the words open otherwise (they
    have their own subject, or none)."""
    opening = text[start:start + 1]
    if not opening.islower():
        return []
    first = text[start:start + 20].split()[:1]
    if first and first[0].lower().strip(",;:") in (*PRONOUNS, "the", "a", "an", "where",
                                                    "which", "who"):
        return []
    begins = _sentence_start(text, start)
    return [w.strip(",;:.!?\"\u201c\u201d").lower() for w in text[begins:start].split()]


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence of character ``at`` begins (after the last sentence end before it),
    at most :data:`SENTENCE_REACH` characters back (a draft of one huge sentence stays
    linear)."""
    low = max(0, at - SENTENCE_REACH)
    found = max(text.rfind(end, low, at) for end in SENTENCE_ENDS)
    return found + 1 if found >= 0 else low


#: the most characters a sentence is read back for its subject
SENTENCE_REACH = 2000


def _named_travellers(found: list[Suggestion], travel: _Spans, text: str,
                      ) -> dict[int, Suggestion]:
    """The person whose name, or surname after the whole name, opens the words of a leg or
    journey of ``travel`` (by ``id``): "Reyes left Kelm on a commercial flight", after
    "Anton Reyes". Only names the draft takes for a person's (a title or a role before them):
    "Lufthansa flew them" is no traveller."""
    people = [s for s in found
              if s.kind in ("name", "known") and a_kind(s.fields["type"], "Person")]
    named: dict[int, Suggestion] = {}
    def titled(start: int, end: int) -> bool:  # "Ambassador " before "Petra Lind"
        words = text[start:end].split()
        return len(words) <= 3 and all(word[:1].isupper() for word in words)

    for item in travel.items:
        opening = next((p for p in people if item.start <= p.start < item.end
                        and titled(item.start, p.start)), None)
        first = text[item.start:item.end].split()[:1]
        if opening is None and first:
            word = first[0].rstrip(",;:")
            surname = next((word.removesuffix(p) for p in POSSESSIVES if word.endswith(p)),
                           word).casefold()
            opening = next((p for p in reversed(people) if p.end <= item.start
                            and str(p.fields.get("name", "")).casefold().split()[-1:]
                            == [surname]), None)
        if opening is not None:
            named[id(item)] = opening
    return named


class _Spans:
    """Suggestions in the order of their start, to find the ones inside a span or holding one
    without reading them all (an event's words are one clause: they have a bounded length)."""

    def __init__(self, items: Iterable[Suggestion]) -> None:
        self.items = sorted(items, key=lambda s: s.start)  # stable: ties keep their order
        self.ids = {id(s) for s in self.items}
        self._starts = [s.start for s in self.items]
        self._reach = max((s.end - s.start for s in self.items), default=0)

    def inside(self, span: Suggestion) -> list[Suggestion]:
        """The items whose words are inside ``span``'s."""
        found = self.items[bisect.bisect_left(self._starts, span.start):
                           bisect.bisect_right(self._starts, span.end)]
        return [s for s in found if s.end <= span.end]

    def holding(self, item: Suggestion, start_only: bool = False) -> list[Suggestion]:
        """The items whose words hold ``item``'s (with ``start_only``, its first word: "on
        Tuesday, 23 February" runs past the clause's comma)."""
        found = self.items[bisect.bisect_left(self._starts, item.start - self._reach):
                           bisect.bisect_right(self._starts, item.start)]
        return [s for s in found if (item.start < s.end if start_only else item.end <= s.end)]


def _as_travel_group(group: Suggestion) -> Suggestion:
    return replace(group, fields={**group.fields, "type": "TravelGroup"},
                   note="a group of people that travels? check it, and the legs it is"
                        " the traveller of")


#: words right after a duration that make it a time's distance from another, not how long
#: something lasted ("flew home two days later", "three hours after the crash")
OFFSETS = frozenset({"later", "earlier", "ago", "after", "before", "afterwards"})


def _measures(found: list[Suggestion], travel: _Spans, text: str,
              ) -> dict[int, list[tuple[str, Suggestion]]]:
    """The distance and duration of each leg or journey of ``travel`` (by ``id``): the
    quantities of a length and the durations its clause quotes ("drove about 400 kilometres",
    "the ferry took three hours"; not "two days later", :data:`OFFSETS`), each given to the
    innermost of them that quotes it ("after a two-day journey", inside a leg's clause, is the
    journey's; a leg's when the journey's words are the leg's: "Their journey began with a
    32-hour train ride")."""
    given: dict[int, list[tuple[str, Suggestion]]] = {}
    ages = {id(age) for s in found for role, age in s.links if role == "age"}
    for quantity in found:
        if id(quantity) in ages or text[quantity.end:quantity.end + 4] == "-old":
            continue  # "Helena Voss, 58,", "her 3-year-old daughter": an age, not a measure
        after = text[quantity.end:quantity.end + 12].split()
        before = text[max(0, quantity.start - 8):quantity.start].split()
        # "two days later", "left after three hours" are no durations; "drove for 14 hours
        # before reaching Kelm" is one ("after a two-day journey" is the journey's)
        offset = (bool(after) and after[0].strip(",;:.").lower() in OFFSETS
                  and not (before and before[-1].lower() == "for")) or (
            bool(before) and before[-1].lower() in ("after", "before"))
        role = ("duration" if quantity.kind == "duration" and not offset else "distance"
                if quantity.kind == "quantity" and _of_kind(quantity, "Length") else None)
        holders = travel.holding(quantity) if role else []
        if holders:
            holder = min(holders, key=lambda s: (s.end - s.start, s.fields["type"] == "Journey"))
            given.setdefault(id(holder), []).append((role, quantity))
    return given


#: words before a time in an event's clause that date its start or end ("left Pyongyang on
#: Tuesday": the leg began on Tuesday; "reached Kelm on Thursday": it ended then); else the
#: event happened during the time ("flew on to Moscow on Friday morning")
TIME_ROLES = {
    **dict.fromkeys(("left", "leaving", "leave", "leaves", "departed", "departing"),
                    "beganDuring"),
    **dict.fromkeys(("reached", "reaching", "arrived", "arriving", "landed", "returned"),
                    "endedDuring"),
}


def _times(found: list[Suggestion], events: _Spans, text: str,
           ) -> dict[int, list[tuple[str, Suggestion]]]:
    """The times each of ``events`` (by ``id``) is dated by: the first time its clause quotes
    outside the words of an event inside it, as ``beganDuring`` or ``endedDuring`` after a word
    of :data:`TIME_ROLES`, else ``during``; a time opening the clause, a label ("Monday
    evening: 9 staff left Brenn"), by the words after it, its start where a later time dates
    the end ("Sunday: They took a train … and arrived in Brask on Monday": began on Sunday,
    ended on Monday, the second time given after a start)."""
    held: dict[int, tuple[Suggestion, list[Suggestion]]] = {}  # an event's id → it, its times
    for time_ in (s for s in found if s.kind == "time"):
        around = events.holding(time_, start_only=True)
        if around:
            holder = min(around, key=lambda s: (s.end - s.start, s.fields["type"] == "Journey"))
            held.setdefault(id(holder), (holder, []))[1].append(time_)
    given: dict[int, list[tuple[str, Suggestion]]] = {}
    for key, (holder, times) in held.items():
        roles = [_time_role(text, holder, time_) for time_ in times]
        if len(times) > 1 and holder.start == times[0].start and "endedDuring" in roles[1:]:
            roles[0] = "beganDuring"  # a label, then the end's own time
        ends = [(role, time_) for role, time_ in zip(roles[1:], times[1:], strict=True)
                if roles[0] == "beganDuring" and role == "endedDuring"]
        given[key] = [(roles[0], times[0]), *ends[:1]]
    return given


def _time_role(text: str, holder: Suggestion, time_: Suggestion) -> str:
    """The role of a time in an event's words: by the nearest word of :data:`TIME_ROLES` before
    it (the first after it for a label opening them), else ``during``."""
    if holder.start == time_.start:  # "Monday evening: 9 staff left Brenn": the words after
        words = [word.strip(",;:").lower() for word in text[time_.end:holder.end].split()]
    else:  # the nearest before it ("left Kelm on Tuesday and reached Brask on Thursday")
        words = [word.strip(",;:").lower()
                 for word in reversed(text[holder.start:time_.start].split())]
    return next((TIME_ROLES[w] for w in words if w in TIME_ROLES), "during")


def _of_kind(quantity: Suggestion, kind: str) -> bool:
    """Whether the unit of ``quantity`` measures ``kind`` (``Length``)."""
    code = quantity.fields.get("unit")
    try:
        return code is not None and qudt_unit(code).is_a(kind)
    except LookupError:
        return False


#: the label of the journey a draft's legs belong to (the curators' words, to confirm)
JOURNEY_LABEL = "the journey this report tells of"


def with_journey(found: list[Suggestion]) -> list[Suggestion]:
    """``found`` with the journey its legs belong to: the one the article names ("a two-day
    journey"), else the first leg's words when they say only where the travellers got to, not
    how nor whence, and a leg of a known mode follows (a report's lead, "Forty diplomats
    reached Tessaly on Thursday", before its legs: the journey, with that end, its time and
    travellers; not "The convoy set off from Kelm", a leg), else one
    quoted as the first leg, right before it (none without legs)."""
    legs = [i for i, s in enumerate(found) if s.kind == "event" and s.fields["type"] in LEGS]
    if not legs or any(s.kind == "event" and s.fields["type"] == "Journey" for s in found):
        return found
    first = found[legs[0]]
    roles = {role for role, _item in first.links}
    if first.fields["type"] == LEG and "destination" in roles and "origin" not in roles \
            and any(found[i].fields["type"] != LEG for i in legs[1:]):
        journey = replace(first, fields={"type": "Journey", "label": JOURNEY_LABEL},
                          slug="journey", note=EVENT_NOTES["Journey"])
        return [*found[:legs[0]], journey, *found[legs[0] + 1:]]
    journey = replace(first, fields={"type": "Journey", "label": JOURNEY_LABEL}, parts=(),
                      links=(), slug="journey", note=EVENT_NOTES["Journey"])
    return [*found[:legs[0]], journey, *found[legs[0]:]]
