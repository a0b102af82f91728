"""The events a draft suggests, and who travels: legs of a journey by a mode of travel,
border crossings, the vehicles that carry a leg, the journey an article names, and groups of
people a count counts.

The words for a mode of travel ("a bus took them", "they flew on", "on foot", "by train") are
spaCy's tokens looked up, in lower case, in a table of words (:data:`MODES`,
:data:`MODE_PHRASES`); each clause with such words is one leg of that mode, quoted whole (from
the clause break before it to the one after, :func:`clause`), and a vehicle named by a noun ("a
rail trolley") is suggested with it, quoted as its noun phrase. A crossing verb ("crossed into")
makes a border crossing. These are guesses for the curator: a noun that only qualifies another
("the ferry crew", "the bus station") makes nothing, and a vehicle named again with "the" after
a leg of its mode ("they pushed the trolley"), or by the same word right after its leg ("a
railroad handcar … push a handcar"), is taken to be that leg again; a vehicle left behind
("we left the cars behind", "the bus was seized") carried none. A short route before a
clause's comma is part of it ("From Sulm, a ferry took them on"). A noun for a whole
journey ("a two-day journey from Castra", :data:`JOURNEY_NOUNS`) is the report's journey,
quoted from its noun phrase to the end of the clause (its first mention only), unless it is in
apposition to a leg ("a bus took them to Sulm, a journey of nine hours": that leg's); without one,
:mod:`handcar.curation.links` adds a journey quoted as the first leg. A count followed by a
noun for people (:data:`GROUP_NOUNS`: "14 stranded hikers") is a group, and so are the words
for people with "the" that open a leg's clause ("The Russian diplomats who pushed …").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from handcar.annotation.timeexpr import MONTHS, WEEKDAYS
from handcar.curation.suggestion import Suggestion

#: the possessive endings of a word, as the tokenizer splits them ("Ostmark's", "Ostmark’s")
POSSESSIVES = ("'s", "\u2019s")
#: the word right before a place in a leg's clause → the leg's property ("from Pyongyang",
#: "left Pyongyang", "on to Vladivostok", "into Russia", "towards Rason", "reached Kelm"):
#: :mod:`handcar.curation.links` links the places, :mod:`handcar.curation.places` suggests the
#: unnamed ones
ROUTE_WORDS = {
    **dict.fromkeys(("from", "left", "leaving", "leave", "departed"), "origin"),
    **dict.fromkeys(("to", "into", "towards", "toward", "reached", "reaching"), "destination"),
}
#: a word for a mode of travel (lower case) → (the DJO class of the leg, of the vehicle the
#: word names: None for a verb or an adverb, "flew", "on foot")
MODES: dict[str, tuple[str, str | None]] = {
    **dict.fromkeys(("bus", "buses", "minibus", "minibuses", "coach", "coaches"),
                    ("BusLeg", "Bus")),
    **dict.fromkeys(("train", "trains"), ("TrainLeg", "Train")),
    **dict.fromkeys(("handcar", "handcars", "trolley", "trolleys", "draisine"),
                    ("HandcarLeg", "RailHandcar")),
    **dict.fromkeys(("plane", "planes", "aircraft", "airliner", "helicopter"),
                    ("FlightLeg", "Aircraft")),
    **dict.fromkeys(("flew", "fly", "flies", "flying", "flown", "flight", "flights"),
                    ("FlightLeg", None)),
    **dict.fromkeys(("car", "cars", "taxi", "van", "minivan"), ("CarLeg", "Car")),
    **dict.fromkeys(("drove", "drive", "drives", "driving", "driven"), ("CarLeg", None)),
    **dict.fromkeys(("ferry", "ferries", "boat", "boats", "ship", "ships", "vessel", "vessels",
                     "frigate", "frigates", "warship", "warships", "yacht", "lifeboat",
                     "lifeboats", "dinghy", "catamaran", "barge", "barges"),
                    ("BoatLeg", "Boat")),
    **dict.fromkeys(("sailed", "sail", "sailing", "rowed", "row", "rowing"), ("BoatLeg", None)),
    **dict.fromkeys(("walked", "walk", "walking", "hiked", "trekked"), ("WalkingLeg", None)),
}
#: the nouns among the words of travel (a flight is taken, or called off, as a vehicle is)
FLIGHT_NOUNS = frozenset({"flight", "flights"})
#: nouns for a whole journey ("after a two-day journey from Castra"): the draft's journey,
#: quoted from its noun phrase to the end of the clause
JOURNEY_NOUNS = frozenset({"journey", "trip", "trek"})
#: nouns for a leg's passage that, with "of" after them and in apposition to a leg's clause,
#: are more words of it ("boarded a ferry to Varna, a crossing of roughly 11 hours", "travelled
#: by road to Dornau, a drive of about 5 hours", "walked to the river, a distance of about 400
#: metres"), never a leg or journey alone
PASSAGES = frozenset({"crossing", "passage", "drive", "ride", "flight", "walk", "sail",
                      "distance", "voyage"})
PASSAGE = "passage"
#: verbs of pushing, which make "by rail" a handcar's ("pushed the cart by rail")
PUSHING = frozenset({"push", "pushed", "pushes", "pushing"})
#: two words that make a mode without naming a vehicle ("by air", "on foot", "by rail")
MODE_PHRASES: dict[tuple[str, str], str] = {
    ("by", "air"): "FlightLeg", ("by", "rail"): "TrainLeg", ("on", "foot"): "WalkingLeg",
    ("by", "sea"): "BoatLeg", ("by", "road"): "CarLeg",
}
#: nouns after a vehicle's word that make it a qualifier of them, not a vehicle ("the ferry
#: crew", "the bus station", "a train ticket"): no leg
QUALIFIED = frozenset({
    "crew", "crews", "driver", "drivers", "pilot", "pilots", "captain", "station", "stations",
    "stop", "stops", "terminal", "depot", "company", "companies", "operator", "service",
    "services", "ticket", "tickets", "line", "lines", "route", "routes", "schedule",
    "timetable", "engine", "engines", "fare", "fares", "passengers", "park", "parks", "lane",
    "accident", "crash", "industry", "maker", "makers", "attendant", "attendants", "bomb",
    "bombs", "bombing", "strike", "strikes", "workers", "union", "unions", *POSSESSIVES,
})
#: a word of travel and the word after it that make an idiom, no travel ("walked out of the
#: talks", "drove up prices", "the flight of capital", "a train of thought")
IDIOMS = frozenset({
    *((walk, "out") for walk in ("walked", "walk", "walking", "walks")),
    *((drive, way) for drive in ("drove", "drive", "drives", "driving") for way in ("up", "down")),
    ("flight", "of"), ("train", "of"),
})
#: longer figures of speech made of a word of travel, as the words from it ("flew into a
#: rage", "sail through parliament", "a walk in the park", "drove home the point"): no leg
FIGURES = frozenset({
    *((fly, "into", "a", mood) for fly in ("flew", "fly", "flies", "flying")
      for mood in ("rage", "fury", "panic", "temper", "frenzy", "tantrum")),
    *((fly, "off", "the", "handle") for fly in ("flew", "fly", "flies", "flying")),
    *((sail, "through", body) for sail in ("sail", "sailed", "sails", "sailing")
      for body in ("parliament", "congress", "the", "committee")),
    ("walk", "in", "the", "park"),
    *((drive, "home", "the", point) for drive in ("drove", "drive", "drives", "driving")
      for point in ("point", "message", "lesson")),
})
#: words after a verb of driving, in its clause, that make it a figure ("drove many firms out
#: of business", "drove a hard bargain")
DRIVEN = frozenset({"business", "bargain", "wedge", "crazy", "mad"})


def _figurative(doc: Any, at: int) -> bool:
    """Whether the word of travel at ``at`` begins a figure of speech (:data:`FIGURES`, with
    "sail through the" only before a body that votes, "the senate", "the house"), or is a verb
    of driving with a word of :data:`DRIVEN` in its clause."""
    words = tuple(t.lower_ for t in doc[at:at + 5])
    for figure in FIGURES:
        if words[:len(figure)] == figure:
            if figure[-1] == "the" and figure[1] == "through":
                return len(words) > 3 and words[3] in ("senate", "house", "assembly", "vote")
            return True
    if doc[at].lower_ in ("drove", "drive", "drives", "driving"):
        return any(t.lower_ in DRIVEN for t in doc[at + 1:clause(doc, at)[1]])
    return False


#: the verbs of crossing ("crossed from North Korea into Russia"), before what is crossed or
#: where to: one of CROSSING_NEXT or a name ("crossed Lake Moran"); not "the crossing took",
#: "crossed out the names", "cross a red line"
CROSSING_VERBS = frozenset({"cross", "crossed", "crosses", "crossing"})
CROSSING_NEXT = frozenset({"the", "into", "from", "over", "to", "back", "through", "at",
                           "by"})  # "crossed by land into Norvale"
#: a word of passage and the words after it that make a border crossing of a leg in their
#: clause ("walked across the border into Karland", "drove over the frontier")
ACROSS = frozenset({"across", "over"})
BORDERS = (("the", "border"), ("the", "frontier"))
#: the words that open a noun phrase naming a vehicle ("a rail trolley", "their car")
DETERMINERS = frozenset({"a", "an", "the", "their", "its", "his", "her", "our", "this", "that"})
DEFINITE = frozenset({"the", "their", "its", "his", "her", "our", "this", "that"})
OWNERS = frozenset({"their", "its", "his", "her", "our", "my", "your"})
#: words that open a clause without being part of what it says ("and they flew on")
OPENERS = frozenset({"and", "but", "then", "or", "so", "while", "before", "after"})
#: nouns for a place that, in lower case right before a name, make it a place ("the capital,
#: Castra", "the border town Kelm"); a comma between them breaks no clause
PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "port", "province", "region",
                         "district", "island", "county"})
#: clause breaks; a clause is read at most this many tokens on either side of its word
CLAUSE_BREAKS = frozenset({",", ";", ":", "\u2014", "\u2013", "(", ")", '"', "\u201c", "\u201d"})
CLAUSE_REACH = 20
#: the kind of a cue that tells again of a leg already suggested ("The bus drove them on"),
#: when its words have one of the verbs of CARRYING ("the ferry returned to service": none)
AGAIN = "again"
CARRYING = frozenset({
    "took", "take", "takes", "taking", "carried", "carry", "carries", "carrying", "drove",
    "drive", "drives", "driving", "brought", "bring", "ferried", "pushed", "push", "pushing",
    "pulled", "pull", "flew", "fly", "sailed", "rowed", "covered", "travelled", "traveled",
    "rode", "went", "continued", "reached", "arrived", "docked", "landed",
})
#: words that, somewhere in a sentence, tell that a vehicle named there moved or was
#: travelled in: without one, a vehicle's noun makes no leg ("The museum shows an old
#: handcar"); the words of :data:`CARRYING` and of :data:`ROUTE_WORDS` but its prepositions
#: among them (a verb of :data:`MODES`, "flew", tells it too)
MOVING = CARRYING | (frozenset(ROUTE_WORDS) - {"to", "from", "into"}) | frozenset({
    "boarded", "board", "boarding", "aboard", "ride", "riding", "caught", "met",
    "meet", "stopped", "stop", "halted", "waited", "waiting", "depart", "departs",
    "departing", "arrive", "arrives", "arriving", "returned", "return", "returning", "headed",
    "heading", "bound", "set", "evacuated", "transported", "moved", "picked", "collected",
    "crossed", "cross", "crossing", "hauled", "dragged", "rolled", "towed", "broke",
    "crashed", "docking", "landing", "berthed", "sank", "capsized", "ran", "runs",
    "via", "onward", "back", "home", "sent", "send",
    "chartered", "charter", "hired", "provided", "arranged",
})
#: words that open a short phrase of route before a clause's comma, which the clause then
#: takes in ("From Sulm, a ferry took them on"), at most LEAD_REACH tokens; so does a
#: sentence's opening of at most LABEL_REACH tokens with its colon ("Monday evening: 9 staff
#: left", "Friday, May 17: The group left")
LEADS = frozenset({"from"})
LEAD_REACH = 6
LABEL_REACH = 6  # tokens of a sentence's opening before its colon, the colon included


#: the class of a leg whose words say where it went but not how ("They left Brenn at dawn
#: and reached Sarn"): djo:Leg, its mode unknown
LEG = "Leg"
#: verbs of going that, right before a name of a place, tell of a leg ("left Brenn",
#: "arrived in Kelm", "reached the border post at Sarn")
GOING = frozenset({"travelled", "traveled", "travelling", "traveling", "went", "journeyed",
                   "headed", "returned", "left", "departed", "reached", "arrived", "set",
                   "evacuated", "moved", "relocated", "repatriated", "fled", "escaped"})
#: those that tell only of its end: after a leg, its end told ("The hikers reached
#: Lakeville", after their boat's leg), not a leg of its own
REACHING = frozenset({"reached", "arrived"})
#: the words that may stand between such a verb and the name ("to the port of Delm")
TOWARDS = DETERMINERS | PLACE_NOUNS | frozenset({
    "to", "from", "in", "at", "into", "for", "towards", "toward", "via", "of", "border",
    "post", "home", "back", "off", "out"})  # "set off from Kelm"
GOING_REACH = 6


@dataclass(frozen=True)
class Found:
    """A leg or crossing found in a sentence: its class, the token span of its clause, and
    the token span and class of the vehicle that carries it (a leg's, when a noun names it)."""

    type: str
    clause: tuple[int, int]
    vehicle: tuple[int, int] | None = None
    vehicle_type: str | None = None
    again: bool = False
    """Whether the words tell again of a leg already suggested ("The bus drove them on to
    Kelm" after "a bus met them"): the class is that leg's."""


@dataclass
class Seen:
    """What the sentences read before told of: the classes of their legs and journey, the
    word for the vehicle of the last leg (None when it named none), the class of the last leg
    and the nouns of the groups of people suggested."""

    classes: set[str] = field(default_factory=set)
    last_vehicle: str | None = None
    last_leg: str | None = None  # the class of the last leg told of
    groups: set[str] = field(default_factory=set)  # the nouns of the groups suggested


def find_events(doc: Any, taken: Iterable[tuple[int, int]], seen: Seen) -> list[Found]:
    """The legs, crossings and journey of the sentence ``doc`` (a spaCy ``Doc``), one per
    class and clause, leaving out words inside the character spans ``taken`` (names).
    ``seen`` tells of the sentences before, and is told of this one. A vehicle named again
    with "the" after a leg of its mode, or with the same word right after the leg it carried
    ("a railroad handcar … push a handcar", no other leg between), is that leg again: its
    words are a :data:`AGAIN` find of that leg's class when they have a verb of carrying
    (:data:`CARRYING`), and a verb of travel there makes no leg ("The bus drove them on").
    Two legs in one clause each get their part of it (:func:`_segments`)."""
    spans = list(taken)
    moving = any(t.lower_ in MOVING or MODES.get(t.lower_, ("", "vehicle"))[1] is None
                 for t in doc)  # a word of moving or travelling somewhere in the sentence
    cues: list[tuple[int, str, tuple[int, int] | None, str | None]] = []
    verbs: set[int] = set()  # the cues of a verb of travel ("drove"), not of a vehicle
    for i, token in enumerate(doc):
        if _inside(token, spans) or not (token.is_lower or (i == 0 and token.is_title)):
            continue
        word = token.lower_
        after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        before = doc[i - 1].lower_ if i > 0 else ""
        if word in PASSAGES and after == "of" and before in ("a", "an") and i > 1 \
                and doc[i - 2].text == ",":
            cues.append((i, PASSAGE, None, None))  # ", a crossing of roughly 11 hours"
        elif (before, word) in MODE_PHRASES:
            kind = MODE_PHRASES[(before, word)]
            if kind == "TrainLeg" and any(t.lower_ in PUSHING for t in doc[clause(doc, i)[0]:i]):
                # "push the whole structure by rail": a handcar, the one told of if any
                cues.append((i, AGAIN, None, "HandcarLeg") if "HandcarLeg" in seen.classes
                            else (i, "HandcarLeg", None, None))
                continue
            cues.append((i, kind, None, None))
            seen.last_vehicle = None
        elif word in MODES and after not in QUALIFIED and (word, after) not in IDIOMS \
                and not _figurative(doc, i) and not _negated(doc, i) and not _a_service(doc, i):
            leg, vehicle = MODES[word]
            if word in FLIGHT_NOUNS and _left_behind(doc, _phrase_start(doc, i), i):
                continue  # "a storm grounded their flight": no leg
            if word in FLIGHT_NOUNS and before in DEFINITE and leg in seen.classes:
                cues.append((i, AGAIN, None, leg))  # "Before the flight, …": that flight
                continue
            if leg == "CarLeg" and vehicle is None and any(c[1] == "BusLeg" for c in cues):
                cues.append((i, AGAIN, None, "BusLeg"))  # "left by bus … and drove 200 miles"
                continue
            if vehicle is None and word not in FLIGHT_NOUNS and any(
                    c[1] == leg and c[2] is not None for c in cues):
                cues.append((i, AGAIN, None, leg))  # "A helicopter lifted them … and flew"
                continue
            if vehicle is None or before == "by":  # "by train": a mode, no particular train
                cues.append((i, leg, None, None))
                if vehicle is None:
                    verbs.add(i)
                seen.last_vehicle = None
                continue
            start = _phrase_start(doc, i)
            if _left_behind(doc, start, i):
                continue  # "we left the cars behind", "the bus was abandoned": no leg
            if not moving:
                continue  # "The museum shows an old handcar": no word of it moving
            again = word == seen.last_vehicle
            seen.last_vehicle = word  # the last leg told of: a new one, or one again
            if again or (doc[start].lower_ in DEFINITE and leg in seen.classes):
                cues.append((i, AGAIN, None, leg))  # "they pushed the trolley": that leg
                continue
            if any(k < len(doc) and _inside(doc[k], spans) and named_vehicle(doc, k)
                   for k in (i + 1, i + 3)):
                vehicle = None  # "the ferry Aurora", "a vessel, the Gull": the name is it
            cues.append((i, leg, None if vehicle is None else (start, i + 1), vehicle))
        elif word in COLLECTIVES and before in DEFINITE and seen.last_leg is not None:
            cues.append((i, AGAIN, None, seen.last_leg))  # "The convoy drove on": that leg
        elif _crossing(doc, i):
            cues.append((i, "BorderCrossing", None, None))
        elif word in JOURNEY_NOUNS and "Journey" not in seen.classes:
            cues.append((i, "Journey", None, None))
        elif word in JOURNEY_NOUNS:  # the journey told of already: "…, a trip of six hours"
            cues.append((i, PASSAGE, None, None))  # in apposition to a leg, the leg's words
        elif (word in GOING or _made_way(doc, i)) and not _negated(doc, i) \
                and _to_a_name(doc, i, spans):
            cues.append((i, LEG, None, None))

    cues = _one_leg_of_unknown_mode(doc, cues, verbs, seen.last_leg)

    words = _segments(doc, [(i, kind) for i, kind, _v, _t in cues])
    # "The bus drove them on": the vehicle, not the verb, says how they travelled
    carried = {words[i] for i, kind, vehicle, _t in cues if vehicle is not None or kind == AGAIN}
    cues = [cue for cue in cues if not (cue[0] in verbs and words[cue[0]] in carried)]
    # "A bus took them to Sulm, a journey of 300 kilometres": the journey noun in apposition
    # to a leg's clause tells of that leg, whose clause it joins; so does a passage's ("A
    # plane flew them to Kelm, a 90-minute flight": no second flight)
    joined: dict[int, int] = {}  # a leg clause's end → the end of the words joined to it
    apposed: set[int] = set()  # the cues of passages in apposition
    for i, kind, _vehicle, _type in cues:
        start = _phrase_start(doc, i, reach=4)
        passage = kind != AGAIN and doc[i].lower_ in PASSAGES
        if (kind in ("Journey", PASSAGE) or passage) and start > 1 \
                and doc[start - 1].text == "," and doc[start].lower_ in ("a", "an") \
                and any(k not in ("Journey", "BorderCrossing") and words[j][1] == start - 1
                        for j, k, _v, _t in cues):
            joined[start - 1] = words[i][1]
            apposed.update([i] if passage else [])
    cues = [cue for cue in cues if cue[1] != PASSAGE and cue[0] not in apposed and not (
        cue[1] == "Journey" and any(end < cue[0] < to for end, to in joined.items()))]
    found: dict[tuple[str, tuple[int, int]], Found] = {}
    for i, kind, vehicle, vehicle_type in cues:
        key = (kind, words[i])
        if key[1][1] in joined:
            key = (kind, (key[1][0], joined[key[1][1]]))
        if kind == "Journey":  # its noun phrase to the end of the clause: "a journey from X"
            key = (kind, (_phrase_start(doc, i, reach=4), key[1][1]))
        if kind == AGAIN:
            if not any(k[1] == key[1] for k in found) and any(  # no leg of its own, and moving
                    doc[t].lower_ in CARRYING for t in range(*key[1])):
                found[key] = Found(str(vehicle_type), key[1], again=True)
            continue
        if (AGAIN, key[1]) in found:
            del found[(AGAIN, key[1])]
        if key not in found or (found[key].vehicle is None and vehicle is not None):
            found[key] = Found(kind, key[1], vehicle, vehicle_type)
    for key, leg in list(found.items()):  # "The bus, which was late, reached Delm": the bus
        if (leg.type == LEG or leg.again) and any(
                other.type in LEGS and other.type != LEG and not other.again
                and other.clause[0] < leg.clause[1] and leg.clause[0] < other.clause[1]
                for other in found.values()):
            del found[key]
    seen.classes |= {f.type for f in found.values()
                     if f.type != "BorderCrossing" and not f.again}
    legs_here = [f for f in sorted(found.values(), key=lambda f: f.clause) if f.type in LEGS]
    if legs_here:
        seen.last_leg = legs_here[-1].type
    journeys = sorted(key for key in found if key[0] == "Journey")
    for key in journeys[1:]:  # one journey a report: its first mention
        del found[key]
    return sorted(found.values(), key=lambda f: (f.clause, f.type))


#: plural nouns for people that, after a count, make a group ("14 stranded hikers", "Thirty-two
#: staff", "about 30 Norvalean diplomats"): a closed list, since "six cars" is no group
GROUP_NOUNS = frozenset({
    "people", "persons", "staff", "diplomats", "envoys", "officials", "employees", "members",
    "children", "adults", "travellers", "travelers", "passengers", "hikers", "tourists",
    "citizens", "nationals", "workers", "guards", "soldiers", "crew", "journalists",
    "students", "families", "relatives", "women", "men", "refugees", "evacuees", "pilgrims",
    "delegates", "personnel", "staffers", "colleagues", "residents", "survivors", "hostages",
    # roles and trades ("four embassy drivers", "two interpreters")
    "drivers", "officers", "aides", "advisers", "advisors", "assistants", "volunteers",
    "doctors", "nurses", "medics", "engineers", "technicians", "teachers", "pupils",
    "interpreters", "translators", "cooks", "clerks", "consuls", "ambassadors", "attachés",
    "attaches", "representatives", "negotiators", "inspectors", "observers", "experts",
    "researchers", "scientists", "contractors", "pilots", "sailors", "fishermen", "climbers",
    "troops", "policemen", "rescuers", "firefighters", "athletes", "players", "villagers",
    # whom they travel with ("three dependants", "two infants")
    "guests", "visitors", "patients", "migrants", "detainees", "prisoners", "captives",
    "spouses", "dependants", "dependents", "infants", "babies", "teenagers", "sons",
    "daughters", "wives", "husbands",
})


def group_after(doc: Any, end: int) -> tuple[int, int] | None:
    """The token span of the words for people right after a count that ends at character
    ``end`` of ``doc`` ("14 | stranded hikers", "Thirty-two | staff", "15-strong | team"): up
    to two words and a noun of :data:`GROUP_NOUNS`; None when the count counts something
    else."""
    first = next((t.i for t in doc if t.idx >= end), None)
    if first is None:
        return None
    nouns = GROUP_NOUNS
    if doc[first:first + 2].text.lower() in ("-strong", "- strong"):
        first, nouns = first + 2, GROUP_NOUNS | PARTIES | {"team", "squad"}  # "15-strong team"
    for at in range(first, min(first + 3, len(doc))):
        token = doc[at]
        if token.lower_ in nouns:
            return first, at + 1
        if not token.is_alpha or token.is_stop:
            return None
    return None


def clause(doc: Any, at: int) -> tuple[int, int]:
    """The token span of the clause of token ``at``: between the clause breaks around it (at
    most :data:`CLAUSE_REACH` tokens either side; not the commas around a place's name after
    its noun, "left the capital, Castra, by bus"), without an opening conjunction."""
    def breaks(k: int) -> bool:
        return (doc[k].text in CLAUSE_BREAKS and not _around_a_name(doc, k)) \
            or _spaced_hyphen(doc, k)

    start = at
    while start > 0 and not breaks(start - 1) and at - start < CLAUSE_REACH:
        start -= 1
    end = at + 1
    while end < len(doc) and not breaks(end) and end - at <= CLAUSE_REACH:
        end += 1
    while start < at and (doc[start].lower_ in OPENERS or doc[start].is_space):
        start += 1
    if start > 1 and doc[start - 1].text in (",", ":"):  # "From Sulm, a ferry took them",
        lead = start - 1                                  # "Monday evening: 9 staff left",
        label = doc[start - 1].text == ":"                # "Friday, May 17: The group left"
        while lead > 0 and (doc[lead - 1].text not in CLAUSE_BREAKS
                            or (label and doc[lead - 1].text == ",")) \
                and not doc[lead - 1].is_sent_end and start - lead <= LEAD_REACH:
            lead -= 1
        opens = lead == 0 or doc[lead - 1].text in CLAUSE_BREAKS or doc[lead - 1].is_sent_end
        if opens and (lead == 0 and start - lead <= LABEL_REACH if label
                      else doc[lead].lower_ in LEADS):
            start = lead
    while end > at + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _spaced_hyphen(doc: Any, k: int) -> bool:
    """Whether token ``k`` is a hyphen written as a dash, with a space on either side
    ("DUNMORE, April 12 - Forty staff …"; not "two-day")."""
    return doc[k].text == "-" and bool(doc[k].whitespace_) and k > 0 \
        and bool(doc[k - 1].whitespace_)


def _apposing(word: str) -> bool:
    """Whether a name may follow ``word`` (lower case) in apposition: a place's noun or a
    vehicle's ("the capital, Castra", "a navy vessel, the Gull")."""
    return word in PLACE_NOUNS or MODES.get(word, (None, None))[1] is not None


def _around_a_name(doc: Any, k: int) -> bool:
    """Whether token ``k`` is a comma before or after a place's or a vehicle's name in
    apposition to its noun ("the capital, Castra, by bus"; "the Norvalean capital, Ostrava";
    "A navy vessel, the Gull, carried them")."""
    if doc[k].text != ",":
        return False
    name = k + 2 if k + 2 < len(doc) and doc[k + 1].lower_ == "the" else k + 1
    if k > 0 and _apposing(doc[k - 1].lower_) and name < len(doc) and doc[name].is_title:
        return True  # the comma before the name
    name = k
    while name > 0 and doc[name - 1].is_title and k - name < 3:
        name -= 1
    if name < k and name > 0 and doc[name - 1].lower_ == "the":
        name -= 1
    return name < k and name > 1 and doc[name - 1].text == "," \
        and _apposing(doc[name - 2].lower_)  # the comma after it


#: words that join the clauses of two legs told in one ("crossed into Norvale by road and flew
#: home", "took a bus to Kelm and then a train", "drove to the coast before sailing on")
SPLITS = frozenset({"and", "then", "before", "after", "while"})


#: words that may stand between a vehicle and its verb of travel ("A coach then drove them")
SOON = frozenset({"then", "later", "also", "soon", "finally", "eventually"})


def _segments(doc: Any, cues: list[tuple[int, str]]) -> dict[int, tuple[int, int]]:
    """The words of each cue (token ``i``, kind): its clause (:func:`clause`), cut where the
    clause tells of two legs, at the first word of :data:`SPLITS` between their words (each
    leg's places, times and measures are then its own)."""
    by_clause: dict[tuple[int, int], list[int]] = {}
    for i, _kind in cues:
        by_clause.setdefault(clause(doc, i), []).append(i)
    legs = {i for i, kind in cues if kind in LEGS or kind == AGAIN}
    spans: dict[int, tuple[int, int]] = {}
    for (start, end), members in by_clause.items():
        cuts = []
        for a, b in pairwise(sorted(i for i in members if i in legs)):
            if all(doc[k].lower_ in SOON for k in range(a + 1, b)):
                continue  # "A coach then drove them": the vehicle and its verb, one leg
            cut = next((k for k in range(a + 1, b)
                        if doc[k].lower_ in SPLITS and not _at_a_time(doc, k)), None)
            if cut is not None:
                cuts.append(cut)
        for i in members:
            n = bisect.bisect_right(cuts, i)
            first = start if n == 0 else cuts[n - 1] + 1
            last = end if n == len(cuts) else cuts[n]
            # "kept them waiting for hours before they were allowed to cross on foot": the
            # leg's words are those of its own event
            first = next((k + 1 for k in range(i - 1, first - 1, -1) if _another_event(doc, k)),
                         first)
            # "spent two nights in Delm before continuing by ferry": the leg's words are the
            # participle's
            first = next((k + 1 for k in range(i - 1, first, -1) if _participle_after(doc, k)),
                         first)
            while first < i and (doc[first].lower_ in OPENERS or doc[first].is_space):
                first += 1
            if last + 1 < len(doc) and doc[last].text == "," and doc[last + 1].lower_ in \
                    ARRIVING_AFTER:  # "boarded a night train, arriving on Friday morning"
                last = clause(doc, last + 1)[1]
            last = _past_relative(doc, last)  # "flew two of them, who were ill, to Marden"
            last = next((k for k in range(i + 1, last) if _another_event(doc, k)), last)
            while last > i + 1 and (doc[last - 1].is_punct or doc[last - 1].is_space):
                last -= 1
            spans[i] = (first, last)
    return spans


#: participles that, after a comma, go on with the leg's own words ("…, arriving in Castra on
#: Friday morning")
ARRIVING_AFTER = frozenset({"arriving", "reaching", "landing", "docking", "returning"})
#: words that open a relative clause between commas ("…, who were ill, …")
RELATIVES = frozenset({"who", "which", "whose"})
#: words after it that go on with the leg ("…, who were ill, to a hospital in Marden")
ROUTE_ON = frozenset({"to", "into", "from", "towards", "toward", "for", "across", "over"})


def _past_relative(doc: Any, last: int) -> int:
    """The end of a leg's words that stop at ``last``, past a relative clause between commas
    when the leg's words go on after it: a word of its route ("flew two of them, who were ill,
    to a hospital") or its verb ("The bus, which was late, reached Delm"), not "and" or
    "then"; else ``last``."""
    if not (last + 1 < len(doc) and doc[last].text == "," and doc[last + 1].lower_ in RELATIVES):
        return last
    close = next((k for k in range(last + 2, min(len(doc), last + CLAUSE_REACH))
                  if doc[k].text in CLAUSE_BREAKS), None)
    if close is None or doc[close].text != "," or close + 1 >= len(doc):
        return last
    going_on = doc[close + 1].lower_ in ROUTE_ON or (  # "The bus, which was late, reached"
        doc[close + 1].is_lower and doc[close + 1].lower_ not in OPENERS | SPLITS)
    return clause(doc, close + 1)[1] if going_on else last


#: conjunctions that open a clause of another event after a leg's words ("… had a long trip
#: behind them before they reached the border")
WHEN_ELSE = frozenset({"before", "after", "until", "when", "while", "once"})
#: the pronouns that open that clause's own subject (a noun after "after" may be no clause's:
#: "after a 3-day voyage")
SUBJECTS = frozenset({"they", "he", "she", "it", "we", "i", "you"})


#: words for a time that, after "after" or "before", make it a preposition of time ("left
#: shortly after 6 a.m.", "before dawn"), not the opening of another event's clause
TIMES_OF_DAY = frozenset({"midnight", "noon", "midday", "dawn", "dusk", "daybreak", "sunrise",
                          "sunset", "nightfall", "lunch", "breakfast", "dinner"}) | frozenset(
    MONTHS) | frozenset(WEEKDAYS)
#: words of an approximation before a number ("after about two hours")
ROUGHLY = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "over",
                     "more", "less", "than"})


