"""One suggestion of a draft (:mod:`handcar.curation.suggest` finds them,
:mod:`handcar.curation.links` ties them together, :mod:`handcar.curation.draft` writes them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Suggestion:
    """One suggested item: its kind, the span of the text it quotes, the keys of the item
    (without id and quote) and a note for the curator."""

    kind: str
    start: int
    end: int
    fields: dict[str, Any] = field(hash=False)
    note: str = ""
    slug: str = ""
    """Words for the item's id."""
    parts: tuple[Suggestion, ...] = ()
    """Items suggested with it: the vehicle of a leg."""
    links: tuple[tuple[str, Suggestion], ...] = ()
    """(property, item) facts the words give it: a leg's origin and destination."""

    @property
    def words(self) -> str:
        """The words of a name or an unnamed entity (its ``name``, else its
        ``referred_to_as``), casefolded: the draft keeps one entity per words."""
        return str(self.fields.get("name") or self.fields.get("referred_to_as")).casefold()
