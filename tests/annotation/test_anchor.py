"""find_quote and anchor_at: the one place a quote names, with W3C quote-selector context."""

from __future__ import annotations

import pytest

from handcar.annotation.anchor import CONTEXT, AmbiguousQuote, QuoteNotFound, anchor_at, find_quote

# fiction: a made-up sentence, not from any article
TEXT = "The crew rowed out. The crew rowed back at dusk, and the crew slept.\n"


def test_a_unique_quote_is_anchored_at_its_offsets() -> None:
    anchor = find_quote(TEXT, "rowed back")
    assert (anchor.start, anchor.end) == (TEXT.index("rowed back"), TEXT.index(" at dusk"))
    assert anchor.exact == "rowed back"
    assert anchor.prefix == "The crew rowed out. The crew "
    assert anchor.suffix == " at dusk, and the crew slept.\n"


def test_prefix_and_suffix_pick_one_occurrence_and_are_not_part_of_the_anchor() -> None:
    second = find_quote(TEXT, "The crew", prefix="out. ")
    assert second.start == TEXT.index("The crew", 1)
    assert second.exact == "The crew"
    before_slept = find_quote(TEXT, "crew", suffix=" slept")
    assert before_slept.start == TEXT.rindex("crew")


def test_a_missing_quote_is_not_found() -> None:
    with pytest.raises(QuoteNotFound):
        find_quote(TEXT, "rowed ashore")
    with pytest.raises(QuoteNotFound):  # the words are there, but not with this prefix
        find_quote(TEXT, "rowed back", prefix="Their ")


def test_an_ambiguous_quote_lists_the_offsets_of_the_quote_itself() -> None:
    with pytest.raises(AmbiguousQuote) as caught:
        find_quote(TEXT, "crew")
    assert caught.value.offsets == [4, 24, 57]
    assert str(caught.value) == "occurs 3 times"
    with pytest.raises(AmbiguousQuote) as caught:  # offsets skip the prefix
        find_quote(TEXT, "crew", prefix="The ")
    assert caught.value.offsets == [4, 24]


def test_overlapping_occurrences_count() -> None:
    with pytest.raises(AmbiguousQuote) as caught:
        find_quote("aaa", "aa")
    assert caught.value.offsets == [0, 1]


def test_case_and_unicode_are_exact() -> None:
    text = "Новая Газета, новая газета"
    assert find_quote(text, "новая").start == 14  # code points, not bytes
    with pytest.raises(QuoteNotFound):
        find_quote(text, "НОВАЯ ГАЗЕТА")


def test_context_is_at_most_context_characters_each_side() -> None:
    text = "x" * 100 + "middle" + "y" * 100
    anchor = anchor_at(text, 100, 106)
    assert anchor.prefix == "x" * CONTEXT
    assert anchor.suffix == "y" * CONTEXT
    edge = anchor_at(text, 0, 3)
    assert (edge.prefix, edge.exact) == ("", "xxx")
    assert anchor_at(text, len(text) - 2, len(text)).suffix == ""


def test_a_run_of_white_space_matches_any_run() -> None:
    # an article wraps its lines; a quote written on one line (or folded by YAML) still finds
    # the words, and the anchor is the text's own characters
    text = ("They walked across the\nTumen River bridge on Tuesday.\n\n"
            "The walk across the  Tumen took")
    wrapped = find_quote(text, "walked across the Tumen River bridge")
    assert wrapped.exact == "walked across the\nTumen River bridge"
    assert text[wrapped.start:wrapped.end] == wrapped.exact
    assert find_quote(text, "the Tumen", suffix=" River").exact == "the\nTumen"
    assert find_quote(text, "Tuesday. The", prefix="bridge on ").exact == "Tuesday.\n\nThe"
    with pytest.raises(AmbiguousQuote) as twice:  # once wrapped, once with two spaces
        find_quote(text, "across the Tumen")
    assert twice.value.offsets == [12, 64]
    spaced = find_quote(text, " walk across", prefix="The")
    assert spaced.exact == " walk across" and spaced.prefix.endswith("The")
    with pytest.raises(QuoteNotFound):
        find_quote(text, "across theTumen")  # a space is not nothing
    with pytest.raises(QuoteNotFound):
        find_quote(text, " \n ")


def test_canonically_equivalent_text_is_the_same_text() -> None:
    # fiction: an article pasted with decomposed accents ("e" + U+0301, as some systems write
    # it); the curator types the accented letters: Unicode says these are the same text
    decomposed = "The envoy Rene\u0301e Dupre\u0301 met Kim. Rene\u0301e left.\n"
    anchor = find_quote(decomposed, "Ren\u00e9e Dupr\u00e9")
    assert anchor.exact == "Rene\u0301e Dupre\u0301"  # the text's own characters
    assert decomposed[anchor.start:anchor.end] == anchor.exact
    assert anchor.prefix == "The envoy " and anchor.suffix.startswith(" met Kim.")
    with pytest.raises(AmbiguousQuote) as twice:
        find_quote(decomposed, "Ren\u00e9e")
    assert twice.value.offsets == [10, 33]
    assert find_quote(decomposed, "Ren\u00e9e", prefix="Kim. ").start == 33
    assert find_quote(decomposed, "Ren\u00e9e", suffix=" left").start == 33
    # ... and the other way round: a decomposed quote finds the composed letters
    composed = "The envoy Ren\u00e9e Dupr\u00e9 met Kim.\n"
    assert find_quote(composed, "Rene\u0301e").exact == "Ren\u00e9e"
    # a letter is not the letter with an accent, in either form
    with pytest.raises(QuoteNotFound):
        find_quote(decomposed, "Rene Dupre")
    with pytest.raises(QuoteNotFound):
        find_quote(composed, "Rene")
    # a Hangul syllable written as its jamo (NFD) is the syllable
    jamo = "\u1109\u1165\u110b\u116e\u11af \u1100\u1161\u11bc"  # 서울 강 in NFD
    assert find_quote(jamo, "\uc11c\uc6b8").exact == "\u1109\u1165\u110b\u116e\u11af"
    assert find_quote(jamo, "\uac15").exact == "\u1100\u1161\u11bc"


def test_the_words_closest_to_a_quote_not_in_the_text() -> None:
    """A quote with a typo, a word left out or other quotation marks: the words of the text
    it was meant to be (without a full stop the quote does not have); nothing close: None."""
    from handcar.annotation.anchor import closest_words

    text = "A bus took the group to Vladivostok, and on Friday morning they flew on to Moscow."
    for quote, meant in [("flew to Moscow", "flew on to Moscow"),
                         ("the group to Vladivostock", "the group to Vladivostok"),
                         ("\u201cthey flew on to Moscow.\u201d", "they flew on to Moscow.")]:
        found = closest_words(text, quote)
        assert found is not None and text[slice(*found)] == meant, quote
    assert closest_words(text, "the ferry sank") is None
    assert closest_words(text, "") is None