def _at_a_time(doc: Any, k: int) -> bool:
    """Whether the "after" or "before" at token ``k`` is followed by a time or a number (of
    one): "shortly after 6 a.m.", "before dawn", "after about two hours"."""
    if doc[k].lower_ not in ("after", "before"):
        return False
    rest = list(doc[k + 1:k + 5])
    while rest and rest[0].lower_ in ROUGHLY:
        rest.pop(0)
    return bool(rest) and (rest[0].like_num or rest[0].lower_ in TIMES_OF_DAY)


def _participle_after(doc: Any, k: int) -> bool:
    """Whether token ``k`` is "before" or "after" opening a participle's clause ("before
    continuing by ferry"), whose subject is the sentence's."""
    return doc[k].lower_ in ("before", "after") and k + 1 < len(doc) \
        and doc[k + 1].is_alpha and doc[k + 1].lower_.endswith("ing")


def _another_event(doc: Any, k: int) -> bool:
    """Whether token ``k`` opens a clause of another event, with its own subject: "before
    they reached the border" (not "before reaching Kelm", whose subject is the leg's and
    whose place is the leg's end, nor "after a 3-day voyage")."""
    return doc[k].lower_ in WHEN_ELSE and k + 1 < len(doc) and doc[k + 1].lower_ in SUBJECTS


