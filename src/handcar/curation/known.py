"""What other articles already name: the entities of every annotation under the articles
folder, so a draft reuses their ids (the same Pyongyang has the same id everywhere)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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


def known_entities(folders: Iterable[Path]) -> list[Known]:
    """The named and shared entities of the annotations in ``folders`` (article folders), the
    first declaration of each id and words winning; unreadable annotations are skipped (``handcar
    check`` reports them)."""
    found: dict[tuple[str, str], Known] = {}
    for folder in sorted(folders):
        path = folder / "annotation.yaml"
        if not path.is_file():
            continue
        try:
            data = read_yaml(path).data
        except InputError:
            continue
        entities = data.get("entities") if isinstance(data, dict) else None
        for item in entities if isinstance(entities, list) else []:
            known = _known(item)
            if known is not None:
                found.setdefault((known.id, known.words), known)
    return list(found.values())


def article_folders(articles: Path) -> list[Path]:
    """The folders of ``articles`` that may be articles (not hidden)."""
    if not articles.is_dir():
        return []
    return sorted(p for p in articles.iterdir() if p.is_dir() and not p.name.startswith("."))


def _known(item: object) -> Known | None:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return None
    types = item.get("type")
    types = (types,) if isinstance(types, str) else tuple(str(t) for t in types or ())
    if isinstance(item.get("name"), str):
        return Known(item["id"], types, item["name"], True)
    if item.get("shared") is True and isinstance(item.get("referred_to_as"), str):
        return Known(item["id"], types, item["referred_to_as"], False)
    return None
