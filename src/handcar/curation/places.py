"""The unnamed places a draft suggests: where a leg goes from or to when the words give no name
("A bus took the group from the border to Vladivostok", "drove some 200 miles to the coast").

Such a place is DJO's ``UnnamedPlace`` with the words the article uses (``referred_to_as``,
"the border"), never a name: the words say what it is, not which one. It is suggested only right
after a word of a leg's route ("from", "to", "into", "reached"…), so that the leg's origin or
destination is not left out, and once per words in an article (the draft keeps one entity per
words: "the border" told of twice is one place; the curator splits them if not). A place
noun followed by a name ("the capital, Castra", "the port of Delm", "the border town of
Ostvik") is that name's, not an unnamed place.
"""

from __future__ import annotations

from typing import Any

from handcar.curation.events import ROUTE_WORDS
from handcar.curation.suggestion import Suggestion

#: nouns for a place a leg may leave or reach without a name
UNNAMED_NOUNS = frozenset({
    "border", "frontier", "coast", "shore", "airport", "airfield", "station", "port",
    "harbour", "harbor", "pier", "quay", "terminal", "capital", "city", "town", "village",
    "hospital", "hotel", "camp", "base", "checkpoint", "crossing", "side", "bridge",
})
#: the articles that open a place's words ("the border", "a hospital")
ARTICLES = frozenset({"the", "a", "an"})
#: at most this many words between the determiner and the noun ("the Russian side", "the
#: nearest railway station")
REACH = 3


def unnamed_places(doc: Any, offset: int) -> list[Suggestion]:
    """The unnamed places of the sentence ``doc`` (a spaCy ``Doc`` at character ``offset`` of
    the text) that a route word comes right before: quoted from their determiner to their
    noun, ``UnnamedPlace`` (a crossing point or bridge as well where the noun says so)."""
    from handcar.curation.suggest import DEMONYM_ENDINGS as adjectives

    made = []
    for token in doc:
        if token.lower_ not in ARTICLES or token.i == 0 \
                or doc[token.i - 1].lower_ not in ROUTE_WORDS:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= REACH and _modifier(doc[end], adjectives):
            end += 1
        head = doc[end - 1]
        if end == token.i + 1 or not head.is_lower or head.lower_ not in UNNAMED_NOUNS:
            continue
        if _named_after(doc, end):
            continue
        words = doc[token.i:end]
        types = ["UnnamedPlace", *KINDS.get(head.lower_, ())]
        made.append(Suggestion(
            "place", offset + words.start_char, offset + words.end_char,
            {"type": types if len(types) > 1 else types[0], "referred_to_as": words.text},
            "a place the words give no name? check it (UnnamedPlace: what the words call it)",
            doc[token.i + 1:end].text))  # its id: the words without "the"
    return made


def _modifier(token: Any, adjectives: tuple[str, ...]) -> bool:
    """Whether ``token`` may be a word of the place's words: a word in lower case that is no
    stop word ("nearest", "railway"), or a capitalised one that ends as a people's adjective
    (``adjectives``: "Russian" in "the Russian side"; not "Vladivostok")."""
    if not token.is_alpha:
        return False
    if token.is_lower:
        return not token.is_stop or token.lower_ in UNNAMED_NOUNS  # "side" is a stop word
    return token.is_title and token.lower_.endswith(adjectives)


#: the more specific class an unnamed place's noun gives it
KINDS = {"checkpoint": ("BorderCrossingPoint",), "crossing": ("BorderCrossingPoint",),
         "bridge": ("Bridge",)}


def _named_after(doc: Any, end: int) -> bool:
    """Whether a name follows the place's words at token ``end``: "the capital, Castra", "the
    port of Delm", "the border town Kelm"."""
    if end >= len(doc):
        return False
    if doc[end].is_title:
        return True
    return doc[end].text in (",", "of") and end + 1 < len(doc) and doc[end + 1].is_title