def _phrase_start(doc: Any, at: int, reach: int = 2) -> int:
    """The first token of the noun phrase ending at the word ``at``: a determiner and up to
    ``reach`` words in lower case before it ("a rail trolley", "a two - day journey"), else
    the word alone."""
    start = at
    while at - start < reach and start > 0 and _modifier(doc[start - 1]):
        start -= 1
    if start > 0 and doc[start - 1].lower_ in DETERMINERS:
        return start - 1
    return at  # no determiner: the words before may be a verb ("pushed trolleys")


#: words that, right before a word of travel, say it did not happen ("would not fly", "no
#: ships", "never flew"): no leg
NEGATIONS = frozenset({"not", "n't", "no", "never", "nor", "neither", "without"})
#: plural words of travel that, without a determiner or a count, name a service, not a leg
#: ("suspended all flights and trains", "closed to buses"; "a convoy of six cars" is a leg)
SERVICES = frozenset({"buses", "minibuses", "coaches", "trains", "handcars", "trolleys",
                      "planes", "flights", "cars", "ferries", "boats", "ships", "taxis"})
#: words before a bare plural that make it vehicles travelled in ("took buses", "in cars"),
#: and nouns for vehicles together before "of" ("a convoy of cars")
BOARDED = frozenset({"took", "take", "taking", "boarded", "rode", "caught", "in", "on",
                     "aboard"})
