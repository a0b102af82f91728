"""The identities a draft suggests (``identities:``): a leg or border crossing of the new report
that another article tells of too, and then the journeys the two legs belong to (a crossing's
ends are its countries).

Two legs are taken for one when the other article's leg is of the same class and has an end in
common with the drafted leg (the same place id as origin, or as destination) and no end that
differs, or has both ends in common whatever its class (one report's bus is another's car:
the two readings are kept, each with its source, and compared). An article with two such
legs for one drafted leg is ambiguous and gets none; each of its legs is given to one drafted
leg at most. The links go to one article, the one with the most legs in common (links are
read both ways and through each other, so one is enough). These are guesses from the places,
as every suggestion of the draft: the curator confirms the link and its reason, or deletes it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from handcar.curation.known import Event, Other


@dataclass(frozen=True)
class DraftedLeg:
    """A leg of the draft: its id, class and the place ids its statement gives its ends."""

    id: str
    type: str
    origin: str | None = None
    destination: str | None = None


@dataclass(frozen=True)
class Identity:
    """A suggested ``identities:`` entry."""

    id: str
    same_as: str
    reason: str
    note: str


def suggested_identities(
    legs: Sequence[DraftedLeg], journey: str | None, others: Sequence[Other],
    is_leg: Callable[[Sequence[str]], bool], words: Callable[[str], str],
) -> list[Identity]:
    """The links of the drafted ``legs`` (and ``journey``) to the legs (and journey) of one of
    ``others`` (the articles most likely to report the same event, the likeliest first): the
    one with the most legs in common, the first of those. One is enough, as links are read
    both ways and through other links. ``is_leg`` tells the classes of a leg, ``words`` the
    name of a place id."""
    best: list[Identity] = []
    for other in others:
        made = _links_to(other, legs, journey, is_leg, words)
        if len(made) > len(best):
            best = made
    return best


def _links_to(other: Other, legs: Sequence[DraftedLeg], journey: str | None,
              is_leg: Callable[[Sequence[str]], bool], words: Callable[[str], str],
              ) -> list[Identity]:
    """The links of the drafted ``legs`` and ``journey`` to those of the article ``other``."""
    made: list[Identity] = []
    taken: set[str] = set()
    journeys: list[str] = []
    for leg in legs:
        scored = sorted(((_score(leg, event), event) for event in other.events
                         if event.id not in taken and is_leg(event.types)),
                        key=lambda pair: pair[0], reverse=True)
        scored = [(score, event) for score, event in scored if score > (0, 0)]
        if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue  # no leg of that article, or two alike: the curator knows
        event = scored[0][1]
        taken.add(event.id)
        what = "crossing" if leg.type == "BorderCrossing" else "leg"
        made.append(Identity(
            leg.id, f"{other.id}/{event.id}", _reason(leg, event, words),
            f"the same {what} as another report's? (its class and places): check it and"
            " the reason, then confirm it"))
        if event.journey and event.journey not in journeys:
            journeys.append(event.journey)
    if journey is not None and len(journeys) == 1:
        made.append(Identity(
            journey, f"{other.id}/{journeys[0]}",
            "the journey both reports tell of: " + ", ".join(
                f"{link.id} is {link.same_as}" for link in made),
            "the same journey as another report's? (a leg of each is one): check it"))
    return made


def _score(leg: DraftedLeg, event: Event) -> tuple[int, int]:
    """(ends in common, same class) when the two may be one leg, else (0, 0): never when an
    end both state differs (a train from Pyongyang to Tumangang is not one to another place,
    named or not)."""
    pairs = ((leg.origin, event.origin), (leg.destination, event.destination))
    if any(mine is not None and theirs is not None and mine != theirs for mine, theirs in pairs):
        return (0, 0)
    same = int(leg.type in event.types)
    ends = sum(1 for mine, theirs in pairs if mine is not None and mine == theirs)
    return (ends, same) if ends == 2 or (ends and same) else (0, 0)


def _reason(leg: DraftedLeg, event: Event, words: Callable[[str], str]) -> str:
    """Why the two legs are one, in words: their class and the ends they share."""
    ends = " ".join(part for part in (
        f"from {words(leg.origin)}" if leg.origin and leg.origin == event.origin else "",
        f"to {words(leg.destination)}" if leg.destination and leg.destination == event.destination
        else "") if part)
    if leg.type in event.types:
        return f"both reports tell of a {_spoken(leg.type)} {ends}"
    kinds = " or ".join(_spoken(kind) for kind in (leg.type, *event.types))
    return f"both reports tell of a leg {ends} (a {kinds}: the readings differ)"


def _spoken(name: str) -> str:
    """A class name in words: ``BusLeg`` → "bus leg"."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()
