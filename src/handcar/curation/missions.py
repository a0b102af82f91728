"""The diplomatic missions a draft suggests: "the Norland embassy in Veltria", "Norland's
Embassy in Kessa", "the Veltrian consulate".

A mission is suggested unnamed (DJO's ``DiplomaticMission`` with the words the article uses,
as the seed's "Russia's Embassy in Pyongyang"): the words say whose it is and where, rarely its
name. It is quoted from the words for its state to the place after "in", and tied to the
countries other articles know: the state it represents (``sendingState``, "Russia's Embassy")
and the one it is in (``hostCountry``, "the Norland embassy in Veltria" for a known Veltria). A
new name is never linked: its class is a guess. "The Kelm Embassy" alone, capitalised, stays a
name (:mod:`handcar.curation.suggest` guesses ``DiplomaticMission`` from its head word).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from handcar.curation.events import POSSESSIVES
from handcar.curation.suggestion import Suggestion

#: the nouns for a diplomatic mission
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission"})
#: of those, the ones that name a diplomatic mission only with a state's words ("the Tessaly
#: mission in Port Alder", not "a peacekeeping mission in Kelm")
STATE_NEEDED = frozenset({"mission"})
#: words before a state's words that open a mission's ("the Norland embassy")
OPENING = frozenset({"the", "a", "its", "their"})
#: at most this many capitalised words for a state or a place ("the North Korean embassy")
REACH = 3


def mission_suggestions(doc: Any, offset: int, named: Sequence[Suggestion]) -> list[Suggestion]:
    """The missions of the sentence ``doc`` (a spaCy ``Doc`` at character ``offset`` of the
    text), linked to the known countries among ``named`` (its known and new names) whose words
    are the mission's state or place."""
    from handcar.curation.suggest import a_kind

    made = []
    for token in doc:
        if token.lower_ not in MISSION_NOUNS:
            continue
        at = token.i
        state = _state_start(doc, at)
        place_end = _place_end(doc, at)
        possessive = at > 0 and doc[at - 1].lower_ in POSSESSIVES
        if token.is_title and not possessive and place_end is None:
            continue  # "the Kelm Embassy": a name (suggest.py)
        if state is None and (place_end is None or token.lower_ in STATE_NEEDED):
            continue  # "the embassy": whose, and where, the curator knows
        start = state if state is not None else at
        end = place_end if place_end is not None else at + 1
        words = doc[start:end]
        first, last = offset + words.start_char, offset + words.end_char
        links: dict[str, Suggestion] = {}
        for name in named:
            if not (first <= name.start and name.end <= last) or name.kind != "known":
                continue
            country = a_kind(name.fields["type"], "Country")
            if country and name.end <= offset + token.idx:
                links.setdefault("sendingState", name)
            elif country and name.start >= offset + token.idx + len(token.text):
                links.setdefault("hostCountry", name)
        made.append(Suggestion(
            "mission", first, last, {"type": "DiplomaticMission", "referred_to_as": words.text},
            "a diplomatic mission? check it, and add the state it represents (sendingState)"
            " and the country it is in (hostCountry)", words.text, links=tuple(links.items())))
    return made


def _state_start(doc: Any, at: int) -> int | None:
    """The first token of the state's words before the mission noun at ``at``: capitalised
    words after "the" ("the Norland embassy"), or a name and "'s" ("Norland's Embassy");
    else None."""
    end = at
    if at > 0 and doc[at - 1].lower_ in POSSESSIVES:
        end = at - 1
    start = end
    while start > 0 and end - start < REACH and doc[start - 1].is_title \
            and doc[start - 1].lower_ not in OPENING:
        start -= 1
    if start == end:
        return None
    if end < at or (start > 0 and doc[start - 1].lower_ in OPENING):
        return start
    return None


def _place_end(doc: Any, at: int) -> int | None:
    """The token after the place's words after the mission noun at ``at`` ("embassy in
    Veltria"): "in" and up to :data:`REACH` capitalised words; else None."""
    if at + 2 > len(doc) or doc[at + 1].lower_ != "in":
        return None
    end = at + 2
    while end < len(doc) and end - at - 2 < REACH and doc[end].is_title:
        end += 1
    return end if end > at + 2 else None


def drop_mission_names(names: list[Suggestion], missions: list[Suggestion]) -> list[Suggestion]:
    """``names`` without the ones that are a suggested mission's noun ("Embassy", "Norland
    Embassy" inside "Norland Embassy in Kessa"): the mission is suggested instead."""
    def of_mission(name: Suggestion) -> bool:
        words = str(name.fields.get("name", "")).lower().split()
        return bool(MISSION_NOUNS & set(words)) and any(
            m.start <= name.start and name.end <= m.end for m in missions)

    return [name for name in names if not of_mission(name)]
