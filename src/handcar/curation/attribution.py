"""Who says each sentence: the speaker a draft gives the items of a sentence as ``said_by``.

A report attributes most of what it tells: "…, the ministry said.", "…, said Anna Brixby.",
"According to the embassy, …", "The ministry said on Friday that …". Without ``said_by`` a
confirmed item would be the publisher's own word. The sentence is read as spaCy's tokenizer
splits it, around a verb of saying (:data:`SAYING`) or "according to". The speaker is the first
person or organisation the draft suggests that ends the attributing words or is followed there
by a clause or "of" (not a place: in "Russia's Foreign Ministry said", the ministry; nobody in
"a Saudi official said"), or, for "the ministry", "the embassy", the last one before it in the
article whose name ends in that noun. A guess, as every item of the draft.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from handcar.article import Article
from handcar.curation.suggest import a_kind, tokenizer
from handcar.curation.suggestion import Suggestion

#: the verbs of saying that attribute a sentence
SAYING = frozenset({"said", "says", "told", "announced", "added", "stated", "reported", "wrote"})
#: words after the verb that still end an attribution: "said on Friday", "said in a statement",
#: "told reporters", "told the Kelm Herald" (at most :data:`AFTER_VERB` words)
WHEN = frozenset({"on", "in", "late", "early", "last", "this", "at"})
AFTER_VERB = 6
#: the most words a speaker's own words may have ("the Norland Foreign Ministry's spokeswoman")
SPEAKER_WORDS = 12
QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})
DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
_SPEAKING = ("known", "name", "mission", "agent")

Span = tuple[int, int]


#: the attributions of each sentence of an article (:func:`attributions`)
Attributed = list[list[tuple[Span, Span]]]


def attributions(article: Article) -> Attributed:
    """For each sentence of ``article``, the character spans (in the article's text) of the
    words that may name its speaker and of the words they are said to say, by each way of
    attributing it that its words fit (:func:`_attributing`): read once for a draft."""
    make_doc = tokenizer()
    found = []
    for sentence in article.sentences:
        offset = sentence.start
        found.append([((offset + first, offset + last), (offset + words, offset + end))
                      for (first, last), (words, end)
                      in _attributing(make_doc(article.text_of(sentence)))])
    return found


def speakers(article: Article, found: Sequence[Suggestion],
             attributed: Attributed | None = None) -> list[tuple[int, int, Suggestion]]:
    """(start, end, speaker) of the words of each sentence of ``article`` that it attributes
    to an agent ``found`` suggests (a name, an entity other articles know, a mission), in
    text order: the words before "…, the ministry said." and after "The ministry said" or
    "According to the ministry," (not "who remained in Kessa with 12 colleagues" in "Jonas
    Berg, who remained in Kessa with 12 colleagues, said …": the report's own words).
    ``attributed``: the article's :func:`attributions`, if read already."""
    agents = [s for s in found if s.kind in _SPEAKING and not _a_place(s)]
    said = []
    for spans in attributed if attributed is not None else attributions(article):
        for (start, end), (words, end_of_words) in spans:
            speaker = _speaker(article.text, start, end, agents)
            if speaker is not None:
                said.append((words, end_of_words, speaker))
                break
    return said


def unnamed_speakers(article: Article, found: Sequence[Suggestion],
                     attributed: Attributed | None = None) -> list[Suggestion]:
    """The speakers the sentences of ``article`` attribute themselves to with no name, where
    no agent ``found`` suggests is the speaker: "…, the port authority said." (an unnamed
    organisation, its class by its noun: :data:`~handcar.curation.suggest.NAME_HEADS`), "…,
    a spokeswoman said." (a person), quoted without the article ("port authority"), one
    suggestion per attribution (the draft keeps one entity per words). ``attributed``: the
    article's :func:`attributions`, if read already."""
    agents = [s for s in found if s.kind in _SPEAKING and not _a_place(s)]
    made = []
    for spans in attributed if attributed is not None else attributions(article):
        speakers_words = [who for who, _said in spans]
        if any(_speaker(article.text, start, end, agents) for start, end in speakers_words):
            continue
        unnamed = next((u for start, end in speakers_words
                        if (u := _unnamed(article.text, start, end)) is not None), None)
        if unnamed is not None:
            made.append(unnamed)
    return made


def _speaker(text: str, start: int, end: int, agents: Sequence[Suggestion],
             ) -> Suggestion | None:
    """The agent that the speaker's words ``text[start:end]`` name, or tell of again."""
    speaker = next((s for s in agents if start <= s.start and s.end <= end
                    and _heads(text[s.end:end])), None)
    return speaker if speaker is not None else _told_of_again(text[start:end], agents, start)


#: the nouns for an unnamed person who speaks ("a spokeswoman said")
PERSON_SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "official",
                             "diplomat", "officer", "envoy", "ambassador", "consul"})
