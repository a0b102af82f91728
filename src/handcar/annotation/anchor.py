"""Finds the one place in the article text that a quote (with optional prefix/suffix) names.

Offsets are Python string indexes into ``Article.text``: Unicode code points, 0-based, end
exclusive, as W3C Web Annotation's TextPositionSelector counts them
(https://www.w3.org/TR/annotation-model/#text-position-selector).

Text is compared as Unicode says two texts are the same (canonical equivalence, compared in
Normalization Form C): "é" typed as one character finds the "e" and combining accent an article
pasted from elsewhere holds, and the other way round; the anchor is the text's own characters.
"""

from __future__ import annotations

import difflib
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


#: the longest quote, in words, for which :func:`closest_words` looks for a near match (the
#: windows it compares grow with the quote)
CLOSEST_WORDS = 60


def closest_words(text: str, quote: str) -> tuple[int, int] | None:
    """The span of the words of ``text`` most like ``quote`` (as many words, one more or
    one fewer, that start with its first word or end with its last), when they are close
    (difflib's ratio of at least 0.8): what a quote with a typo, or another quotation mark,
    was meant to be. None when none is close."""
    wanted = quote.split()
    size = len(wanted)
    if not size or size > CLOSEST_WORDS:
        return None
    words, at = _word_index(text)
    first, last = _bare(wanted[0]), _bare(wanted[-1])
    spans = set()
    for n in (size - 1, size, size + 1) if size > 1 else (size, size + 1):
        for i in at.get(first, ()):
            if i + n <= len(words):
                spans.add((words[i][0], words[i + n - 1][1]))
        for i in at.get(last, ()):
            if i - n + 1 >= 0:
                spans.add((words[i - n + 1][0], words[i][1]))
    by_words = {" ".join(text[a:b].split()): (a, b) for a, b in sorted(spans)}
    best = difflib.get_close_matches(" ".join(wanted), list(by_words), n=1, cutoff=0.8)
    if not best:
        return None
    start, end = by_words[best[0]]
    while end > start and text[end - 1] in _PUNCTUATION and quote[-1:] not in _PUNCTUATION:
        end -= 1  # "flew on to Moscow", not "… Moscow." for a quote without the full stop
    while start < end and text[start] in _PUNCTUATION and quote[:1] not in _PUNCTUATION:
        start += 1
    return start, end


_PUNCTUATION = ".,;:!?\"'()\u201c\u201d\u2018\u2019"


def _bare(word: str) -> str:
    """A word without the punctuation around it, casefolded (how :func:`_word_index` keys it)."""
    return word.strip(_PUNCTUATION).casefold()


@functools.lru_cache(maxsize=4)
def _word_index(text: str) -> tuple[list[tuple[int, int]], dict[str, list[int]]]:
    """The span of each word of ``text``, and where each word (casefolded) occurs: read once
    for every quote of an annotation."""
    words = [m.span() for m in re.finditer(r"\S+", text)]
    at: dict[str, list[int]] = {}
    for i, (start, end) in enumerate(words):
        at.setdefault(_bare(text[start:end]), []).append(i)
    return words, at


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