COLLECTIVES = frozenset({"convoy", "fleet", "column", "caravan", "flotilla", "motorcade"})


def _crossing(doc: Any, at: int) -> bool:
    """Whether token ``at`` makes a border crossing: a verb of :data:`CROSSING_VERBS` before
    one of :data:`CROSSING_NEXT` or a name, not denied, or "across the border" in a clause of
    travel."""
    word = doc[at].lower_
    if word in CROSSING_VERBS:
        return at + 1 < len(doc) and not _negated(doc, at) and (
            doc[at + 1].lower_ in CROSSING_NEXT or doc[at + 1].is_title)
    return word in ACROSS and tuple(t.lower_ for t in doc[at + 1:at + 3]) in BORDERS \
        and _travel_in_clause(doc, at)


def named_vehicle(doc: Any, at: int) -> str | None:
    """The DJO class of the vehicle that a name at token ``at`` names, when a determiner and
    a noun for a vehicle come right before it ("the ferry Aurora", "a frigate Admiral Lunn":
    Boat), or the noun, a comma and "the" ("a navy vessel, the Gull"); else None."""
    if at >= 3 and doc[at - 1].lower_ == "the" and doc[at - 2].text == ",":
        return MODES.get(doc[at - 3].lower_, (None, None))[1]
    if at < 2 or doc[at - 2].lower_ not in DETERMINERS:
        return None
    return MODES.get(doc[at - 1].lower_, (None, None))[1]


