"""Sentence splitting of the caption, the body and the embedded posts.

Sentences are split in each caption and body block, and in each run of consecutive
``embed_text`` blocks taken as one stretch of text (a post's paragraphs may split a sentence; its
span then covers the ``"\\n\\n"`` in between). A sentence ends at ``.``, ``!`` or ``?`` (and any
closing quotes/brackets right after) when whitespace and then an uppercase letter, a digit or an
opening quote follow, unless a ``.`` ends a single capital letter ("U.S.") or a listed
abbreviation ("Mr."); or at the end of the stretch. Each span is trimmed of whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handcar.article.layout import Span, trim
from handcar.article.model import Block

_TERMINATOR = re.compile(r"[.!?]+[\"”»’')\]]*(?=\s)")
_OPENING_QUOTES = "\"“«„‘'"
_ABBREVIATIONS = frozenset(
    {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Capt", "Sgt"}
    | {"Gov", "Sen", "Rep", "Rev", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept"}
    | {"Oct", "Nov", "Dec"}
)


def sentences(text: str, blocks: Sequence[Block]) -> list[Span]:
    """Sentences of caption and body blocks and of runs of consecutive embed_text blocks."""
    regions: list[Span] = []
    run: Span | None = None
    for block in blocks:
        if block.kind == "embed_text":
            run = Span(run.start if run else block.span.start, block.span.end)
            continue
        if run is not None:
            regions.append(run)
            run = None
        if block.kind in ("caption", "body"):
            regions.append(block.span)
    if run is not None:
        regions.append(run)
    return [s for region in regions for s in split(text, region.start, region.end)]


def split(text: str, start: int, end: int) -> list[Span]:
    """The sentences of ``text[start:end]``."""
    spans, cut = [], start
    for match in _TERMINATOR.finditer(text, start, end):
        after = match.end()
        while after < end and text[after].isspace():
            after += 1
        if after == end or not _opens_sentence(text[after]):
            continue
        if match[0][0] == "." and _is_abbreviation(text, match.start(), start):
            continue
        spans.append(Span(*trim(text, cut, match.end())))
        cut = after
    spans.append(Span(*trim(text, cut, end)))
    return [span for span in spans if span.end > span.start]


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENING_QUOTES


def _is_abbreviation(text: str, dot: int, start: int) -> bool:
    """Whether the word before the ``.`` at ``dot`` is an initial ("U.S.") or an abbreviation."""
    begin = dot
    while begin > start and text[begin - 1].isalpha():
        begin -= 1
    word = text[begin:dot]
    return (len(word) == 1 and word.isupper()) or word in _ABBREVIATIONS
