"""How much of an article its annotation covers: sentences with evidence or a not-modelled note."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from handcar.annotation.anchor import Anchor
from handcar.annotation.checked import CheckedAnnotation
from handcar.article import Article, Span


@dataclass(frozen=True)
class Coverage:
    """Sentences annotated (by a quoted item or a not-modelled note) out of all sentences."""

    article: str
    annotated: int
    total: int
    missing: tuple[str, ...]

    @property
    def ratio(self) -> float:
        return self.annotated / self.total if self.total else 1.0


def coverage(checked: CheckedAnnotation) -> Coverage:
    """Count the article's sentences that some item's quote or some note overlaps."""
    article = checked.article
    missing = uncovered(article, checked.anchors())
    return Coverage(
        article.id,
        len(article.sentences) - len(missing),
        len(article.sentences),
        tuple(article.text_of(sentence) for sentence in missing),
    )


def uncovered(article: Article, anchors: Iterable[Anchor]) -> list[Span]:
    """The article's sentences that no anchor overlaps, in text order."""
    spans = [(anchor.start, anchor.end) for anchor in anchors]
    return [
        sentence
        for sentence in article.sentences
        if not any(start < sentence.end and sentence.start < end for start, end in spans)
    ]