def _travel_in_clause(doc: Any, at: int) -> bool:
    """Whether the clause of token ``at`` has a word of travel (:data:`MODES`) or of carrying
    (:data:`CARRYING`): "they walked across the border", not "shells fell across the
    border"."""
    start, end = clause(doc, at)
    return any(t.lower_ in MODES or t.lower_ in CARRYING for t in doc[start:end])


def _negated(doc: Any, at: int) -> bool:
    """Whether one of the three words before token ``at`` denies it (:data:`NEGATIONS`)."""
    return any(t.lower_ in NEGATIONS for t in doc[max(0, at - 3):at])


def _a_service(doc: Any, at: int) -> bool:
    """Whether token ``at`` is a plural word of travel naming a service (:data:`SERVICES`):
    neither a determiner nor a count before it, nor a word of boarding (:data:`BOARDED`) or
    a convoy's "of" (:data:`COLLECTIVES`)."""
    if doc[at].lower_ not in SERVICES:
        return False
    start = _phrase_start(doc, at)
    taken = start > 0 and doc[start - 1].lower_ in BOARDED  # "took buses to the coast"
    taken = taken or (start > 1 and doc[start - 1].lower_ == "of"  # "a convoy of cars"
                      and doc[start - 2].lower_ in COLLECTIVES)
    return doc[start].lower_ not in DETERMINERS and not taken and not any(
        t.like_num for t in doc[max(0, at - 3):at])


