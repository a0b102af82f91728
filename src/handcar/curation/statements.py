"""The statements a draft suggests: what the words say of the legs, the journey, the border
crossings and the groups that :mod:`handcar.curation.suggest` found, as facts between the ids
the draft gave them.

Each leg's statement quotes the leg's words: the leg is one of the journey's (``hasLeg``), with
the vehicle, places, distance, duration and travellers its words give, after the leg before it
(``nextLeg``: the draft's guess of the order, :func:`travel_order`). The journey, a crossing
and a group get a statement of what their own words give (ends, countries, member count). Every
statement is a suggestion the curator confirms, and a confirmed draft must build: facts the
shapes would refuse together are left out.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from handcar.curation.links import surname_of
from handcar.curation.suggestion import Suggestion

#: the id an item of the draft has (None when the draft left it out)
IdOf = Callable[[Suggestion], "str | None"]
#: the day a time of the draft names (any value that sorts), None when it names no one day;
#: None for no days at all
DayOf = Callable[[Suggestion], Any] | None
#: the links that date a leg
WHEN = ("during", "beganDuring", "endedDuring")


def _retold(legs: Sequence[Suggestion], words: Suggestion) -> int | None:
    """The index of the leg that ``words`` tell of again: the last one of their class before
    them (None: none)."""
    before = [n for n, leg in enumerate(legs)
              if leg.fields["type"] == words.fields["type"] and leg.start < words.start]
    return before[-1] if before else None


def _second_came_first(text: str, first: Suggestion, second: Suggestion) -> bool:
    """Whether the leg told second in one sentence happened before the one told first: its
    words follow "after" ("walked over the pass after | their train was stopped"), or the
    first's follow a sentence's "Before" ("Before | boarding the ferry, they drove")."""
    between = text[first.end:second.start]
    if any(mark in between for mark in ".!?\n"):
        return False
    return between.split()[-1:] == ["after"] or \
        text[max(0, first.start - 8):first.start].split()[-1:] == ["Before"]


def _day(leg: Suggestion, day_of: DayOf) -> Any:
    """The day a leg's words date it by, or None."""
    if day_of is None:
        return None
    return next((day for role, time in leg.links
                 if role in WHEN and (day := day_of(time)) is not None), None)


@dataclass(frozen=True)
class Drafted:
    """A suggested item of the draft and its id."""

    item: Suggestion
    id: str
    vehicles: tuple[str, ...] = ()
    """The ids of the vehicles suggested with a leg."""


@dataclass(frozen=True)
class Statement:
    """A suggested statement: a note for the curator, its id, the item whose words it quotes
    and its facts, lists ``[subject, property, object]``."""

    note: str
    id: str
    quoting: Suggestion
    facts: list[list[Any]]


def suggested_statements(
    legs: list[Drafted], others: list[Drafted], journey: str | None, id_of: IdOf,
    new_id: Callable[[str], str], again: Sequence[Suggestion] = (), day_of: DayOf = None,
    text: str = "",
) -> list[Statement]:
    """The suggested statements of the draft's ``legs`` (in the text's order) and ``others``
    (the journey, crossings, groups with links), whose items have ids by ``id_of``;
    ``new_id`` makes a statement's id unique. ``again``: words that tell again of a leg
    (:func:`again_statements`); ``day_of``: the day a time names, if one, and ``text`` the
    article's (for the order)."""
    order, routes = travel_order([leg.item for leg in legs], id_of, day_of, again, text)
    previous = {now: legs[before].id for before, now in pairwise(order)}
    made: list[Statement] = []
    travellers: set[str] = set()  # of the journey
    for n, leg in enumerate(legs):
        facts = [[journey, "hasLeg", leg.id]]
        facts += [[leg.id, "vehicle", vehicle] for vehicle in leg.vehicles]
        facts += [[leg.id, role, value] for role, value in routes[n].items()]
        group = routes[n].get("traveller")
        if group and group not in travellers:  # who travels a leg travels the journey
            facts.append([journey, "traveller", group])
            travellers.add(group)
        before = previous.get(n)  # a journey's legs are one chain
        facts += [[before, "nextLeg", leg.id]] if before else []
        note = "what the words say of the leg? check it" + (
            f" (the draft puts it after {before}, by the order of the text and its"
            " \"after\" and \"Before\", of the places"
            " the legs leave and reach and of their days: if the journey went otherwise,"
            " change the nextLeg facts)" if before else "")
        made.append(Statement(note, new_id(f"statement-{leg.id}"), leg.item, facts))
    made += again_statements(legs, order, routes, again, id_of, new_id)
    for other in others:  # the journey's ends, a crossing's countries, a group's count
        facts = [[other.id, role, value] for role, linked in other.item.links
                 if (value := id_of(linked)) is not None]
        facts = [fact for fact in facts
                 if not (fact[0] == journey and fact[1] == "traveller" and fact[2] in travellers)]
        if facts:
            # "Helena Voss, 58": the words of a person's age beside the name are the evidence
            near = [q for role, q in other.item.links if role == "age"]
            quoting = other.item
            if near and near[0].start > other.item.end + 2:  # "Reiner, 61,": the surname's
                quoting = replace(other.item, end=near[0].end,
                                  start=near[0].start - 2 - len(surname_of(other.item)))
            elif near:
                quoting = replace(other.item, start=min(other.item.start, near[0].start),
                                  end=max(other.item.end, near[0].end))
            made.append(Statement(f"what the words say of {other.id}? check it",
                                  new_id(f"statement-{other.id}"), quoting, facts))
    return made


