"""How much of an article its annotation covers: sentences with evidence or a not-modelled note."""

from __future__ import annotations

from dataclasses import dataclass

from handcar.graph.claims import ArticleClaims


@dataclass(frozen=True)
class Coverage:
    """Sentences annotated (by a claim or a not-modelled note) out of all sentences."""

    article: str
    annotated: int
    total: int
    missing: tuple[str, ...]

    @property
    def ratio(self) -> float:
        return self.annotated / self.total if self.total else 1.0


def coverage(ac: ArticleClaims) -> Coverage:
    """Count the article's sentences that some claim or note overlaps."""
    spans = [(c.anchor.start, c.anchor.end) for c in ac.claims]
    spans += [(n.anchor.start, n.anchor.end) for n in ac.notes]
    text = ac.article.text
    missing = []
    annotated = 0
    for sentence in ac.article.sentences:
        if any(start < sentence.end and sentence.start < end for start, end in spans):
            annotated += 1
        else:
            missing.append(text[sentence.start : sentence.end])
    return Coverage(ac.article.id, annotated, len(ac.article.sentences), tuple(missing))