#: verbs that, right before a vehicle or after it in the passive, make it no leg: it was left,
#: not travelled in ("abandoned their cars", "the bus was seized"); "left" only with "behind"
ABANDONED = frozenset({"abandoned", "abandon", "abandoning", "ditched", "ditch", "parked",
                       "sold", "impounded", "seized", "torched", "burned", "burnt", "wrecked",
                       "destroyed", "damaged",
                       # called off or not taken ("a storm grounded their flight", "missed
                       # the last bus", "the train was cancelled")
                       "grounded", "cancelled", "canceled", "missed", "scrapped",
                       "postponed"})
LEAVING = frozenset({"left", "leave", "leaves", "leaving"})
#: stop words that may stand between a verb and its vehicle's noun ("missed the last bus")
PHRASE_STOPS = frozenset({"last", "first", "next", "only", "other", "same"})
AUXILIARIES = frozenset({"was", "were", "is", "are", "be", "been", "being", "had", "has",
                         "have"})


def _left_behind(doc: Any, start: int, at: int) -> bool:
    """Whether the vehicle of the noun phrase ``start``..``at`` was left, not travelled in:
    the object of a verb of :data:`ABANDONED` ("ditched the car"), of "left" with "behind"
    later in its clause ("left the cars and the archive behind"), or their passive ("the
    cars were left behind", "the bus was seized")."""
    behind = "behind" in (t.lower_ for t in doc[at + 1:clause(doc, at)[1]])
    k = start - 1  # past "the last", "their only": the verb before the noun phrase
    while k >= 0 and start - k <= 3 and (doc[k].lower_ in DETERMINERS or doc[k].lower_ in
                                         PHRASE_STOPS):
        k -= 1
    verb = doc[k].lower_ if k >= 0 else ""
    if verb in ABANDONED or (verb in LEAVING and behind):
        return True
    after = at + 1
    while after < len(doc) and after - at <= 3 and doc[after].lower_ in AUXILIARIES:
        after += 1
    if after == at + 1 or after >= len(doc):
        return False
    return doc[after].lower_ in ABANDONED or (doc[after].lower_ in LEAVING and behind)