#: nouns for an unnamed organisation that speaks, besides the heads of names ("the port
#: authority", "the authorities")
ORGANISATION_SPEAKERS = frozenset({"authority", "authorities", "government", "carrier",
                                   "operator", "coastguard", "military"})
#: the words that end a speaker's noun phrase before what it belongs to ("a spokeswoman for
#: the ministry")
OF_WHOM = frozenset({"for", "of", "at", "in", "from"})


def _unnamed(text: str, start: int, end: int) -> Suggestion | None:
    """An unnamed speaker whose words are ``text[start:end]`` ("the port authority", "a
    spokeswoman for the ministry"): up to four words after "the", "a" or "an", the last a
    noun of :data:`PERSON_SPEAKERS`, :data:`ORGANISATION_SPEAKERS` or a head of names; else
    None."""
    from handcar.curation.suggest import FOREIGN, NAME_HEADS

    words = text[start:end].split()
    if len(words) < 2 or words[0].lower() not in ("the", "a", "an"):
        return None
    phrase = []
    for word in words[1:]:
        if word.lower() in OF_WHOM:
            break
        phrase.append(word)
    head = phrase[-1].lower() if phrase else ""
    if not 1 <= len(phrase) <= 4 or not all(w.isalpha() for w in phrase):
        return None
    if head in PERSON_SPEAKERS:
        kind = "Person"
    elif head in ORGANISATION_SPEAKERS or head in NAME_HEADS:
        kind = NAME_HEADS.get(head, "Organization")
        if head == "ministry" and FOREIGN & {w.lower() for w in phrase}:
            kind = "ForeignMinistry"
    else:
        return None
    first = text.index(phrase[0], start)
    last = text.index(phrase[-1], first) + len(phrase[-1])
    words_said = text[first:last]
    return Suggestion("agent", first, last, {"type": kind, "referred_to_as": words_said},
                      f"who says it? an unnamed {kind}: check it", words_said)


def _attributing(doc: Any) -> Iterator[tuple[Span, Span]]:
    """The character spans of the words that may name the speaker in a sentence (a spaCy
    ``Doc``) and of the words they are said to say, by each way of attributing it that its
    words fit: "…, the ministry said.", "…, said Anna Brixby.", "…, according to the
    embassy.", "According to the embassy, …", "The bus, the ministry said, drove …" (the
    whole sentence), "The ministry said …"."""
    end = _words_end(doc)
    start = _after_dateline(doc)
    for i in range(start, end):
        word = doc[i].lower_
        if word == "according" and i + 1 < end and doc[i + 1].lower_ == "to":
            comma = _comma_before(doc, i)
            if comma is not None and comma >= start:  # "…, according to the embassy."
                yield _chars(doc, i + 2, end), _chars(doc, start, comma)
            elif i == start:  # "According to the embassy, …"
                after = next((k for k in range(i + 2, min(end, i + 2 + SPEAKER_WORDS))
                              if doc[k].text == ","), None)
                if after is not None:
                    yield _chars(doc, i + 2, after), _chars(doc, after + 1, end)
        if word not in SAYING:
            continue
        comma = _comma_before(doc, i)
        if comma is not None and comma >= start and comma + 1 < i and i + 1 < end \
                and doc[i + 1].text == ",":  # "The bus, the ministry said, drove 300 km …"
            yield _chars(doc, comma + 1, i), _chars(doc, start, end)
            continue
        clause = _name_then_clause(doc, i + 1, end)
        if clause is not None and comma is not None and comma >= start \
                and _after_quote(doc, comma + 1) == i:
            # "…," said Deputy Ambassador Lin Okafor, who led the group.
            yield _chars(doc, i + 1, clause), _chars(doc, start, comma)
            continue
        if not _ends_attribution(doc, i, end):
            continue
        if comma is not None and comma >= start and comma + 1 < i:  # "…, the ministry said."
            yield _chars(doc, _after_quote(doc, comma + 1), i), _chars(doc, start, comma)
        elif comma is not None and comma >= start:  # "…, said Anna Brixby."
            who = _after_when(doc, i + 1, end)
            if i + 1 < who and (doc[i + 1].is_title or doc[i + 1].lower_ == "the"):
                yield _chars(doc, i + 1, who), _chars(doc, start, comma)
    for i in range(start + 1, end):  # "The ministry said (that) …", "Ana Reyes, who …, said"
        if doc[i].lower_ in SAYING and doc[start].is_title and not any(
                t.is_sent_end or t.text in (";", ":") or t.text in DASHES
                for t in doc[start:i]):
            who_end = i - 1 if doc[i - 1].text == "," else i
            yield _chars(doc, start, who_end), _chars(doc, i + 1, end)
            break


