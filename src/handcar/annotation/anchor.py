"""Finds the one place in the article text that a quote (with optional prefix/suffix) names.

Offsets are Python string indexes into ``Article.text``: Unicode code points, 0-based, end
exclusive, as W3C Web Annotation's TextPositionSelector counts them
(https://www.w3.org/TR/annotation-model/#text-position-selector).

Text is compared as Unicode says two texts are the same (canonical equivalence, compared in
Normalization Form C): "é" typed as one character finds the "e" and combining accent an article
pasted from elsewhere holds, and the other way round; the anchor is the text's own characters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
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

    Compared in Normalization Form C (see the module's description). A run of white space in
    the words matches any run of white space in the text: a quote
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
    before, quote, after = (unicodedata.normalize("NFC", part) for part in (before, quote, after))
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
    """``text`` in Normalization Form C with each run of white space as one space, and for each
    of its characters the start and end in ``text`` of what it stands for (a run's start and
    end for its space)."""
    canonical = nfc_spans(text)
    form = text if canonical is None else canonical[0]
    pieces, starts, ends = [], [], []
    for match in _RUNS.finditer(form):
        if match.group(1) is not None:  # white space
            pieces.append(" ")
            starts.append(match.start())
            ends.append(match.end())
        else:
            pieces.append(match.group())
            starts.extend(range(match.start(), match.end()))
            ends.extend(range(match.start() + 1, match.end() + 1))
    if canonical is not None:
        _form, at, to = canonical
        starts = [at[i] for i in starts]
        ends = [to[i - 1] for i in ends]
    return "".join(pieces), starts, ends


def nfc_spans(text: str) -> tuple[str, list[int], list[int]] | None:
    """``text`` in Unicode Normalization Form C, and for each of its characters the start and
    end in ``text`` of the characters it stands for (a base character and the marks composed
    with it); None when ``text`` already is in NFC (the usual case, checked in C)."""
    if unicodedata.is_normalized("NFC", text):
        return None
    pieces, starts, ends = [], [], []
    for cluster in _clusters(text):
        start, end = cluster
        form = unicodedata.normalize("NFC", text[start:end])
        pieces.append(form)
        starts.extend([start] * len(form))
        ends.extend([end] * len(form))
    return "".join(pieces), starts, ends


def _clusters(text: str) -> list[tuple[int, int]]:
    """(start, end) of each character of ``text`` with the characters NFC may compose with it:
    the marks after it, and the vowel and final jamo of a Hangul syllable."""
    spans: list[tuple[int, int]] = []
    for at, char in enumerate(text):
        if spans and (unicodedata.category(char)[0] == "M" or "\u1161" <= char <= "\u1175"
                      or "\u11a8" <= char <= "\u11c2"):
            spans[-1] = (spans[-1][0], at + 1)
        else:
            spans.append((at, at + 1))
    return spans


_RUNS = re.compile(r"(\s+)|\S+")
_WHITE = re.compile(r"\s+")
