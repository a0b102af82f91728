"""What other articles already name: the entities of every annotation under the articles
folder, so a draft reuses their ids (the same Pyongyang has the same id everywhere), and their
events, which a new report of the same event links to (``identities:``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from handcar.annotation.model import SLUG_PATTERN, TERM_PATTERN
from handcar.annotation.yamlsource import read_yaml
from handcar.errors import InputError


@dataclass(frozen=True)
class Known:
    """An entity with one IRI in every article: its id, classes and the words for it."""

    id: str
    types: tuple[str, ...]
    words: str
    """A proper name, or the referring phrase of a ``shared`` entity."""
    named: bool
    """Whether ``words`` is a proper name (``name:``) rather than a phrase (``shared: true``)."""


@dataclass(frozen=True)
class Event:
    """An event of another article: its id there, classes and the words for it; the ids of
    its origin and destination (a border crossing's countries) and of the journey it is a leg
    of, as that article's facts give them (its first fact of each)."""

    id: str
    types: tuple[str, ...]
    words: str
    origin: str | None = None
    destination: str | None = None
    journey: str | None = None


@dataclass(frozen=True)
class Other:
    """Another article's annotation, as far as a draft uses it."""

    id: str
    entities: tuple[Known, ...]
    events: tuple[Event, ...]


def other_articles(folders: Iterable[Path]) -> list[Other]:
    """The named and shared entities and the events of the annotations in ``folders`` (article
    folders), in folder order; unreadable annotations are skipped (``handcar check`` reports
    them)."""
    found = []
    for folder in sorted(folders):
        path = folder / "annotation.yaml"
        if not path.is_file():
            continue
        try:
            data = read_yaml(path).data
        except InputError:
            continue
        if not isinstance(data, dict):
            continue
        entities = data.get("entities")
        events = data.get("events")
        facts = _facts(data.get("statements"))
        found.append(Other(
            folder.name,
            tuple(k for item in (entities if isinstance(entities, list) else [])
                  if (k := _known(item)) is not None),
            tuple(e for item in (events if isinstance(events, list) else [])
                  if (e := _event(item, facts)) is not None),
        ))
    return found


#: the facts of another annotation a draft reads: an event's ends (a leg's places, a border
#: crossing's countries), the journey of a leg
_ENDS = {"origin": "origin", "destination": "destination", "fromCountry": "origin",
         "toCountry": "destination"}


def _facts(statements: object) -> dict[tuple[str, str], str]:
    """(subject, property) → object of the first such fact of ``statements`` (as read, not
    checked: slugs only), for an event's ends and ``(leg, "journey")`` from ``hasLeg``."""
    found: dict[tuple[str, str], str] = {}
    for statement in statements if isinstance(statements, list) else []:
        facts = statement.get("facts") if isinstance(statement, dict) else None
        for fact in facts if isinstance(facts, list) else []:
            if not (isinstance(fact, list) and len(fact) == 3
                    and _is_slug(fact[0]) and _is_slug(fact[2])):
                continue
            subject, prop, obj = fact
            if prop in _ENDS:
                found.setdefault((subject, _ENDS[prop]), obj)
            elif prop == "hasLeg":
                found.setdefault((obj, "journey"), subject)
    return found


def known_entities(folders: Iterable[Path]) -> list[Known]:
    """:func:`entities_of` the annotations in ``folders`` (article folders)."""
    return entities_of(other_articles(folders))


def entities_of(others: Iterable[Other]) -> list[Known]:
    """The named and shared entities of these articles, the first declaration of each id and
    words winning."""
    found: dict[tuple[str, str], Known] = {}
    for other in others:
        for known in other.entities:
            found.setdefault((known.id, known.words), known)
    return list(found.values())


def article_folders(articles: Path) -> list[Path]:
    """The folders of ``articles`` that may be articles (not hidden)."""
    if not articles.is_dir():
        return []
    return sorted(p for p in articles.iterdir() if p.is_dir() and not p.name.startswith("."))


# What a draft copies from another annotation (read as it is, not checked) ends up in its
# comments and keys: ids must be slugs, classes names, and words one line, so that nothing
# another file holds can break out of a comment of the draft.
_SLUG, _CLASS = re.compile(SLUG_PATTERN), re.compile(TERM_PATTERN)  # the annotation's own


def _types(item: dict) -> tuple[str, ...]:
    types = item.get("type")
    found = (types,) if isinstance(types, str) else tuple(
        t for t in types if isinstance(t, str)) if isinstance(types, list) else ()
    return tuple(t for t in found if _CLASS.fullmatch(t))


def _line(words: object) -> str:
    return " ".join(str(words).split())


def _event(item: object, facts: dict[tuple[str, str], str]) -> Event | None:
    if not isinstance(item, dict) or not _is_slug(item.get("id")):
        return None
    words = item.get("referred_to_as") or item.get("label") or item.get("quote") or ""
    ident = item["id"]
    return Event(ident, _types(item), _line(words), facts.get((ident, "origin")),
                 facts.get((ident, "destination")), facts.get((ident, "journey")))


def _known(item: object) -> Known | None:
    if not isinstance(item, dict) or not _is_slug(item.get("id")):
        return None
    types = _types(item)
    if not types:
        return None
    if isinstance(item.get("name"), str) and _line(item["name"]):
        return Known(item["id"], types, _line(item["name"]), True)
    if item.get("shared") is True and isinstance(item.get("referred_to_as"), str) and _line(
            item["referred_to_as"]):
        return Known(item["id"], types, _line(item["referred_to_as"]), False)
    return None


def _is_slug(value: object) -> bool:
    return isinstance(value, str) and _SLUG.fullmatch(value) is not None
