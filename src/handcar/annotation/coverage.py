"""How much of an article its annotation covers: sentences with evidence or a not-modelled note."""

from __future__ import annotations

from dataclasses import dataclass

from handcar.annotation.checked import CheckedAnnotation


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
    spans = [(anchor.start, anchor.end) for anchor in checked.anchors()]
    article = checked.article
    missing = []
    annotated = 0
    for sentence in article.sentences:
        if any(start < sentence.end and sentence.start < end for start, end in spans):
            annotated += 1
        else:
            missing.append(article.text[sentence.start : sentence.end])
    return Coverage(article.id, annotated, len(article.sentences), tuple(missing))
