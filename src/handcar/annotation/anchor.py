"""Finds the one place in the article text that a quote (with optional prefix/suffix) names.

Offsets are Python string indexes into ``Article.text``: Unicode code points, 0-based, end
exclusive, as W3C Web Annotation's TextPositionSelector counts them
(https://www.w3.org/TR/annotation-model/#text-position-selector).
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32  # characters of prefix/suffix published with every TextQuoteSelector


@dataclass(frozen=True)
class Anchor:
    """A span of the article text and the quote selector that finds it again."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


class QuoteNotFound(LookupError):
    """The quote (with its prefix/suffix) is not in the text."""


class AmbiguousQuote(LookupError):
    """The quote occurs more than once; ``offsets`` lists where."""

    def __init__(self, offsets: list[int]) -> None:
        self.offsets = offsets
        super().__init__(f"occurs {len(offsets)} times")


def find_quote(
    text: str, quote: str, prefix: str | None = None, suffix: str | None = None
) -> Anchor:
    """The unique occurrence of ``prefix + quote + suffix``, as an anchor on ``quote``."""
    before, after = prefix or "", suffix or ""
    needle = before + quote + after
    hits = _occurrences(text, needle)
    if not hits:
        raise QuoteNotFound(needle)
    if len(hits) > 1:
        raise AmbiguousQuote([hit + len(before) for hit in hits])
    start = hits[0] + len(before)
    return anchor_at(text, start, start + len(quote))


def anchor_at(text: str, start: int, end: int) -> Anchor:
    """The anchor for ``text[start:end]`` with up to CONTEXT characters of context each side."""
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )


def _occurrences(text: str, needle: str) -> list[int]:
    hits, at = [], text.find(needle)
    while at != -1:
        hits.append(at)
        at = text.find(needle, at + 1)
    return hits