def again_statements(legs: list[Drafted], order: list[int], routes: list[dict[str, str]],
               again: Sequence[Suggestion], id_of: IdOf, new_id: Callable[[str], str],
               ) -> list[Statement]:
    """A statement for each of ``again``, words that tell again of the last leg of their class
    before them ("The bus drove them 140 kilometres to Vladivostok" after "a bus met them"),
    quoting them: what they give that leg and its own words do not (``routes``, by the legs'
    ``order``), and no end the legs before or after it in that order would contradict."""
    place = {n: k for k, n in enumerate(order)}
    made: list[Statement] = []
    for words in again:
        n = _retold([leg.item for leg in legs], words)
        if n is None:
            continue
        k = place[n]
        neighbours = {"origin": (routes[order[k - 1]].get("destination") if k > 0 else None),
                      "destination": (routes[order[k + 1]].get("origin")
                                      if k + 1 < len(order) else None)}
        facts = []
        for role, linked in words.links:
            value = id_of(linked)
            if value is None or role in routes[n] or neighbours.get(role) not in (None, value):
                continue
            routes[n][role] = value
            facts.append([legs[n].id, role, value])
        if facts:
            made.append(Statement(f"what these words say again of {legs[n].id}? check it",
                                  new_id(f"statement-{legs[n].id}"), words, facts))
    return made


def travel_order(legs: list[Suggestion], id_of: IdOf, day_of: DayOf = None,
                 again: Sequence[Suggestion] = (), text: str = "",
                 ) -> tuple[list[int], list[dict[str, str]]]:
    """The draft's guess of the order of ``legs`` (indexes, in the text's order) and the ids
    each one's links give (``id_of``): origin, destination, distance, duration, traveller. A
    leg that reaches the place another leaves comes before it ("reached Kelm by ferry from Delm
    … They had driven to Delm": the drive first); else the legs go by their days (``day_of``
    a time a leg is dated by: "flown home on Thursday … had travelled by road on Wednesday"),
    a leg without one with the leg told before it, then by the text's order; a leg told
    right after another in its sentence after "after" came first ("walked over the pass after
    their train was stopped at Brenn": the train first; ``text``, the article's), and so did
    one told after a sentence's "Before …" clause ("Before boarding the ferry, they drove to
    Delm": the drive first). Where a leg's
    destination is still not the next leg's origin, neither is given: the order is wrong or
    the words are (the shapes would refuse the two, and a confirmed draft must build). Words
    that tell of a leg again (``again``) go on its part of the story ("… where the ferry took
    them on. A helicopter flew two of them on": the ferry's day)."""
    routes = [{role: value for role, linked in leg.links if (value := id_of(linked))}
              for leg in legs]
    leaving: defaultdict[str, list[int]] = defaultdict(list)
    for j, route in enumerate(routes):
        if "origin" in route:
            leaving[route["origin"]].append(j)
    after = {i: [j for j in leaving.get(route.get("destination", ""), ()) if j != i]
             for i, route in enumerate(routes)}
    for i, j in pairwise(range(len(legs))):
        if _second_came_first(text, legs[i], legs[j]):
            after[j].append(i)
    # the days: a leg dated by a day starts a part of the story that the legs told after it
    # without a day of their own continue ("They left Pyongyang by train on Tuesday … From
    # Chongjin the train took them on"); the parts go in the order of their days, each in the
    # text's order (a part told before any day first)
    # words that tell again of a leg (``again``) bring its part back: "… where the ferry took
    # them on. A helicopter flew two of them on" continues the ferry's day
    told = sorted([(leg.start, i, False) for i, leg in enumerate(legs)]
                  + [(words.start, n, True) for words in again
                     if (n := _retold(legs, words)) is not None])
    part_day: list[Any] = [None] * len(legs)
    current = None
    for _start, i, retold in told:
        if retold:
            current = part_day[i]
            continue
        day = _day(legs[i], day_of)
        part_day[i] = current = day if day is not None else current
    ranks = {day: n for n, day in enumerate(sorted({d for d in part_day if d is not None}))}
    rank = [(-1 if day is None else ranks[day], i) for i, day in enumerate(part_day)]
    waiting = Counter(j for js in after.values() for j in js)
    ready = [rank[i] for i in range(len(legs)) if not waiting[i]]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:  # the legs in travel order, by their days, then as the text tells them
        _part, i = heapq.heappop(ready)
        order.append(i)
        for j in after[i]:
            waiting[j] -= 1
            if not waiting[j]:
                heapq.heappush(ready, rank[j])
    if len(order) < len(legs):  # a circle of places: the text's order
        order = list(range(len(legs)))
    for before, now in pairwise(order):
        here, there = routes[before], routes[now]
        if here.get("destination", there.get("origin")) != there.get(
                "origin", here.get("destination")):
            del here["destination"], there["origin"]
    return order, routes
