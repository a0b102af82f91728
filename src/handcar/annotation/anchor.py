"""Finds the one place in the article text that a quote (with optional prefix/suffix) names.

Offsets are Python string indexes into ``Article.text``: Unicode code points, 0-based, end
exclusive, as W3C Web Annotation's TextPositionSelector counts them
(https://www.w3.org/TR/annotation-model/#text-position-selector).
"""

from __future__ import annotations

import functools
import re
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
    """The unique occurrence of ``prefix + quote + suffix``, as an anchor on ``quote``.

    A run of white space in the words matches any run of white space in the text: a quote
    written on one line finds words the article wraps over two (and a YAML plain scalar folds a
    quote written over two lines into one), and such a quote is ambiguous where the words occur
    twice, however each is spaced. The anchor is the text's own characters, line break and all.
    """
    before, after = prefix or "", suffix or ""
    needle = before + quote + after
    spans = _spaced_occurrences(text, before, quote, after)
    if not spans:
        raise QuoteNotFound(needle)
    if len(spans) > 1:
        raise AmbiguousQuote([start for start, _end in spans])
    return anchor_at(text, *spans[0])


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


def _spaced_occurrences(text: str, before: str, quote: str, after: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of ``quote`` wherever ``before + quote + after`` occurs with
    each run of white space standing for any run (none when the quote is only white space)."""
    if not quote.strip():
        return []
    spaced, starts, ends = _collapsed_text(text)
    # the quote's part of the collapsed needle (a run of white space across its start counts
    # with the prefix)
    first = len(_WHITE.sub(" ", before))
    last = len(_WHITE.sub(" ", before + quote))
    needle = _WHITE.sub(" ", before + quote + after)
    return [(starts[at + first], ends[at + last - 1]) for at in _occurrences(spaced, needle)]


@functools.lru_cache(maxsize=4)
def _collapsed_text(text: str) -> tuple[str, list[int], list[int]]:
    """:func:`_collapsed` of an article's text, kept for its next quotes."""
    return _collapsed(text)


def _collapsed(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` with each run of white space as one space, and for each of its characters the
    start and end in ``text`` of what it stands for (a run's start and end for its space)."""
    pieces, starts, ends = [], [], []
    for match in _RUNS.finditer(text):
        if match.group(1) is not None:  # white space
            pieces.append(" ")
            starts.append(match.start())
            ends.append(match.end())
        else:
            pieces.append(match.group())
            starts.extend(range(match.start(), match.end()))
            ends.extend(range(match.start() + 1, match.end() + 1))
    return "".join(pieces), starts, ends


_RUNS = re.compile(r"(\s+)|\S+")
_WHITE = re.compile(r"\s+")