def _words_end(doc: Any) -> int:
    """The token after a sentence's last word (its full stop and quotation marks left out)."""
    end = len(doc)
    while end > 0 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _after_dateline(doc: Any) -> int:
    """The first token after a dateline ("MOSCOW —", "CASTRA, March 3 -"), else 0."""
    if not (len(doc) and doc[0].is_upper and doc[0].is_alpha):
        return 0
    dash = next((k for k in range(1, min(len(doc), 12)) if doc[k].text in DASHES), None)
    return dash + 1 if dash is not None else 0


def _comma_before(doc: Any, at: int) -> int | None:
    """The comma closest before token ``at`` (at most :data:`SPEAKER_WORDS` words back; a
    quotation mark closing quoted words may stand right after it), else None."""
    for k in range(at - 1, max(-1, at - SPEAKER_WORDS - 2), -1):
        if doc[k].text == ",":
            return k
    return None


def _after_quote(doc: Any, at: int) -> int:
    """Token ``at``, or the one after it when it is a closing quotation mark."""
    return at + 1 if at < len(doc) and doc[at].text in QUOTE_MARKS else at


def _after_when(doc: Any, at: int, end: int) -> int:
    """Where the words from token ``at`` to ``end`` stop before a time or place after the
    verb ("said Anna Brixby on Friday")."""
    return next((k for k in range(at, end) if doc[k].lower_ in WHEN), end)


#: the words that open a relative clause after a speaker's name ("said Lin Okafor, who …")
RELATIVE = frozenset({"who", "whose", "which"})


def _name_then_clause(doc: Any, at: int, end: int) -> int | None:
    """The comma after a name (capitalised words from token ``at``, at most
    :data:`SPEAKER_WORDS`) that a relative clause follows ("Lin Okafor, who led the group"),
    else None."""
    k = at
    while k < end and k - at < SPEAKER_WORDS and doc[k].is_title:
        k += 1
    if k == at or k + 1 >= end or doc[k].text != "," or doc[k + 1].lower_ not in RELATIVE:
        return None
    return k


def _ends_attribution(doc: Any, verb: int, end: int) -> bool:
    """Whether the verb of saying at token ``verb`` ends the sentence, but for a few words
    (:data:`AFTER_VERB`: "said on Friday", "told the Kelm Herald", "said Anna Brixby")."""
    return end - verb - 1 <= AFTER_VERB


def _chars(doc: Any, start: int, end: int) -> Span:
    """The character span of tokens ``start`` to ``end`` (end exclusive) of ``doc`` (empty,
    where token ``start`` begins, when there are none)."""
    if end <= start:
        at = doc[start].idx if start < len(doc) else len(doc.text)
        return at, at
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _heads(after: str) -> bool:
    """Whether a name followed by ``after`` (the rest of the speaker's words) is the speaker:
    it ends them, or a clause, "of", "for" or where it is follows ("Ana Reyes, who led them",
    "Ana Reyes of the ministry", "a spokeswoman for the airline", "the Foreign Office in
    Castra"); not "Saudi" in "a Saudi official"."""
    rest = after.strip()
    if rest.startswith(("in ", "at ")) and rest[3:].strip()[:1].isupper():
        rest = ""  # "the Foreign Office in Castra said": where it is, not who
    return not rest or rest.startswith(",") or rest.startswith(("of ", "for "))


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