def _modifier(token: Any) -> bool:
    """Whether ``token`` may be a word of a noun phrase before its noun: a word in lower case
    (not a determiner or stop word: no verb is told from an adjective here), a number, or
    the hyphen of "two-day"."""
    if token.text == "-" or token.like_num:
        return True
    return (token.is_lower and token.is_alpha and token.lower_ not in DETERMINERS
            and not token.is_stop)


def _inside(token: Any, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


def _to_a_name(doc: Any, at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a name (a token in ``spans``) follows the verb at ``at`` within
    :data:`GOING_REACH` tokens of its clause, past only words of :data:`TOWARDS` ("left
    Brenn", "reached the border post at Sarn"; not "reached a deal with Kelm", nor a name
    owning what follows, "left Kelm's embassy")."""
    end = min(clause(doc, at)[1], at + 1 + GOING_REACH)
    for k in range(at + 1, end):
        if _inside(doc[k], spans):
            while k + 1 < len(doc) and _inside(doc[k + 1], spans):
                k += 1
            # "left Kelm's embassy": no place left, a post
            return k + 1 >= len(doc) or doc[k + 1].lower_ not in POSSESSIVES
        if doc[k].lower_ not in TOWARDS:
            return False
    return False


def _made_way(doc: Any, at: int) -> bool:
    """Whether token ``at`` is the "way" of "made their way" (a verb of going: "made their way
    to Kelm")."""
    return doc[at].lower_ == "way" and at >= 2 and doc[at - 1].lower_ in OWNERS \
        and doc[at - 2].lower_ in ("made", "make", "makes", "making")


def _one_leg_of_unknown_mode(doc: Any, cues: list[Any], verbs: set[int],
                             last_leg: str | None) -> list[Any]:
    """``cues`` without the :data:`LEG` cues of a clause that tells of a leg's mode or vehicle
    ("They left Kessa by bus": the bus), with one of them a clause ("left Brenn at dawn and
    reached Sarn": one leg, going on to its end); a clause that tells only of reaching a
    place (:data:`REACHING`) after a leg of class ``last_leg`` tells of that leg's end again
    ("The hikers reached Lakeville", after their boat's leg)."""
    told = {clause(doc, i) for i, kind, _v, _t in cues
            if kind != LEG and (kind in LEGS or kind == AGAIN or i in verbs)}
    going: dict[tuple[int, int], list[int]] = {}
    for i, kind, _v, _t in cues:
        if kind == LEG and clause(doc, i) not in told:
            going.setdefault(clause(doc, i), []).append(i)
    firsts = {}
    for members in going.values():
        reaching = all(doc[i].lower_ in REACHING for i in members)
        firsts[members[0]] = (members[0], AGAIN, None, last_leg) \
            if reaching and last_leg is not None else (members[0], LEG, None, None)
    return [firsts.get(cue[0], cue) for cue in cues if cue[1] != LEG or cue[0] in firsts]


def event_suggestions(doc: Any, offset: int, named: list[tuple[int, int]], legs: Seen,
                      counted: Iterable[Suggestion] = ()) -> list[Suggestion]:
    """The legs, crossings and journey of the sentence ``doc`` (:func:`find_events`), each leg
    with the vehicle a noun names as its part, and the group of people that opens a leg's
    clause (:func:`_subject_group`) unless one ``counted`` (the groups of counts) is in it."""
    made = []
    counts = [(g.start - offset, g.end - offset) for g in counted]
    for event in find_events(doc, named, legs):
        span = doc[event.clause[0]:event.clause[1]]
        if event.again:
            made.append(Suggestion(AGAIN, offset + span.start_char, offset + span.end_char,
                                   {"type": event.type, "referred_to_as": span.text},
                                   slug=LEGS.get(event.type, "leg")))
            continue
        planned = [t.text for t in span if _plans(doc, t.i)]
        ahead = [word for word in planned if word.lower() != "would"]
        if ahead and event.type != "Journey":  # "are expected to fly home": not a leg yet
            made.append(Suggestion(
                "not_modelled", offset + span.start_char, offset + span.end_char,
                {"reason": f"the words look ahead ({ahead[0]!r}): a trip that has not"
                           " happened is no leg or crossing (DJO has no term for a plan)"},
                "a trip told as a plan? left out of the graph: check it (if it happened,"
                " make it an event)", slug="plan"))
            continue
        parts: tuple[Suggestion, ...] = ()
        if event.vehicle is not None:
            noun = doc[event.vehicle[0]:event.vehicle[1]]
            parts = (Suggestion(
                "vehicle", offset + noun.start_char, offset + noun.end_char,
                {"type": event.vehicle_type, "referred_to_as": noun.text},
                f"the vehicle? {event.vehicle_type} is a guess: check it", slug=noun[-1].text),)
        note = EVENT_NOTES.get(event.type, leg_note(event.type))
        if planned:  # "would": reported speech looks back as often as ahead
            note += (f" (the words look ahead, {planned[0]!r}: an event that has not happened"
                     " is none; if so, delete it and put the words under not_modelled)")
        made.append(Suggestion(
            "event", offset + span.start_char, offset + span.end_char,
            {"type": event.type, "referred_to_as": span.text}, note,
            slug=LEGS.get(event.type, event.type.lower().replace("bordercrossing", "crossing")),
            parts=parts))
        people = _subject_group(doc, event) if event.type in LEGS else None
        if people is not None and people[-1].lower_ not in legs.groups and not any(
                span.start_char <= start and end <= span.end_char for start, end in counts):
            legs.groups.add(people[-1].lower_)
            made.append(Suggestion(
                "group", offset + people.start_char, offset + people.end_char,
                {"type": "Group", "referred_to_as": people.text},
                "a group of people? check it (TravelGroup when it travels)", people[1:].text))
    return sorted(made, key=lambda s: (s.start, s.end))


def _subject_group(doc: Any, event: Found) -> Any:
    """The words for people that open a leg's clause, with "the" and without a count ("The
    Russian diplomats who pushed …", "the embassy staff flew"): up to three words, the last
    a noun of :data:`GROUP_NOUNS`; else None."""
    start, end = event.clause
    if doc[start].lower_ != "the":
        return None
    for at in range(start + 1, min(start + 4, end)):
        token = doc[at]
        if token.lower_ in GROUP_NOUNS:
            return doc[start:at + 1]
        if not token.is_alpha or (token.is_lower and token.is_stop):
            return None
    return None


def group_suggestions(doc: Any, offset: int, quantities: list[Suggestion], seen: Seen,
                      ) -> list[Suggestion]:
    """The groups of people a count in the sentence ``doc`` counts ("14 stranded hikers"):
    quoted with the count, named by the words after it, the count as their member count.
    ``seen`` is told of their nouns."""
    made = []
    for count in quantities:
        if count.fields.get("unit") != "NUM":
            continue
        words = group_after(doc, count.end - offset)
        start = count.start
        if words is None:  # "a group of 30": the noun before
            words = _group_of(doc, count.start - offset)
            start = offset + doc[words[0]].idx if words is not None else start
        if words is None:
            continue
        people = doc[words[0]:words[1]]
        seen.groups.add(people[-1].lower_)
        made.append(Suggestion(
            "group", start, max(count.end, offset + people.end_char),
            {"type": "Group", "referred_to_as": people.text},
            "a group of people? check it (TravelGroup when it travels)", people.text,
            links=(("memberCount", count),)))
    return made


#: nouns for a group of people that a count after "of" counts ("a group of 30")
PARTIES = frozenset({"group", "party", "contingent", "delegation"})


def _group_of(doc: Any, start: int) -> tuple[int, int] | None:
    """The token span of the noun of :data:`PARTIES` right before "of" and a count that
    starts at character ``start`` of ``doc`` ("The first group of | 30"); else None."""
    at = next((t.i for t in doc if t.idx >= start), None)
    if at is None or at < 2 or doc[at - 1].lower_ != "of" or doc[at - 2].lower_ not in PARTIES:
        return None
    return at - 2, at - 1


#: words that put an event in the future or in plans ("will fly", "are expected to leave"):
#: DJO has no term for a planned event, so the draft suggests leaving the words out of the
#: graph (``not_modelled``); after "would" (reported speech looks back as often as ahead) it
#: suggests the event and says the words may look ahead
PLANNED = frozenset({"will", "'ll", "\u2019ll", "shall", "expected", "plan", "plans",
                     "planned", "planning", "intend", "intends", "due", "would"})


#: words of :data:`PLANNED` that put an event ahead only before "to" and a verb ("expected to
#: leave", "due to fly"; not "due to the pandemic", "as expected", "the planned route")
BEFORE_TO = frozenset({"expected", "plan", "plans", "planned", "planning", "intend",
                       "intends", "due"})
#: the verbs after "due to" that make a plan of it ("due to leave"; "due to the pandemic" is
#: a cause)
DUE_VERBS = frozenset({"leave", "arrive", "return", "fly", "travel", "depart", "land",
                       "reach", "cross", "sail", "drive", "go", "move", "board", "resume"})


def _plans(doc: Any, at: int) -> bool:
    """Whether token ``at`` puts the event ahead (:data:`PLANNED`): "will", "shall",
    "would" alone; the others before "to" (and "due to" before a verb of
    :data:`DUE_VERBS` or of travel)."""
    word = doc[at].lower_
    if word not in PLANNED:
        return False
    if word not in BEFORE_TO:
        return True
    if at + 1 >= len(doc) or doc[at + 1].lower_ != "to":
        return False
    if word == "due":
        verb = doc[at + 2].lower_ if at + 2 < len(doc) else ""
        return verb in DUE_VERBS or verb in MODES
    return True


def leg_note(kind: str) -> str:
    """The draft's note on a leg of the class ``kind``."""
    return (f"a leg of the journey? {kind} is a guess from its words: add its origin,"
            " destination and travellers")


#: the draft's note on an event that is no leg
EVENT_NOTES = {
    LEG: "a leg of the journey? its words say where it went, not how (djo:Leg, the mode"
         " unknown): if it is a leg told of before, delete it and move its facts there;"
         " add its origin, destination and travellers",
    "BorderCrossing": "a border crossing? add who crossed (crossedBy) and the countries",
    "Journey": "the journey the legs below belong to? check it, and add its origin,"
               " destination and travellers",
}
#: the start of the id of a leg of each class (the classes of legs the draft suggests)
LEGS = {"BusLeg": "leg-bus", "TrainLeg": "leg-train", "HandcarLeg": "leg-handcar",
        "FlightLeg": "leg-flight", "CarLeg": "leg-car", "BoatLeg": "leg-boat",
        "WalkingLeg": "leg-on-foot", LEG: "leg"}
