"""Who says each sentence: the speaker a draft gives the items of a sentence as ``said_by``.

A report attributes most of what it tells: "…, the ministry said.", "…, said Anna Brixby.",
"According to the embassy, …", "The ministry said on Friday that …". Without ``said_by`` a
confirmed item would be the publisher's own word. The speaker is the first person or
organisation the draft suggests that ends the attributing words or is followed there by a
clause or "of" (not a place: in "Russia's Foreign Ministry said", the ministry; nobody in "a
Saudi official said"), or, for "the ministry", "the embassy", the last one
before it in the article whose name ends in that noun. A guess, as every item of the draft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from handcar.article import Article
from handcar.curation.suggest import a_kind
from handcar.curation.suggestion import Suggestion

#: the verbs of saying that attribute a sentence ("said", "told reporters", "announced")
SAYING = r"(?:said|says|told(?:\s+[\w'\u2019-]+){1,4}?|announced|added|stated|reported|wrote)"
_WHEN = r"(?:\s+(?:on|in|late|early|last|this)\s+[\w\s]{1,30}?)?"  # "on Friday", "in a statement"
_END = r"[.!?]?[\"'\u201d\u2019]?\s*$"
#: "…, the ministry said (on Friday)." and "…, said Anna Brixby."
_COMMA = r",[\"'\u201d\u2019]?\s+"  # a comma, and the closing quotation mark of words quoted
_TRAILING = re.compile(rf"{_COMMA}(?P<who>[^,]{{2,80}}?)\s+{SAYING}{_WHEN}{_END}")
_TRAILING_INVERTED = re.compile(
    rf"{_COMMA}{SAYING}\s+(?P<who>(?:the\s+)?[A-Z][^,]{{1,80}}?){_WHEN}{_END}")
#: "…, according to the embassy." and "According to the embassy, …"
_ACCORDING = re.compile(rf",\s+according\s+to\s+(?P<who>[^,]{{2,80}}?){_END}", re.I)
#: a dateline before the words ("MOSCOW —", "CASTRA, March 3 -")
_DATELINE = r"(?:[A-Z][A-Z .'-]*[A-Z](?:,[^\u2014\u2013]{1,20})?\s+[\u2014\u2013-]+\s+)?"
_ACCORDING_FIRST = re.compile(rf"^{_DATELINE}according\s+to\s+(?P<who>[^,]{{2,80}}?),", re.I)
#: "The ministry said (on Friday) (that) …", "Ana Reyes, who led them, said …"
_LEADING = re.compile(rf"^{_DATELINE}(?P<who>[^.;:\u2014\u2013]{{2,120}}?),?\s+{SAYING}\b")
_SPEAKING = ("known", "name", "mission")


def speakers(article: Article, found: Sequence[Suggestion]) -> list[tuple[int, int, Suggestion]]:
    """(start, end, speaker) of the words of each sentence of ``article`` that it attributes
    to an agent ``found`` suggests (a name, an entity other articles know, a mission), in
    text order: the words before "…, the ministry said." and after "The ministry said" or
    "According to the ministry," (not "who remained in Kessa with 12 colleagues" in "Jonas
    Berg, who remained in Kessa with 12 colleagues, said …": the report's own words)."""
    agents = [s for s in found if s.kind in _SPEAKING and not _a_place(s)]
    said = []
    for sentence in article.sentences:
        text = article.text_of(sentence)
        for (first, last), (words, end_of_words) in _attributing(text):
            start, end = sentence.start + first, sentence.start + last
            speaker = next((s for s in agents if start <= s.start and s.end <= end
                            and _heads(article.text[s.end:end])), None)
            if speaker is None:
                speaker = _told_of_again(article.text[start:end], agents, start)
            if speaker is not None:
                said.append((sentence.start + words, sentence.start + end_of_words, speaker))
                break
    return said


def _attributing(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the words that may name the speaker are in a sentence, and the words they are
    said to say, by each way of attributing it that its words fit."""
    spans = []
    for pattern in (_TRAILING, _TRAILING_INVERTED, _ACCORDING):
        match = pattern.search(text)
        if match:
            spans.append((match.span("who"), (0, match.start())))
    match = _ACCORDING_FIRST.search(text)
    if match:
        spans.append((match.span("who"), (match.end(), len(text))))
    match = _LEADING.match(text)
    if match and match["who"][:1].isupper():
        spans.append((match.span("who"), (match.end(), len(text))))
    return spans


def _heads(after: str) -> bool:
    """Whether a name followed by ``after`` (the rest of the speaker's words) is the speaker:
    it ends them, or a clause or "of" follows ("Ana Reyes, who led them", "Ana Reyes of the
    ministry"); not "Saudi" in "a Saudi official"."""
    rest = after.strip()
    return not rest or rest.startswith(",") or rest.startswith("of ")


def _told_of_again(words: str, agents: Sequence[Suggestion], start: int) -> Suggestion | None:
    """The agent "the ministry", "the embassy" (the words of a speaker with no name in
    them) tells of again: the last one before ``start`` whose name ends in that noun."""
    parts = words.split()
    if len(parts) != 2 or parts[0].casefold() != "the":
        return None
    noun = parts[1].casefold()
    before = [s for s in agents if s.end <= start and s.words.split()[-1:] == [noun]]
    return before[-1] if before else None


def _a_place(item: Suggestion) -> bool:
    return item.kind != "mission" and a_kind(item.fields["type"], "Place")
